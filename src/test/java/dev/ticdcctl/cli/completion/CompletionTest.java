package dev.ticdcctl.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ticdcctl __complete}: the candidates the shell scripts offer for a partial command line. */
class CompletionTest {
    private static final String CF_KAFKA = "cf-kafka";
    private static final String CF_MYSQL = "cf-mysql";
    private static final String OWNER = "d2912e63-3349-447c-90ba-72a4e04b5e9e";
    private static final String OTHER_CAPTURE = "5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d";

    private final StubServer server = new StubServer()
            .on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList())
            .on("GET", "/api/v2/captures", 200, Fixtures.captures());

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    /** What one completion printed: the candidates (value and description) and the directive. */
    record Offered(List<String> values, List<String> lines, int directive, Cli.Result result) {}

    /** Completes the last word of {@code line} against the stub server, whose address the line starts with. */
    private Offered complete(String line) {
        return complete(cli(), "--server " + server.url() + " " + line);
    }

    /** Completes the last word of {@code line} ("a b " ends in an empty word) as the scripts ask. */
    private static Offered complete(Cli cli, String line) {
        return complete(cli, null, line);
    }

    /** The same, told what the word is ({@code --live=KIND}, as the scripts say when their tables know), unless null. */
    private static Offered complete(Cli cli, String kind, String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
        words.add(0, "--");
        if (kind != null) {
            words.add(0, "--live=" + kind);
        }
        words.add(0, "__complete");
        Cli.Result r = cli.run(words.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        List<String> lines = r.out().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches(":\\d+"), () -> "no directive line\n" + r);
        List<String> candidates = lines.subList(0, lines.size() - 1);
        return new Offered(candidates.stream().map(l -> l.split("\t", 2)[0]).toList(), candidates,
                Integer.parseInt(last.substring(1)), r);
    }

    /** A CLI whose HOME (contexts file, credentials) is the temporary directory. */
    private Cli cli() {
        return new Cli().env("HOME", home.toString());
    }

    // ---- static: the command tree, offline

    @ParameterizedTest(name = "ticdcctl {0}<TAB> offers {1}")
    @CsvSource(delimiter = '|', value = {
        "'changefeed p' | pause",
        "'cf l' | list",
        "'changefeed qu' | query",
        "'changefeed list --state ' | normal warning pending error stopped failed finished removed all",
        "'changefeed list --state e' | error",
        "'changefeed list --state f' | failed finished",
        "'changefeed list -o ' | table wide json yaml",
        "'changefeed export cf -o ' | toml json yaml",
        "'changefeed export --output=' | --output=toml --output=json --output=yaml",
        "'api changefeeds -o ' | json yaml",
        "'-o ' | table wide json yaml toml",
        "'-o j' | json",
        "'--color ' | auto always never",
        "'changefeed list --color ' | auto always never",
        "'changefeed list --col' | --color",
        "'changefeed list --output=j' | --output=json",
        "'changefeed list --state=st' | --state=stopped",
        "'log set ' | debug info warn error dpanic panic fatal",
        "'log set d' | debug dpanic",
        "'completion ' | bash zsh fish",
        "'-n team-a changefeed p' | pause",
        "'--server http://h:1 cf pa' | pause",
        "'--timeout=1s capture d' | drain",
        "'changefeed pause --no' | --no-wait --no-headers --no-confirm",
        "'changefeed list ' | --state --all --watch --interval",
        "'help changefeed sy' | synced",
        "'help ca' | capture",
        "'config set-context prod --un' | --unset",
        "'tso d' | decode",
        "'changefeed wait cf --for s' | state=normal state=warning state=pending state=error state=stopped state=failed state=finished synced",
        "'changefeed wait cf --for c' | checkpoint=",
    })
    void static_words_come_from_the_command_tree(String line, String expected) {
        Offered offered = complete(line);

        assertEquals(List.of(expected.split(" ")), offered.values(), offered.result()::toString);
        assertEquals(0, offered.directive(), offered.result()::toString);
        assertTrue(server.requests().isEmpty(), () -> "asked the server: " + server.requests());
    }

    @Test
    void an_empty_line_offers_the_visible_top_level_commands_with_descriptions() {
        Offered offered = complete("");

        assertEquals(List.of("changefeed", "capture", "processor", "owner", "log", "tso", "unsafe", "status", "health",
                "version", "api", "config", "sandbox", "shell", "top", "completion", "help"), offered.values(),
                offered.result()::toString);
        assertTrue(offered.lines().contains("changefeed\tCreate, inspect and control changefeeds"),
                offered.result()::toString);
        assertTrue(offered.lines().stream().allMatch(l -> l.length() < 100), offered.result()::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_dash_offers_every_visible_option_including_the_global_ones() {
        Offered offered = complete("changefeed pause -");

        assertTrue(offered.values().containsAll(List.of("-c", "--changefeed-id", "--all", "--match", "--no-wait",
                "--context", "-n", "--namespace", "-o", "--output", "--color", "-y", "--yes")), offered.values()::toString);
        assertTrue(offered.lines().contains("--no-wait\tReturn once the server accepted the request"),
                offered.result()::toString);
        assertTrue(offered.lines().contains("--color\tColour: auto, always, never (default: auto = on a terminal, unless..."),
                offered.result()::toString);
        assertFalse(offered.values().contains("--state"), offered.values()::toString);
        assertFalse(offered.values().contains("--server"), () -> "given already: " + offered.values());
    }

    @Test
    void an_option_already_given_is_not_offered_again() {
        Offered offered = complete("changefeed list --all --a");

        assertEquals(List.of(), offered.values(), offered.result()::toString);
    }

    @Test
    void hidden_commands_are_not_offered() {
        assertFalse(complete("").values().contains("__complete"));
        assertEquals(List.of(), complete("__").values());
    }

    @ParameterizedTest(name = "ticdcctl {0}<TAB> completes file paths")
    @CsvSource(delimiter = '|', value = {
        "'changefeed create --config '",
        "'changefeed create -f '",
        "'changefeed update orders --config '",
        "'changefeed apply --filename '",
        "'changefeed diff -f '",
        "'--ca '",
        "'changefeed list --cert '",
        "'--key '",
        "'--config-file '",
        "'api /api/v2/changefeeds --input '",
        "'config set-context prod --password-file '",
        "'sandbox --state-dir '",
    })
    void file_options_complete_paths(String line) {
        Offered offered = complete(line);

        assertEquals(Completions.FILES, offered.directive(), offered.result()::toString);
        assertEquals(List.of(), offered.values(), offered.result()::toString);
    }

    @Test
    void a_file_option_with_an_equals_sign_completes_paths_too() {
        Offered offered = complete("changefeed create --config=ch");

        assertEquals(Completions.FILES, offered.directive(), offered.result()::toString);
    }

    @ParameterizedTest(name = "ticdcctl {0}<TAB> offers nothing")
    @CsvSource(delimiter = '|', value = {
        "'--server '",
        "'changefeed create --sink-uri '",
        "'--timeout '",
        "'tso decode '",
    })
    void free_values_offer_nothing(String line) {
        Offered offered = complete(line);

        assertEquals(List.of(), offered.values(), offered.result()::toString);
        assertEquals(0, offered.directive(), offered.result()::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    // ---- live: the cluster of the line's connection settings

    @ParameterizedTest(name = "ticdcctl {0}<TAB> offers changefeed IDs")
    @CsvSource(delimiter = '|', value = {
        "'changefeed pause '",
        "'changefeed resume '",
        "'cf get '",
        "'changefeed delete '",
        "'changefeed update '",
        "'changefeed wait '",
        "'changefeed pause -c '",
        "'changefeed status --changefeed-id '",
        "'processor get '",
        "'processor get -c '",
        "'processor get -p capture-1 '",
    })
    void changefeed_arguments_offer_the_changefeeds_of_the_server(String line) {
        Offered offered = complete(line);

        assertEquals(List.of(CF_KAFKA, CF_MYSQL), offered.values(), offered.result()::toString);
        assertEquals(List.of(CF_KAFKA + "\tnormal", CF_MYSQL + "\tfailed"), offered.lines());
        assertEquals("namespace=default", server.last("GET", "/api/v2/changefeeds").query());
    }

    @Test
    void changefeed_ids_follow_the_namespace_and_the_prefix_typed() {
        StubServer teamA = new StubServer();
        try (teamA) {
            teamA.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList().replace("\"namespace\":\"default\"",
                    "\"namespace\":\"team-a\""));
            Offered offered = complete(cli(), "--server " + teamA.url() + " changefeed -n team-a pause cf-m");

            assertEquals(List.of(CF_MYSQL), offered.values(), offered.result()::toString);
            assertEquals("namespace=team-a", teamA.last("GET", "/api/v2/changefeeds").query());
        }
    }

    @Test
    void ids_given_already_are_not_offered_again() {
        Offered offered = complete("changefeed pause cf-kafka ");

        assertEquals(List.of(CF_MYSQL), offered.values(), offered.result()::toString);
    }

    @Test
    void a_new_changefeed_id_is_not_completed() {
        Offered offered = complete("changefeed create ");

        assertEquals(List.of(), offered.values(), offered.result()::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @ParameterizedTest(name = "ticdcctl {0}<TAB> offers capture IDs and addresses")
    @CsvSource(delimiter = '|', value = {
        "'capture drain '",
        "'processor get cf-kafka '",
        "'processor get -p '",
        "'processor get --capture-id '",
        "'processor get -c cf-kafka '",
        "'changefeed move-table cf-kafka -t 101 -d '",
        "'changefeed move-split-table cf-kafka --target-node-id '",
    })
    void capture_arguments_offer_the_captures_of_the_server(String line) {
        Offered offered = complete(line);

        assertEquals(List.of(OWNER + "\t10.0.0.1:8300 (owner)", OTHER_CAPTURE + "\t10.0.0.2:8300",
                "10.0.0.1:8300\t" + OWNER + " (owner)", "10.0.0.2:8300\t" + OTHER_CAPTURE), offered.lines(),
                offered.result()::toString);
    }

    @ParameterizedTest(name = "ticdcctl {0}<TAB> offers what starts so")
    @CsvSource(delimiter = '|', value = {
        "'capture drain 10.' | 10.0.0.1:8300,10.0.0.2:8300",
        "'capture drain 10.0.0.2' | 10.0.0.2:8300",
        "'processor get cf-kafka 5b' | 5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d",
        "'processor get -p 10.0.0.1' | 10.0.0.1:8300",
    })
    void a_capture_is_completed_from_its_id_or_its_address(String line, String expected) {
        Offered offered = complete(line);

        assertEquals(List.of(expected.split(",")), offered.values(), offered.result()::toString);
    }

    @Test
    void the_server_can_come_from_the_environment() {
        Offered offered = complete(new Cli().env("HOME", home.toString()).env("TICDCCTL_SERVER", server.url()),
                "changefeed pause ");

        assertEquals(List.of(CF_KAFKA, CF_MYSQL), offered.values(), offered.result()::toString);
    }

    @Test
    void the_server_can_come_from_a_context_named_on_the_line() {
        Cli contexts = new Cli().env("HOME", home.toString());
        assertEquals(0, contexts.run("config", "set-context", "prod", "--server", server.url()).exitCode());

        Offered offered = complete(contexts, "--context prod capture drain ");

        assertEquals(List.of(OWNER, OTHER_CAPTURE, "10.0.0.1:8300", "10.0.0.2:8300"), offered.values(),
                offered.result()::toString);
    }

    @Test
    void an_unreachable_server_offers_nothing_and_says_nothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Offered offered = complete(new Cli().env("HOME", home.toString()), "--server http://127.0.0.1:" + closedPort
                + " changefeed pause ");

        assertEquals(List.of(), offered.values(), offered.result()::toString);
        assertEquals(0, offered.directive(), offered.result()::toString);
    }

    @Test
    void a_server_id_with_control_characters_is_not_offered_and_descriptions_are_escaped() {
        StubServer hostile = new StubServer();
        try (hostile) {
            hostile.on("GET", "/api/v2/changefeeds", 200, "{\"total\":2,\"items\":["
                    + "{\"id\":\"evil\\u001b]0;x\\u0007\",\"state\":\"normal\"},"
                    + "{\"id\":\"fine\",\"state\":\"nor\\u001b[2Jmal\"}]}");

            Offered offered = complete(new Cli(), "--server " + hostile.url() + " changefeed pause ");

            assertEquals(List.of("fine"), offered.values(), offered.result()::toString);
            assertEquals(List.of("fine\tnor\\x1b[2Jmal"), offered.lines(), offered.result()::toString);
        }
    }

    @Test
    void a_server_error_offers_nothing_and_says_nothing() {
        StubServer failing = new StubServer();
        try (failing) {
            failing.onError("GET", "/api/v2/changefeeds", 500, "CDC:ErrInternalServerError", "boom");

            Offered offered = complete(new Cli(), "--server " + failing.url() + " changefeed pause ");

            assertEquals(List.of(), offered.values(), offered.result()::toString);
        }
    }

    @Test
    void a_slow_server_is_given_up_on_after_two_seconds_whatever_the_line_says() {
        StubServer slow = new StubServer();
        try (slow) {
            slow.on("GET", "/api/v2/changefeeds",
                    new StubServer.Response(200, "application/json", Fixtures.changefeedList(), 20_000));
            long start = System.nanoTime();

            Offered offered = complete(new Cli(), "--server " + slow.url() + " --timeout 1m changefeed pause ");

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(List.of(), offered.values(), offered.result()::toString);
            assertEquals(1, slow.requests().size(), () -> "retried: " + slow.requests());
            assertTrue(millis < 10_000, "took " + millis + " ms");
        }
    }

    @Test
    void context_names_come_from_the_contexts_file() {
        Cli contexts = new Cli().env("HOME", home.toString());
        assertEquals(0, contexts.run("config", "set-context", "prod", "--server", "cdc-0.prod:8300").exitCode());
        assertEquals(0, contexts.run("config", "set-context", "staging", "--server", "cdc-0.stg:8300").exitCode());

        assertEquals(List.of("prod\tcdc-0.prod:8300", "staging\tcdc-0.stg:8300"),
                complete(contexts, "config use-context ").lines());
        assertEquals(List.of("staging"), complete(contexts, "config delete-context s").values());
        assertEquals(List.of("prod"), complete(contexts, "--context p").values());
        assertEquals(List.of("--context=prod"), complete(contexts, "changefeed list --context=p").values());
    }

    @Test
    void context_names_come_from_the_contexts_file_named_on_the_line() {
        Cli contexts = new Cli().env("HOME", home.toString());
        Path file = home.resolve("other.toml");
        assertEquals(0, contexts.run("--config-file", file.toString(), "config", "set-context", "dev").exitCode());

        assertEquals(List.of("dev"), complete(contexts, "--config-file " + file + " --context ").values());
        assertEquals(List.of(), complete(contexts, "--context ").values());
    }

    /** Told what the word is, the same candidates come without the command tree, for values and for options. */
    @ParameterizedTest(name = "--live={0} ticdcctl {1}<TAB>")
    @CsvSource(delimiter = '|', value = {
        "context    | 'config use-context '",
        "context    | '--context p'",
        "context    | 'changefeed list --context=p'",
        "context    | 'changefeed list --context '",
        "keyspace   | 'changefeed list --keyspace '",
        "keyspace   | '-k o'",
        "changefeed | '--context prod changefeed pause '",
        "changefeed | 'changefeed pause --context prod -n default cf'",
        "capture    | 'capture drain --context prod '",
    })
    void told_what_the_word_is_the_same_candidates_come(String kind, String line) {
        Cli contexts = cli();
        assertEquals(0, contexts.run("config", "set-context", "prod", "--server", server.url()).exitCode());
        assertEquals(0, contexts.run("config", "set-context", "other", "--server", server.url(), "-k", "old")
                .exitCode());

        Offered fromTheTree = complete(contexts, line);
        Offered told = complete(contexts, kind, line);

        assertEquals(fromTheTree.lines(), told.lines(), told.result()::toString);
        assertFalse(told.lines().isEmpty(), told.result()::toString);
    }

    /** No TiCDC route lists keyspaces, so those the contexts name are offered, each with its contexts. */
    @Test
    void keyspaces_come_from_the_contexts() {
        Cli contexts = new Cli().env("HOME", home.toString());
        assertEquals(0, contexts.run("config", "set-context", "a", "--keyspace", "ks-1").exitCode());
        assertEquals(0, contexts.run("config", "set-context", "b", "-k", "ks-1").exitCode());
        assertEquals(0, contexts.run("config", "set-context", "c", "--keyspace", "other").exitCode());

        assertEquals(List.of("ks-1\tcontext a, b", "other\tcontext c"),
                complete(contexts, "changefeed list --keyspace ").lines());
        assertEquals(List.of("other"), complete(contexts, "-k o").values());
    }
}
