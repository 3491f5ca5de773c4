package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.VirtualScreen;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code changefeed list|get --watch} against the sandbox, classic and new: redrawn on a terminal, appended to a
 * pipe, ended by Ctrl-C with exit 0.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
class WatchTest extends SandboxTest {
    private static final int WIDTH = 120;

    /** What the test does at each sleep of the watch, in order; a watch ends at the sleep after the last. */
    private final List<Runnable> betweenPolls = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    /** What stdout held at each sleep: the screen after each refresh. */
    private final List<String> outAtSleep = new ArrayList<>();
    /** When the watch started: the sandbox's clock after the changefeeds were created. */
    private Instant start;

    WatchTest(ServerDialect dialect) {
        super(dialect);
    }

    @BeforeEach
    void twoChangefeeds() {
        for (String id : List.of("cf-a", "cf-b")) {
            Cli.Result r = cli.run("changefeed", "create", id, "--sink-uri", "blackhole://");
            assertEquals(0, r.exitCode(), r::toString);
        }
        start = clock.instant();
    }

    /** The local time a terminal shows {@code seconds} after the watch started. */
    private String at(int seconds) {
        return LocalDateTime.ofInstant(start.plusSeconds(seconds), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    /** A CLI whose waits move the shared clock, run {@link #betweenPolls}, then end the watch as Ctrl-C does. */
    private Cli watching() {
        AtomicInteger slept = new AtomicInteger();
        Cli watcher = cliAt(sandbox.url());
        return watcher.sleeper(d -> {
            sleeps.add(d);
            outAtSleep.add(watcher.outSoFar());
            clock.sleep(d);
            int n = slept.getAndIncrement();
            if (n >= betweenPolls.size()) {
                throw new InterruptedException("Ctrl-C");
            }
            betweenPolls.get(n).run();
        });
    }

    private void failLater(String id) {
        fault(id, "{\"state\":\"failed\"}");
    }

    // ---- on a terminal

    @Test
    void on_a_terminal_the_list_is_redrawn_in_place_and_a_changed_state_is_highlighted() {
        betweenPolls.add(() -> failLater("cf-b"));
        String server = sandbox.url().toString();

        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30))
                .run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        VirtualScreen screen = VirtualScreen.of(r.out(), WIDTH);
        List<String> lines = screen.lines();
        // One snapshot on screen, the second: the first was overwritten, not scrolled away.
        assertEquals(4, lines.size(), screen::toString);
        assertEquals("Every 2s · " + server + " · " + at(2) + " · changed: cf-b normal→failed"
                + " · Ctrl-C to stop", lines.get(0), screen::toString);
        assertTrue(lines.get(1).matches("ID +STATE +CHECKPOINT +LAG +ERROR"), screen::toString);
        assertTrue(lines.get(2).matches("cf-a +normal +\\S+ +\\S+ +-"), screen::toString);
        assertTrue(lines.get(3).matches("cf-b +failed +\\S+ +\\S+ +CDC:\\S+"), screen::toString);
        assertFalse(screen.highlighted(2), "cf-a did not change:\n" + screen);
        assertTrue(screen.highlighted(3), "cf-b changed:\n" + screen);
        assertTrue(r.out().contains("\u001b[32mnormal"), "states are coloured on a terminal");
        VirtualScreen first = VirtualScreen.of(outAtSleep.get(0), WIDTH);
        assertEquals("Every 2s · " + server + " · " + at(0) + " · Ctrl-C to stop", first.lines().get(0), first::toString);
        assertTrue(first.lines().get(3).matches("cf-b +normal .*"), first::toString);
        assertFalse(first.highlighted(3), first::toString);
        // Left with the cursor shown, below the last snapshot.
        assertTrue(screen.cursorVisible(), r::toString);
        assertEquals(4, screen.cursorRow(), screen::toString);
        assertTrue(r.out().endsWith("\u001b[0m"), "attributes reset at the end");
    }

