package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.HostileServer.Mode;
import dev.ticdcctl.testing.HostileServer;
import dev.ticdcctl.testing.StubServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Servers that stall, trickle, cut, reset or flood an answer: every command ends within its --timeout (a generous
 * bound here, never a tight one) with one Error line and the documented exit code; a watch shows a failed refresh
 * and goes on; completion stays silent.
 */
@org.junit.jupiter.api.Timeout(30)
class TransportTest {
    /** The --timeout of every run: short, so that the whole matrix stays fast. */
    private static final String TIMEOUT = "500ms";
    /** Far above TIMEOUT (and completion's own 2s), far below a hang. */
    private static final Duration BOUND = Duration.ofSeconds(8);
    private static final String CAP = "1MiB";

    /** A command, and the healthy answers it needs before the request under test. */
    enum Command {
        LIST(List.of(), "changefeed", "list"),
        GET(List.of(), "changefeed", "get", "x"),
        WAIT_POLL(List.of(Fixtures.changefeed("x", "stopped")), "changefeed", "wait", "x", "--for", "state=normal"),
        PAUSE_WAIT(List.of(Fixtures.changefeed("x", "normal"), "{}"), "changefeed", "pause", "x"),
        CAPTURES(List.of(), "capture", "list"),
        API(List.of(), "api", "-X", "GET", "/changefeeds");

        final List<String> healthy;
        final List<String> args;

        Command(List<String> healthy, String... args) {
            this.healthy = healthy;
            this.args = List.of(args);
        }
    }

    private HostileServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> modesAndCommands() {
        List<Arguments> cases = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (Command command : Command.values()) {
                cases.add(Arguments.of(mode, command));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} against {0}")
    @MethodSource("modesAndCommands")
    void a_misbehaving_server_ends_the_command_within_the_timeout_with_one_error(Mode mode, Command command) {
        server = HostileServer.start(mode, command.healthy.toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of("--server", server.url(), "--timeout", TIMEOUT,
                "--max-response-size", CAP));
        args.addAll(command.args);

        Cli.Result r = timed(() -> new Cli().run(args.toArray(String[]::new)));

        assertEquals(exitCode(mode), r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("waiting up to")
                && !l.startsWith("changefeed \"x\": ")).toList();
        assertTrue(lines.get(0).startsWith("Error: ") && lines.get(0).contains(message(mode)), r::toString);
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Hint: "), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_watch_refresh_that_fails_is_shown_and_the_watch_goes_on(Mode mode) {
        server = HostileServer.start(mode, Fixtures.changefeedList());
        AtomicInteger sleeps = new AtomicInteger();
        Cli watcher = new Cli().sleeper(d -> {
            if (sleeps.incrementAndGet() > 1) {
                throw new InterruptedException("Ctrl-C after the second look");
            }
        });

        // No retries: their back-off would be the sleeper's second call, which ends the watch.
        Cli.Result r = timed(() -> watcher.run("--server", server.url(), "--timeout", TIMEOUT, "--max-response-size",
                CAP, "--retries", "0", "changefeed", "list", "--watch"));

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("cf-kafka"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().matches("Warning: refresh at \\S+ failed: .*" + quoted(message(mode))
                + ".*; still watching\n"), r::toString);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void completion_stays_silent_and_bounded(Mode mode) {
        server = HostileServer.start(mode);

        Cli.Result r = timed(() -> new Cli().run("__complete", "--", "--server", server.url(), "changefeed", "get",
                ""));

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().lines().allMatch(l -> l.startsWith(":")), r::toString);
    }

    @Test
    void an_https_port_that_never_answers_the_handshake_fails_within_the_timeout_retries_included() {
        server = HostileServer.start(Mode.SILENT);
        String address = "https://127.0.0.1:" + server.port();

        Cli.Result r = timed(() -> new Cli().run("--server", address, "--timeout", "1s", "--retries", "5",
                "changefeed", "list"));

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot connect to " + address + ": no answer within 1s (connect or TLS"
                + " handshake timed out)\n"), r::toString);
    }

