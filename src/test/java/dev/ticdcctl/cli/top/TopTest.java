package dev.ticdcctl.cli.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.ScreenSession;
import dev.ticdcctl.testing.SteppedSleeper;
import dev.ticdcctl.testing.VirtualScreen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ticdcctl top} against the sandbox, classic and new architecture (both kernels), on a virtual terminal of 80×24 (160×50 where
 * said): the screen a person sees after each key and each refresh, refreshes stepped on the shared clock.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ServerDialect.class)
class TopTest extends SandboxTest {
    private static final String PROMPT = "$ ticdcctl top";

    @TempDir
    Path home;

    private final SteppedSleeper sleeper = new SteppedSleeper(clock);
    private ScreenSession session;

    TopTest(ServerDialect dialect) {
        super(dialect);
    }

    @BeforeEach
    void threeChangefeeds() {
        for (String id : List.of("cf-a", "cf-b", "cf-c")) {
            ok("changefeed", "create", id, "--sink-uri", "blackhole://");
        }
    }

    @AfterEach
    void closeTerminal() throws IOException {
        if (session != null) {
            session.close();
        }
    }

    /** Starts top on a terminal of this size; returns its first screen with the changefeeds on it. */
    private VirtualScreen top(int width, int height, String... args) {
        return top(cliAt(sandbox.url()), width, height, args);
    }

    private VirtualScreen top(Cli base, int width, int height, String... args) {
        session = new ScreenSession(width, height, PROMPT + "\r\n");
        List<String> all = new ArrayList<>(List.of("top"));
        all.addAll(List.of(args));
        session.start(base.sleeper(sleeper), all.toArray(String[]::new));
        return session.await(s -> row(s, "cf-c") != null);
    }

    /** Waits for the screen {@code condition} looks for, letting refreshes and waits pass meanwhile. */
    private VirtualScreen until(Predicate<VirtualScreen> condition) {
        return session.await(condition, sleeper::stepIfWaiting);
    }

    private VirtualScreen shows(String text) {
        return session.await(s -> s.toString().contains(text));
    }

    /** The line of changefeed {@code id}, or null. */
    private static String row(VirtualScreen screen, String id) {
        return screen.lines().stream().filter(l -> l.startsWith(id + " ")).findFirst().orElse(null);
    }