    @Test
    void a_highlight_lasts_one_refresh() {
        betweenPolls.add(() -> failLater("cf-b"));
        betweenPolls.add(() -> { });

        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30))
                .run("changefeed", "list", "-w", "--interval", "5s");

        assertEquals(0, r.exitCode(), r::toString);
        VirtualScreen screen = VirtualScreen.of(r.out(), WIDTH);
        assertTrue(screen.lines().get(0).startsWith("Every 5s · "), screen::toString);
        assertFalse(screen.lines().get(0).contains("changed"), screen::toString);
        assertTrue(screen.lines().get(3).startsWith("cf-b "), screen::toString);
        assertFalse(screen.highlighted(3), screen::toString);
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), sleeps);
    }

    @Test
    void without_colour_a_change_is_named_in_the_status_line_and_no_styles_are_written() {
        betweenPolls.add(() -> failLater("cf-a"));

        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30)).env("NO_COLOR", "1")
                .run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        VirtualScreen screen = VirtualScreen.of(r.out(), WIDTH);
        assertTrue(screen.lines().get(0).contains(" · changed: cf-a normal→failed · "), screen::toString);
        assertFalse(screen.highlighted(2), screen::toString);
        assertFalse(r.out().matches("(?s).*\u001b\\[[0-9;]*[1-9][0-9;]*m.*"), "no colour or emphasis: " + r);
    }

    @Test
    void get_on_a_terminal_shows_the_changefeed_with_its_lag() {
        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30))
                .run("changefeed", "get", "cf-a", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = VirtualScreen.of(r.out(), WIDTH).lines();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(0).endsWith(" · Ctrl-C to stop"), r::toString);
        assertTrue(lines.get(1).matches("ID +STATE +CHECKPOINT +LAG +ERROR +SINK_URI"), r::toString);
        assertTrue(lines.get(2).startsWith("cf-a "), r::toString);
    }

    @Test
    void on_an_80_column_terminal_the_watched_list_keeps_every_column_and_cuts_long_ids_in_the_middle() {
        String id = "orders-replication-to-the-analytics-warehouse-eu-west";
        assertEquals(0, cli.run("changefeed", "create", id, "--sink-uri", "blackhole://").exitCode());
        betweenPolls.add(() -> failLater(id));

        Cli.Result r = watching().terminal(new Terminal(true, true, true, 80, 30)).env("NO_COLOR", "1")
                .run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        VirtualScreen screen = VirtualScreen.of(r.out(), 80);
        List<String> lines = screen.lines();
        assertTrue(lines.get(1).matches("ID +STATE +CHECKPOINT +LAG +ERROR"), screen::toString);
        assertTrue(lines.get(4).matches("orders-…-eu-west +failed +\\S+ +\\S+ +CDC:\\S+"), screen::toString);
        assertTrue(lines.stream().noneMatch(line -> line.length() > 80), screen::toString);
    }

    @Test
    void a_list_taller_than_the_terminal_is_cut_to_fit() {
        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 4))
                .run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = VirtualScreen.of(r.out(), WIDTH).lines();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(1).startsWith("ID "), r::toString);
        assertEquals("… 2 more lines", lines.get(2), r::toString);
    }

    @Test
    void a_server_blip_shows_in_the_status_line_and_the_watch_goes_on() {
        betweenPolls.add(() -> inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}"));
        betweenPolls.add(() -> { });

        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30)).args("--retries", "0")
                .run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        VirtualScreen failed = VirtualScreen.of(outAtSleep.get(1), WIDTH);
        // The time of the snapshot still shown, then when and why the refresh failed (cut to the width).
        assertTrue(failed.lines().get(0).matches("Every 2s · \\S+ · " + at(0) + " · Error at " + at(2)
                + ": the server answered HTTP 502 .*"), failed::toString);
        assertEquals(4, failed.lines().size(), "the last snapshot stays under the error:\n" + failed);
        // The next good refresh replaces the error.
        String status = VirtualScreen.of(r.out(), WIDTH).lines().get(0);
        assertTrue(status.contains(" · " + at(4) + " · "), status);
        assertFalse(status.contains("Error"), status);
    }

    // ---- piped

    @Test
    void piped_each_refresh_appends_a_table_after_a_blank_line() {
        betweenPolls.add(() -> failLater("cf-b"));
        betweenPolls.add(() -> { });

        Cli.Result r = watching().run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        String[] snapshots = r.out().split("\n\n");
        assertEquals(3, snapshots.length, r::toString);
        for (String snapshot : snapshots) {
            assertTrue(snapshot.startsWith("ID "), r::toString);
            assertEquals(3, snapshot.strip().split("\n").length, r::toString);
        }
        assertTrue(snapshots[0].contains("\ncf-b   normal "), r::toString);
        assertTrue(snapshots[1].contains("\ncf-b   failed "), r::toString);
        assertFalse(r.out().contains("\u001b"), "no escape sequences in a pipe: " + r);
        assertFalse(r.out().contains("Ctrl-C"), r::toString);
    }

    @Test
    void piped_json_is_one_compact_document_per_refresh() throws Exception {
        betweenPolls.add(() -> failLater("cf-a"));

        Cli.Result r = watching().run("changefeed", "list", "--watch", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r::toString);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertEquals("normal", first.at("/items/0/state").asText(), r::toString);
        assertEquals("failed", second.at("/items/0/state").asText(), r::toString);
        assertEquals(2, second.get("total").asInt(), r::toString);
    }

    @Test
    void piped_jq_applies_to_each_snapshot() {
        betweenPolls.add(() -> failLater("cf-b"));

        Cli.Result r = watching().run("changefeed", "list", "--watch", "--jq", ".items[] | .id + \" \" + .state");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cf-a normal\ncf-b normal\ncf-a normal\ncf-b failed\n", r.out(), r::toString);
    }

    @Test
    void piped_yaml_documents_are_separated_by_three_dashes() {
        betweenPolls.add(() -> { });

        Cli.Result r = watching().run("changefeed", "get", "cf-a", "--watch", "-o", "yaml");

        assertEquals(0, r.exitCode(), r::toString);
        String[] documents = r.out().split("(?m)^---\n");
        assertEquals(2, documents.length, r::toString);
        assertTrue(documents[0].contains("id: cf-a\n") && documents[1].contains("id: cf-a\n"), r::toString);
    }

    @Test
    void piped_a_failed_refresh_is_a_warning_on_stderr_and_the_watch_goes_on() {
        betweenPolls.add(() -> inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}"));
        betweenPolls.add(() -> { });

        Cli.Result r = watching().args("--retries", "0").run("changefeed", "list", "--watch", "--jq", ".total");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("2\n2\n", r.out(), r::toString);
        assertTrue(r.err().matches("Warning: refresh at " + at(2) + "\\.\\d+Z failed: .*HTTP 502.*; still watching\n"),
                r::toString);
    }

    // ---- ending and failing

    @Test
    void get_watch_of_a_missing_changefeed_fails_at_once_with_exit_3() {
        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30))
                .run("changefeed", "get", "nope", "--watch");

        assertEquals(ExitCode.NOT_FOUND.code(), r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("CDC:ErrChangeFeedNotExists"), r::toString);
        assertEquals(List.of(), sleeps, "no waiting for a changefeed that is not there");
    }

    @Test
    void an_unreachable_server_at_the_first_poll_fails_with_exit_5() {
        Cli.Result r = new Cli().args("--server", "http://127.0.0.1:1", "--retries", "0")
                .run("changefeed", "list", "--watch");

        assertEquals(ExitCode.UNREACHABLE.code(), r.exitCode(), "an unreachable server at the first poll: " + r);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("Error: ")).count(), r::toString);
    }

    @Test
    void ctrl_c_ends_the_watch_with_exit_0_restores_the_terminal_and_the_signal_handler() {
        SignalHandler before = Signal.handle(new Signal("INT"), SignalHandler.SIG_DFL);
        Signal.handle(new Signal("INT"), before);
        Cli cli = cliAt(sandbox.url()).sleeper(d -> {
            clock.sleep(d);
            Signal.raise(new Signal("INT")); // what Ctrl-C sends; the watch's handler interrupts this sleep
            Thread.sleep(10_000);
        });

        Cli.Result r = cli.terminal(new Terminal(true, true, true, WIDTH, 30)).run("changefeed", "list", "--watch");

        assertEquals(0, r.exitCode(), r::toString);
        VirtualScreen screen = VirtualScreen.of(r.out(), WIDTH);
        assertEquals(4, screen.lines().size(), "the last snapshot stays on screen:\n" + screen);
        assertTrue(screen.cursorVisible(), r::toString);
        assertFalse(Thread.currentThread().isInterrupted());
        // Each look wraps the JVM's handler anew; the wrapped one must be the JVM's again.
        assertEquals(before.toString(), Signal.handle(new Signal("INT"), before).toString(),
                "the previous SIGINT handler is back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--interval=soon", "--interval=0s", "--interval=100ms", "--interval="})
    void a_bad_interval_is_a_usage_error(String interval) {
        Cli.Result r = watching().run("changefeed", "list", "--watch", interval);

        assertEquals(ExitCode.USAGE.code(), r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("interval") || r.err().contains("duration"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void interval_without_watch_is_a_usage_error() {
        Cli.Result r = watching().run("changefeed", "get", "cf-a", "--interval", "5s");

        assertEquals(ExitCode.USAGE.code(), r.exitCode(), r::toString);
        assertEquals("Error: --interval applies only with --watch\n", r.err(), r::toString);
    }

    @Test
    void without_watch_nothing_changes() {
        Cli.Result r = watching().terminal(new Terminal(true, true, true, WIDTH, 30)).run("changefeed", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("ID "), r::toString);
        assertEquals(List.of(), sleeps);
    }
}
