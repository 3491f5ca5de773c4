package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.HostileServer;
import dev.ticdcctl.testing.HostileServer.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
        server.close();
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

        Cli.Result r = timed(() -> watcher.run("--server", server.url(), "--timeout", TIMEOUT, "--max-response-size",
                CAP, "changefeed", "list", "--watch"));

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
        return java.util.regex.Pattern.quote(text);
    }

    /** Runs {@code run} and fails if it took longer than {@link #BOUND}: the proof that nothing hung. */
    static Cli.Result timed(java.util.function.Supplier<Cli.Result> run) {
        long start = System.nanoTime();
        Cli.Result r = run.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, () -> "took " + took + ": " + r);
        return r;
    }
}
