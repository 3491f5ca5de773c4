package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.VirtualScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The status line of a wait: on a terminal, one line on stderr rewritten at each poll that says what the wait is
 * for, how long it has waited and what it saw last, erased when the wait ends. The screen is read at every pause of
 * the wait (the test's sleeper), as a person would see it then, and once more at the end.
 */
class WaitProgressTest extends SandboxTest {
    private static final int WIDTH = 160;

    /** The screen's text at each pause of the run in progress: the status line is its last line. */
    private final List<String> seen = new ArrayList<>();

    /**
     * The classic server, whose owner acts a tick after a request, so that create, pause, resume and drain have a
     * wait to show; the new architecture has acted when it answers.
     */
    WaitProgressTest() {
        super(ServerDialect.CLASSIC);
    }

    /** The CLI with only stderr on a terminal of {@code width} columns (stdout piped, stdin not a terminal). */
    private Cli tty(Sandbox server, int width) {
        Cli[] cli = new Cli[1];
        cli[0] = new Cli().clock(clock).args("--server", server.url().toString())
                .terminal(new Terminal(false, false, true, width))
                .sleeper(pause -> {
                    List<String> lines = VirtualScreen.ofCooked(cli[0].errSoFar(), width).lines();
                    seen.add(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
                    clock.sleep(pause);
                });
        return cli[0];
    }

    private Cli.Result okOn(Cli cli, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    /** The status lines shown that match {@code pattern}, which must match at least {@code polls} of them. */
    private List<Matcher> shown(String pattern, int polls) {
        Pattern p = Pattern.compile(pattern);
        List<Matcher> matches = seen.stream().map(p::matcher).filter(Matcher::matches).toList();
        assertTrue(matches.size() >= polls, () -> "at least " + polls + " status lines like " + pattern + " in\n"
                + String.join("\n", seen));
        return matches;
    }

    /** What stays on screen once the command ended: never the status line. */
    private static List<String> screenAtTheEnd(Cli.Result r, int width) {
        return VirtualScreen.ofCooked(r.err(), width).lines();
    }

    @Test
    void pausing_shows_the_state_and_checkpoint_lag_while_it_waits_and_leaves_a_clean_screen() {
        Cli tty = tty(sandbox, WIDTH);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        seen.clear();

        Cli.Result r = okOn(tty, "changefeed", "pause", "orders");

        shown("waiting \\d+s for changefeed \"orders\" to stop; last seen: normal, checkpoint lag \\d+(ms|s)", 2);
        assertEquals("changefeed \"orders\" paused\n", r.out());
        assertEquals(List.of(), screenAtTheEnd(r, WIDTH), r::toString);
        assertTrue(r.err().endsWith("\r\u001b[K"), "erased when the wait ends: " + r.err());
    }

    @Test
    void resuming_and_updating_with_restart_show_the_wait_for_the_changefeed_to_run() {
        Cli tty = tty(sandbox, WIDTH);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");

        Cli.Result resumed = okOn(tty, "changefeed", "resume", "orders");

        shown("waiting \\d+s for changefeed \"orders\" to run; last seen: stopped, checkpoint lag \\d+(ms|s)", 2);
        assertEquals(List.of(), screenAtTheEnd(resumed, WIDTH), resumed::toString);
        seen.clear();

        long later = Long.parseLong(ok("tso", "query").out().trim()) + (3_600_000L << 18);
        Cli.Result updated = okOn(tty, "changefeed", "update", "orders", "--target-ts", String.valueOf(later),
                "--restart", "--yes");

        shown("waiting \\d+s for changefeed \"orders\" to stop; last seen: normal, checkpoint lag \\d+(ms|s)", 1);
        shown("waiting \\d+s for changefeed \"orders\" to run; last seen: stopped, checkpoint lag \\d+(ms|s)", 1);
        assertFalse(screenAtTheEnd(updated, WIDTH).stream().anyMatch(line -> line.startsWith("waiting")),
                updated::toString);
    }

    @Test
    void creating_shows_the_wait_until_the_owner_has_the_changefeed() {
        Cli tty = tty(sandbox, WIDTH);

        Cli.Result r = okOn(tty, "changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");

        shown("waiting \\d+s for changefeed \"orders\" to stop; last seen: \\w[\\w ]*(, checkpoint lag \\d+(ms|s))?", 1);
        assertFalse(screenAtTheEnd(r, WIDTH).stream().anyMatch(line -> line.startsWith("waiting")), r::toString);
    }

    @Test
    void deleting_says_what_it_waits_for_until_the_server_answers() {
        Cli tty = tty(sandbox, WIDTH);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        Cli.Result r = okOn(tty, "changefeed", "delete", "orders", "--yes");

        // The server answers once the changefeed is gone, so the line is drawn once and erased with the answer.
        assertTrue(r.err().matches("\r\u001b\\[Kwaiting for changefeed \"orders\" to be deleted; last seen: normal,"
                + " checkpoint lag \\d+(ms|s)\r\u001b\\[K"), r::toString);
        assertEquals(List.of(), screenAtTheEnd(r, WIDTH), r::toString);
    }

    @Test
    void waiting_for_a_checkpoint_shows_how_far_it_still_is_and_the_distance_falls() {
        Cli tty = tty(sandbox, WIDTH);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");
        long target = Long.parseLong(ok("tso", "query").out().trim()) + (20_000L << 18);

        Cli.Result r = okOn(tty, "changefeed", "wait", "orders", "--for", "checkpoint=" + target, "--interval", "2s");

        List<Integer> distances = shown("waiting (\\d+)s for changefeed \"orders\" to reach checkpoint \\S+Z;"
                + " last seen: normal, checkpoint (\\d+)s short of it, lag \\d+(ms|s)", 5)
                .stream().map(m -> Integer.parseInt(m.group(2))).toList();
        for (int i = 1; i < distances.size(); i++) {
            assertTrue(distances.get(i) < distances.get(i - 1), () -> "the distance falls: " + distances);
        }
        assertEquals(List.of("waiting up to 10m for changefeed \"orders\" to reach checkpoint " + target + " ("
                + new Tso(target).instant() + ") (every 2s)", "changefeed \"orders\": normal"),
                screenAtTheEnd(r, WIDTH), r::toString);
    }

    @Test
    void waiting_for_synced_shows_the_time_waited_growing_and_the_checkpoint_lag() {
        Cli tty = tty(sandbox, WIDTH);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        okOn(tty, "changefeed", "wait", "orders", "--for", "synced", "--interval", "10s");

        shown("waiting 0s for changefeed \"orders\" to become synced; last seen: normal, checkpoint lag \\d+(ms|s),"
                + " not synced yet", 1);
        shown("waiting 4m\\d+s for changefeed \"orders\" to become synced; last seen: normal, checkpoint lag"
                + " \\d+(ms|s), not synced yet", 1);
    }

    @Test
    void a_wait_that_times_out_leaves_only_its_lines_and_the_error_on_screen() {
        Cli tty = tty(sandbox, WIDTH);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");

        Cli.Result r = tty.run("changefeed", "wait", "orders", "--for", "state=normal", "--timeout", "30s");

        assertEquals(6, r.exitCode(), r::toString);
        shown("waiting 2\\ds for changefeed \"orders\" to become normal; last seen: stopped, checkpoint lag \\d+s", 1);
        assertEquals(List.of("waiting up to 30s for changefeed \"orders\" to become normal (every 2s)",
                "changefeed \"orders\": stopped",
                "Error: changefeed \"orders\" did not become normal within 30s (last seen: state stopped)",
                "Hint: wait longer with --timeout, or see 'ticdcctl changefeed status orders'"),
                screenAtTheEnd(r, WIDTH), r::toString);
    }

    @Test
    void draining_with_wait_shows_the_tables_left() {
        try (Sandbox pair = start(Sandbox.Options.defaults().withCaptures(2).withClock(clock)
                .withDialect(dialect))) {
            Cli tty = tty(pair, WIDTH);
            for (String id : List.of("cf-1", "cf-2", "cf-3")) {
                okOn(tty, "changefeed", "create", id, "--sink-uri", "blackhole://");
            }
            String capture = okOn(tty, "capture", "list", "--jq", ".items[1].id").out().trim();
            seen.clear();

            Cli.Result r = okOn(tty, "capture", "drain", capture, "--yes", "--wait");

            shown("waiting \\d+s for capture " + capture + " to hand over its tables; last seen: [1-9]\\d* tables?"
                    + " left", 2);
            List<String> end = screenAtTheEnd(r, WIDTH);
            assertEquals("capture " + capture + ": 0 tables left", end.get(end.size() - 1), r::toString);
        }
    }

    @Test
    void resigning_with_wait_shows_the_election_and_the_owner_seen() {
        Cli tty = tty(sandbox, WIDTH);
        String before = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .id").out().trim();

        Cli.Result r = okOn(tty, "owner", "resign", "--yes", "--wait");

        shown("waiting \\d+s for another capture to become owner; last seen: (no owner|owner " + before + ")", 1);
        assertEquals(List.of("owner " + before + " resigned; waiting for the election"), screenAtTheEnd(r, WIDTH),
                r::toString);
    }

    @Test
    void server_text_on_the_status_line_is_escaped() {
        String owner = "{\"id\":\"cap-%s\",\"is_owner\":%s,\"address\":\"10.0.0.1:8300\",\"cluster_id\":\"default\"}";
        try (StubServer server = new StubServer()) {
            server.on("GET", "/api/v2/captures", 200, "{\"total\":2,\"items\":[" + owner.formatted("a", true) + ","
                    + owner.formatted("b", false) + "]}");
            server.onError("GET", "/api/v2/captures", 500, "CDC:ErrOwnerNotFound", "owner \\u001b[2Jnot found");
            server.on("GET", "/api/v2/captures", 200, "{\"total\":2,\"items\":[" + owner.formatted("a", false) + ","
                    + owner.formatted("b", true) + "]}");
            server.on("POST", "/api/v2/owner/resign", 200, "{}");
            Cli[] cli = new Cli[1];
            cli[0] = Cli.against(server).terminal(new Terminal(false, false, true, WIDTH)).sleeper(pause -> {
                List<String> lines = VirtualScreen.ofCooked(cli[0].errSoFar(), WIDTH).lines(); // fails on the raw escape
                seen.add(lines.get(lines.size() - 1));
            });

            okOn(cli[0], "owner", "resign", "--yes", "--wait");

            shown("waiting 0s for another capture to become owner; last seen: no owner: owner \\\\x1b\\[2Jnot found.*",
                    1);
        }
    }

    @Test
    void the_status_line_is_cut_to_the_terminal_width() {
        Cli tty = tty(sandbox, 40);
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        okOn(tty, "changefeed", "pause", "orders");

        assertEquals(List.of("waiting 0s for changefeed \"orders\" to…"), seen.stream().distinct().limit(1).toList());
        assertTrue(seen.stream().allMatch(line -> line.length() <= 39), seen::toString);
    }

    @Test
    void a_bulk_action_shows_its_result_lines_and_no_status_line() {
        Cli tty = tty(sandbox, WIDTH).terminal(new Terminal(false, true, true, WIDTH));
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "cf-2", "--sink-uri", "blackhole://");

        Cli.Result r = okOn(tty, "changefeed", "pause", "cf-1", "cf-2", "--yes");

        assertTrue(seen.size() >= 2, "the waits took several polls: " + seen);
        assertEquals("changefeed \"cf-1\" paused\nchangefeed \"cf-2\" paused\n", r.out());
        assertEquals("2 paused\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stderr piped", "-q", "--debug", "TERM=dumb"})
    void no_status_line_off_a_terminal_nor_with_quiet_debug_or_a_dumb_terminal(String how) {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");
        ok("changefeed", "resume", "orders", "--no-wait");
        Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString())
                .terminal(how.equals("TERM=dumb") ? Terminal.interactive(100, 24, "dumb")
                        : new Terminal(true, true, how.startsWith("-"), 100));
        List<String> args = new ArrayList<>(List.of("changefeed", "wait", "orders", "--for", "state=normal"));
        if (how.startsWith("-")) {
            args.add(how);
        }

        Cli.Result r = cli.run(args.toArray(String[]::new));

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\r") || r.err().contains("\u001b[K"), r::toString);
        if (how.equals("stderr piped")) {
            assertEquals("""
                    waiting up to 10m for changefeed "orders" to become normal (every 2s)
                    changefeed "orders": stopped
                    changefeed "orders": normal
                    """, r.err());
        }
    }
}