    private static int lineOf(VirtualScreen screen, String id) {
        List<String> lines = screen.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(id + " ")) {
                return i;
            }
        }
        return -1;
    }

    private String server() {
        return sandbox.url().toString().replaceAll("/$", "");
    }

    private Cli.Result quit() {
        session.type("q");
        return session.result();
    }

    @Test
    void the_first_screen_shows_the_server_the_changefeeds_and_the_captures() {
        VirtualScreen screen = top(80, 24);

        List<String> lines = screen.lines();
        assertTrue(screen.alternate(), "top draws on the alternate screen");
        assertFalse(screen.cursorVisible());
        assertTrue(("cluster " + server() + " · TiCDC " + (dialect.isNew() ? "v8.5.7" : "v8.5.0") + " · "
                + dialect.arch() + " architecture, " + dialect.kernel() + " kernel").startsWith(lines.get(0).replace("…", "")),
                screen::toString);
        assertTrue(lines.get(1).startsWith("healthy · 3 changefeeds (3 normal) · 3 captures · owner 127.0.0.1:"),
                screen::toString);
        assertTrue(lines.get(2).startsWith("refreshed 2024-07-01T"), screen::toString);
        assertTrue(lines.get(2).contains("every 2s · sort: worst first"), screen::toString);
        assertTrue(lines.get(3).matches("ID +STATE +LAG +TREND \\(5m\\) +ERROR +MESSAGE"), screen::toString);
        assertTrue(row(screen, "cf-a").matches("cf-a +normal +\\S+ +▁ +- *"), screen::toString);
        assertTrue(screen.highlighted(lineOf(screen, "cf-a")), "the first row is selected");
        assertFalse(screen.highlighted(lineOf(screen, "cf-b")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CAPTURES ADDRESS")), screen::toString);
        List<String> captures = lines.stream().filter(l -> l.matches(" +127\\.0\\.0\\.1:\\d+ .*")).toList();
        assertEquals(3, captures.size(), screen::toString);
        assertEquals(1, captures.stream().filter(l -> l.contains(" owner ")).count(), screen::toString);
        // the classic server counts each capture's processors; the new one answers its processor routes empty
        assertTrue(captures.stream().allMatch(l -> l.matches(".* " + (dialect.isNew() ? "-" : "\\d+") + " +\\S+")),
                screen::toString);
        assertTrue(lines.get(23).startsWith("↑↓ select · Enter detail · / filter · s sort · p pause"),
                screen::toString);
        for (String line : lines) {
            assertTrue(line.length() <= 80, () -> "fits 80 columns: " + line);
        }
        assertEquals(0, quit().exitCode());
    }

    @Test
    void a_wide_terminal_adds_the_checkpoint_and_more_rows() {
        VirtualScreen screen = top(160, 50);

        assertEquals("cluster " + server() + " · TiCDC " + (dialect.isNew() ? "v8.5.7" : "v8.5.0") + " · "
                + dialect.arch() + " architecture, " + dialect.kernel() + " kernel", screen.lines().get(0));
        assertTrue(screen.lines().get(1).matches("healthy · 3 changefeeds \\(3 normal\\) · 3 captures · owner"
                + " 127\\.0\\.0\\.1:\\d+ \\([0-9a-f-]{36}\\)"), screen::toString);
        assertTrue(screen.lines().get(3).matches("ID +STATE +LAG +TREND \\(5m\\) +CHECKPOINT +ERROR +MESSAGE"),
                screen::toString);
        assertTrue(row(screen, "cf-b").matches("cf-b +normal +\\S+ +▁ +2024-07-01T\\S+ +- *"), screen::toString);
        assertEquals(0, quit().exitCode());
    }

    @Test
    void a_refresh_shows_a_changed_state_worst_first_with_its_error() {
        top(80, 24);
        fault("cf-b", "{\"state\":\"failed\",\"message\":\"the sink is gone\"}");

        VirtualScreen screen = until(s -> row(s, "cf-b") != null && row(s, "cf-b").contains("failed"));

        assertTrue(row(screen, "cf-b").matches("cf-b +failed +\\S+ +\\S+ +CDC:ErrMySQLConnectionError +the sink is.*"),
                screen::toString);
        assertEquals(lineOf(screen, "cf-a") - 1, lineOf(screen, "cf-b"), "the failed one first:\n" + screen);
        assertTrue(screen.lines().get(1).contains("(1 failed, 2 normal)"), screen::toString);
        quit();
    }

    @Test
    void the_lag_trend_grows_while_a_changefeed_stands_still() {
        top(80, 24, "--interval", "20s");
        fault("cf-a", "{\"state\":\"failed\"}");

        // four refreshes 20s apart: the checkpoint stays, the lag grows, each in its own slice of the trend
        VirtualScreen screen = until(s -> trend(s, "cf-a").strip().length() >= 4);

        String trend = trend(screen, "cf-a").strip();
        for (int i = 1; i < trend.length(); i++) {
            assertTrue(trend.charAt(i) >= trend.charAt(i - 1), () -> "rising: '" + trend + "'\n" + screen);
        }
        assertEquals('█', trend.charAt(trend.length() - 1), screen::toString);
        assertTrue(trend.charAt(0) < '▅', screen::toString);
        quit();
    }

    /** The TREND cells of {@code id}'s row. */
    private static String trend(VirtualScreen screen, String id) {
        String header = screen.lines().get(3);
        String row = row(screen, id);
        int from = header.indexOf("TREND");
        int to = header.indexOf("ERROR");
        return row == null || row.length() < to ? "" : row.substring(from, to);
    }

    @Test
    void slash_filters_by_id_with_a_regex_and_an_invalid_one_says_why() {
        top(80, 24);

        session.type("/(");
        shows("/(");
        session.type("\r");
        VirtualScreen invalid = shows("invalid regex");
        assertTrue(invalid.lines().get(23).startsWith("/(  invalid regex: Unclosed group"), invalid::toString);

        session.type("\u007f\u007f"); // the filter is still being typed
        session.type("-[bc]$\r");
        VirtualScreen screen = session.await(s -> row(s, "cf-a") == null);

        assertTrue(screen.lines().get(2).contains("filter: /-[bc]$/"), screen::toString);
        assertTrue(row(screen, "cf-b") != null && row(screen, "cf-c") != null, screen::toString);
        session.type("\u001b"); // Esc in the list clears the filter
        session.await(s -> row(s, "cf-a") != null);
        quit();
    }

    @Test
    void s_cycles_the_sort_from_worst_first_to_lag_state_and_id() {
        top(80, 24);
        fault("cf-c", "{\"state\":\"failed\"}");
        until(s -> row(s, "cf-c") != null && row(s, "cf-c").contains("failed"));

        for (String sort : List.of("lag", "state", "ID")) {
            session.type("s");
            shows("sort: " + sort);
        }
        VirtualScreen byId = shows("sorted by ID");
        assertTrue(lineOf(byId, "cf-a") < lineOf(byId, "cf-b") && lineOf(byId, "cf-b") < lineOf(byId, "cf-c"),
                byId::toString);
        session.type("s");
        VirtualScreen worst = shows("sort: worst first");
        assertTrue(lineOf(worst, "cf-c") < lineOf(worst, "cf-a"), worst::toString);
        quit();
    }

    @Test
    void enter_opens_the_changefeed_page_with_its_lag_trend_and_esc_goes_back() {
        top(80, 24);
        session.type("\u001b[B"); // ↓ to cf-b
        session.await(s -> s.highlighted(lineOf(s, "cf-b")));

        session.type("\r");
        VirtualScreen page = shows("Sink URI:");

        String text = page.toString();
        assertTrue(text.contains("changefeed cf-b · Esc back"), text);
        assertTrue(text.contains("Lag trend (last 5m, peak"), text);
        assertTrue(text.contains("Name:             cf-b"), text);
        assertTrue(text.contains("State:            normal"), text);
        session.type("\u001b");
        session.await(s -> row(s, "cf-a") != null);
        quit();
    }

    @Test
    void p_pauses_after_a_yes_and_anything_else_declines() {
        top(80, 24);

        session.type("p");
        VirtualScreen asked = shows("[y/N]");
        assertEquals("Pause changefeed \"cf-a\" of cluster " + server() + "? [y/N]", asked.lines().get(23));
        session.type("n");
        shows("changefeed \"cf-a\" was not paused");

        session.type("p");
        shows("[y/N]");
        session.type("y");
        until(s -> s.toString().contains("changefeed \"cf-a\" paused"));
        VirtualScreen screen = until(s -> row(s, "cf-a") != null && row(s, "cf-a").contains("stopped"));
        assertTrue(screen.lines().get(1).contains("(2 normal, 1 stopped)"), screen::toString);
        assertTrue(ok("changefeed", "get", "cf-a", "-o", "json").out().contains("\"state\": \"stopped\""));
        quit();
    }

    @Test
    void r_resumes_a_paused_changefeed() {
        ok("changefeed", "pause", "cf-b");
        VirtualScreen first = top(80, 24);
        assertEquals(4, lineOf(first, "cf-b"), "worst first: stopped before normal, so selected:\n" + first);
        assertTrue(first.highlighted(4), first::toString);

        session.type("r");
        shows("Resume changefeed \"cf-b\"");
        session.type("y");
        until(s -> s.toString().contains("changefeed \"cf-b\" resumed"));
        until(s -> row(s, "cf-b") != null && row(s, "cf-b").contains("normal"));
        quit();
    }

    @Test
    void d_deletes_only_when_the_id_is_typed() {
        top(80, 24);
        session.type("\u001b[B\u001b[B"); // cf-c
        session.await(s -> s.highlighted(lineOf(s, "cf-c")));

        session.type("d");
        VirtualScreen asked = shows("Type its ID:");
        assertTrue(asked.lines().get(23).startsWith("Delete changefeed \"cf-c\" of cluster http"), asked::toString);
        session.type("cf-x");
        VirtualScreen typed = shows("Type its ID: cf-x");
        assertTrue(typed.lines().get(23).length() <= 80, typed::toString);
        session.type("\r");
        shows("the ID typed does not match: changefeed \"cf-c\" was not deleted");
        assertEquals(0, cli.run("changefeed", "get", "cf-c").exitCode(), "still there");

        session.type("d");
        shows("Type its ID:");
        session.type("cf-c\r");
        until(s -> s.toString().contains("changefeed \"cf-c\" deleted"));
        VirtualScreen after = until(s -> row(s, "cf-c") == null);
        assertTrue(after.highlighted(lineOf(after, "cf-b")), "the selection stays at the bottom:\n" + after);
        assertEquals(3, cli.run("changefeed", "get", "cf-c").exitCode(), "gone");
        quit();
    }

    @Test
    void read_only_refuses_every_action_and_says_why() {
        top(80, 24, "--read-only");

        for (String key : List.of("p", "r", "d")) {
            session.type(key);
            String verb = key.equals("p") ? "pause" : key.equals("r") ? "resume" : "delete";
            VirtualScreen screen = shows("cannot " + verb);
            assertEquals("read-only (--read-only): cannot " + verb + " changefeeds here", screen.lines().get(23));
        }
        assertTrue(session.screen().lines().get(2).endsWith("· read-only"));
        quit();
        assertEquals(0, cli.run("changefeed", "get", "cf-a", "-o", "json", "--jq", ".state").exitCode());
        assertTrue(cli.run("changefeed", "get", "cf-a", "-o", "json", "--jq", ".state").out().contains("normal"));
    }

    @Test
    void a_read_only_context_refuses_actions_unless_the_flag_says_otherwise() throws IOException {
        Path config = home.resolve("config.toml");
        Cli inContext = new Cli().clock(clock).env("TICDCCTL_CONFIG", config.toString());
        List<String> setContext = new ArrayList<>(List.of("config", "set-context", "watch", "--server",
                sandbox.url().toString(), "--read-only", "--use"));
        if (dialect.nextGen()) {
            setContext.addAll(List.of("--keyspace", KEYSPACE));
        }
        assertEquals(0, inContext.run(setContext.toArray(String[]::new)).exitCode());
        assertTrue(Files.readString(config).contains("read-only = true"), () -> readConfig(config));

        top(inContext, 80, 24);
        session.type("p");
        shows("read-only (context watch): cannot pause changefeeds here");
        quit();

        top(new Cli().clock(clock).env("TICDCCTL_CONFIG", config.toString()), 80, 24, "--read-only=false");
        session.type("p");
        shows("[y/N]");
        session.type("n");
        quit();
    }

    private static String readConfig(Path config) {
        try {
            return Files.readString(config);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void resizing_redraws_at_the_new_size() {
        top(80, 24);

        session.resize(160, 50);
        VirtualScreen screen = session.await(s -> s.lines().size() == 50);

        assertTrue(screen.lines().get(3).contains("CHECKPOINT"), screen::toString);
        assertTrue(screen.lines().get(49).startsWith("↑↓ select"), screen::toString);
        assertTrue(screen.lines().get(0).length() > 80 || screen.lines().get(1).length() <= 160, screen::toString);
        quit();
    }

    @Test
    void q_leaves_the_screen_as_it_was_with_the_cursor_shown() {
        top(80, 24);

        Cli.Result r = quit();

        assertEquals(0, r.exitCode(), r::toString);
        VirtualScreen after = session.screen();
        assertFalse(after.alternate(), "back on the normal screen");
        assertTrue(after.cursorVisible(), "the cursor shown again");
        assertEquals(List.of(PROMPT), after.lines(), after::toString);
        assertEquals("", r.out() + r.err(), "nothing else on stdout or stderr");
    }

    @Test
    void ctrl_c_quits_as_q_does() {
        top(160, 50);
        session.type("\r"); // even from the detail view
        shows("Sink URI:");

        session.type("\u0003");
        Cli.Result r = session.result();

        assertEquals(0, r.exitCode(), r::toString);
        VirtualScreen after = session.screen();
        assertFalse(after.alternate());
        assertTrue(after.cursorVisible());
        assertEquals(List.of(PROMPT), after.lines());
    }

    @Test
    void changefeed_top_is_the_same_dashboard() {
        session = new ScreenSession(80, 24, "");
        session.start(cliAt(sandbox.url()).sleeper(sleeper), "changefeed", "top", "--interval", "5s");
        VirtualScreen screen = session.await(s -> row(s, "cf-c") != null);

        assertTrue(screen.lines().get(2).contains("every 5s"), screen::toString);
        assertEquals(0, quit().exitCode());
    }

    @Test
    void top_runs_inside_the_shell_and_gives_the_screen_back_to_its_prompt() {
        session = new ScreenSession(80, 24, "");
        session.start(cliAt(sandbox.url()).sleeper(sleeper).env("XDG_STATE_HOME", home.toString()), "shell");
        session.await(s -> s.toString().contains("]>"));

        session.type("top\r");
        session.await(s -> s.alternate() && row(s, "cf-c") != null);
        session.type("q");
        VirtualScreen back = session.await(s -> !s.alternate() && s.lines().size() >= 2
                && s.lines().get(s.lines().size() - 1).contains("]>"));

        assertTrue(back.cursorVisible(), back::toString);
        session.type("\u0004");
        assertEquals(0, session.result().exitCode());
    }

    @Test
    void help_lists_the_keys_and_any_key_closes_it() {
        top(80, 24);

        session.type("?");
        VirtualScreen help = shows("Keys");
        assertTrue(help.lines().stream().anyMatch(l -> l.matches("  d +delete it, after its ID is typed")),
                help::toString);
        session.type(" ");
        session.await(s -> row(s, "cf-a") != null);
        quit();
    }

    @Test
    void debug_traces_would_run_over_the_screen_so_top_refuses_them() {
        Cli.Result r = cli.onTerminal(80).run("--debug", "top");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --debug does not apply to top"), r::toString);
    }

    @Test
    void without_a_terminal_top_refuses_and_points_to_list_watch() {
        Cli.Result r = cli.run("top");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: top needs a terminal\nHint: for a table refreshed in place that a pipe can read, run"
                + " 'ticdcctl changefeed list --watch'\n", r.err());
        assertEquals("", r.out());
    }
}
