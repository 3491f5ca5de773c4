package dev.ticdcctl.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ticdcctl __complete} of changefeed and capture IDs against every form of the sandbox, reached by its address
 * or embedded with {@code --sandbox}: what the shell scripts offer at TAB.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ServerDialect.class)
class CompletionOfIdsTest extends SandboxTest {
    @TempDir
    Path home;

    CompletionOfIdsTest(ServerDialect dialect) {
        super(dialect);
    }

    @BeforeEach
    void twoChangefeedsOnePaused() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "audit", "--sink-uri", "blackhole://", "--paused");
    }

    /** The candidates, each with its description, of the last word of {@code line} ("a b " ends in an empty one). */
    private List<String> complete(Cli cli, String line) {
        return complete(cli, null, line);
    }

    /** The same, as the scripts ask when their tables say what the word is ({@code --live=KIND}), unless null. */
    private List<String> complete(Cli cli, String kind, String line) {
        List<String> words = new ArrayList<>(List.of("__complete"));
        if (kind != null) {
            words.add("--live=" + kind);
        }
        words.add("--");
        words.addAll(Arrays.asList(line.split(" ", -1)));
        Cli.Result r = cli.run(words.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches(":\\d+"), () -> "no directive line\n" + r);
        return lines.subList(0, lines.size() - 1);
    }

    /** The line's connection: the sandbox's address, and the keyspace a next-gen kernel requires. */
    private String connection() {
        return "--server " + sandbox.url() + (dialect.nextGen() ? " -k " + KEYSPACE : "");
    }

    @Test
    void changefeed_arguments_offer_the_changefeeds_with_their_states() {
        Cli completing = new Cli().clock(clock).env("HOME", home.toString());

        assertEquals(List.of("audit\tstopped", "orders\tnormal"),
                complete(completing, connection() + " changefeed pause "));
        assertEquals(List.of("orders\tnormal"), complete(completing, connection() + " changefeed resume audit o"));
    }

    /** Told what the word is, the same candidates come without the command tree (an ID on the line not again). */
    @Test
    void told_what_the_word_is_the_candidates_are_the_same() {
        Cli completing = new Cli().clock(clock).env("HOME", home.toString());

        for (String[] asked : List.of(new String[] {"changefeed", " changefeed pause "},
                new String[] {"changefeed", " changefeed resume audit "},
                new String[] {"changefeed", " changefeed resume audit o"},
                new String[] {"capture", " capture drain "})) {
            String line = connection() + asked[1];
            assertEquals(complete(completing, line), complete(completing, asked[0], line), line);
        }
        assertEquals(List.of("orders\tnormal"), complete(completing, "changefeed", connection() + " changefeed pause o"));
    }

    @Test
    void capture_arguments_offer_the_captures_by_id_and_by_address() {
        List<String> captures = ok("capture", "list", "--jq", ".items[] | .id + \"\\t\" + .address").out().lines()
                .toList();

        List<String> offered = complete(new Cli().clock(clock).env("HOME", home.toString()),
                connection() + " capture drain ");

        String owner = captures.get(0).split("\t")[0];
        assertEquals(2 * captures.size(), offered.size(), offered::toString);
        assertEquals(captures.get(0) + " (owner)", offered.get(0), offered::toString);
        assertTrue(offered.contains(captures.get(0).split("\t")[1] + "\t" + owner + " (owner)"), offered::toString);
    }

    @Test
    void a_next_gen_kernel_offers_nothing_without_a_keyspace_and_the_others_need_none() {
        List<String> offered = complete(new Cli().clock(clock).env("HOME", home.toString()),
                "--server " + sandbox.url() + " changefeed pause ");

        // A next-gen kernel refuses a list without a keyspace; completion then stays silent.
        assertEquals(dialect.nextGen() ? List.of() : List.of("audit\tstopped", "orders\tnormal"), offered);
    }

    @Test
    void the_embedded_sandbox_offers_its_changefeeds_in_the_form_it_was_made_in(@TempDir Path state) {
        Cli embedded = new Cli().clock(clock).env("HOME", home.toString())
                .env("TICDCCTL_SANDBOX_DIR", state.toString())
                .env("TICDCCTL_SANDBOX_ARCH", dialect.arch()).env("TICDCCTL_SANDBOX_KERNEL", dialect.kernel());
        String keyspace = dialect.nextGen() ? " -k " + KEYSPACE : "";
        Cli.Result created = embedded.run(("--sandbox" + keyspace + " changefeed create embedded-1 --sink-uri"
                + " blackhole://").split(" "));
        assertEquals(0, created.exitCode(), created::toString);

        assertEquals(List.of("embedded-1\tnormal"), complete(embedded, "--sandbox" + keyspace + " changefeed get "));
    }
}