    @Test
    void retries_stop_when_the_next_would_start_past_the_deadline() {
        try (StubServer slow = new StubServer()) {
            slow.on("GET", "/api/v2/changefeeds", new StubServer.Response(503, "application/json",
                    "{\"error_msg\":\"not ready\",\"error_code\":\"CDC:ErrServerIsNotReady\"}", 400));

            Cli.Result r = timed(() -> Cli.against(slow).run("--timeout", "1s", "--retries", "10", "changefeed",
                    "list"));

            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("Error: not ready (CDC:ErrServerIsNotReady)\n"), r::toString);
            // 400 ms each: a third try would need at least a 200 ms back-off from 800 ms, reaching the 1s deadline.
            assertEquals(2, slow.requests().size(), slow.requests()::toString);
        }
    }

    @Test
    void the_default_size_cap_stops_an_endless_flood() {
        server = HostileServer.start(Mode.OVERSIZED_BODY);

        Cli.Result r = timed(() -> new Cli().run("--server", server.url(), "changefeed", "list"));

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: the answer to GET /api/v2/changefeeds is larger than the limit of 64MiB; stopped reading"
                + " it\nHint: raise the limit with --max-response-size or TICDCCTL_MAX_RESPONSE_SIZE\n", r.err());
    }

    @Test
    void an_answer_that_declares_a_length_above_the_cap_is_refused_and_the_variable_sets_the_cap() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/captures", 200, Fixtures.captures());

            Cli.Result r = Cli.against(stub).env("TICDCCTL_MAX_RESPONSE_SIZE", "100B").run("capture", "list");

            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("Error: the answer to GET /api/v2/captures is larger than the limit of"
                    + " 100B"), r::toString);
        }
    }

    @Test
    void a_list_of_ten_thousand_changefeeds_is_far_below_the_default_cap() {
        StringBuilder list = new StringBuilder("{\"total\":10000,\"items\":[");
        for (int i = 0; i < 10_000; i++) {
            list.append(i == 0 ? "" : ",").append("""
                    {"upstream_id":7390512345678901234,"namespace":"default","id":"cf-%05d","state":"normal",
                     "checkpoint_tso":450835120160243717,"checkpoint_time":"2024-07-01 10:05:00.123","error":null,
                     "sink_uri":"kafka://kafka-0.kafka.svc:9092/orders-topic?protocol=canal-json&max-message-bytes=1048576"}
                    """.formatted(i));
        }
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/changefeeds", 200, list.append("]}").toString());

            Cli.Result r = Cli.against(stub).run("changefeed", "list", "--no-headers");

            assertTrue(list.length() > 2_500_000, "about the size of a real list: " + list.length());
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(10_000, r.out().lines().count());
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "flag | lots | Invalid value for option '--max-response-size': 'lots' is not a size",
        "flag | 0 | --max-response-size must be more than 0 and at most 1GiB, not 0B",
        "flag | 2GiB | --max-response-size must be more than 0 and at most 1GiB, not 2GiB",
        "env | 12 parsecs | invalid TICDCCTL_MAX_RESPONSE_SIZE: '12 parsecs' is not a size",
        "env | 0KiB | TICDCCTL_MAX_RESPONSE_SIZE must be more than 0 and at most 1GiB, not 0B",
    })
    void an_invalid_size_cap_is_a_usage_error_naming_its_source(String source, String value, String message) {
        Cli cli = new Cli();
        List<String> args = new ArrayList<>(List.of("--server", "127.0.0.1:1", "changefeed", "list"));
        if (source.equals("flag")) {
            args.addAll(List.of("--max-response-size", value));
        } else {
            cli.env("TICDCCTL_MAX_RESPONSE_SIZE", value);
        }

        Cli.Result r = cli.run(args.toArray(String[]::new));

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(message), r::toString);
    }

    private static int exitCode(Mode mode) {
        return mode == Mode.OVERSIZED_BODY ? 1 : 5;
    }

    /** What the one Error line says, in part, for each mode. */
    private static String message(Mode mode) {
        return switch (mode) {
            case SILENT -> "within " + TIMEOUT + " (request timed out)";
            case STALLED_BODY, TRICKLING_BODY, ENDLESS_BODY -> "did not complete within " + TIMEOUT;
            case TRUNCATED_BODY, RESET_MID_BODY -> "was cut short";
            case OVERSIZED_BODY -> "is larger than the limit of " + CAP + "; stopped reading it";
            case CLOSE_ON_ACCEPT -> "closed the connection before answering";
            case GARBAGE -> "did not answer HTTP";
        };
    }

    private static String quoted(String text) {
        return Pattern.quote(text);
    }

    /** Runs {@code run} and fails if it took longer than {@link #BOUND}: the proof that nothing hung. */
    static Cli.Result timed(Supplier<Cli.Result> run) {
        long start = System.nanoTime();
        Cli.Result r = run.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, () -> "took " + took + ": " + r);
        return r;
    }
}
