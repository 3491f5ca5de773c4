package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.VirtualScreen;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code changefeed get} on a terminal shows the changefeed's page, read off a virtual screen 80 columns wide, against
 * the sandbox and its injected faults; piped and with an explicit format it keeps its one-row table.
 */
class ChangefeedPageTest extends SandboxTest {
    static final int WIDTH = 80;

    /**
     * The classic server: the page shows the tables per capture from the processor routes and the sink URI in clear
     * from meta_info, where the new architecture answers fixed stubs and has no meta_info route.
     */
    ChangefeedPageTest() {
        super(ServerDialect.CLASSIC);
    }

    @BeforeEach
    void three_changefeeds_running_failed_and_warning() {
        ok("changefeed", "create", "cf-ok", "--sink-uri", "mysql://root:hunter2@127.0.0.1:3306/");
        ok("changefeed", "create", "cf-bad", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "cf-warn", "--sink-uri", "kafka://127.0.0.1:9092/t?protocol=canal-json");
        inject("/sandbox/changefeeds/cf-bad/fault", """
                {"state":"failed","code":"CDC:ErrMySQLConnectionError",
                 "message":"dial mysql://root:hunter2@db:3306/ refused\\u001b]0;owned\\u0007, and a long tail of words\
                 that runs past the end of the line"}""");
        inject("/sandbox/changefeeds/cf-warn/fault", """
                {"state":"warning","message":"kafka: client has run out of available brokers","persist":true}""");
        tick();
    }

    /** What a person sees: the output on a screen {@link #WIDTH} wide whose tty turns each newline into CR LF. */
    static List<String> screen(Cli.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = VirtualScreen.of(r.out().replace("\n", "\r\n"), WIDTH).lines();
        assertEquals(r.out().split("\n").length, lines.size(), () -> "a line wider than the screen\n" + r);
        return lines;
    }

    private List<String> page(String id, String... more) {
        return screen(cli.onTerminal(WIDTH).run(Stream.concat(Stream.of("changefeed", "get", id, "--color", "never"),
                Stream.of(more)).toArray(String[]::new)));
    }

    static String line(List<String> screen, String start) {
        return screen.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + start + " in\n" + String.join("\n", screen)));
    }

    /** The lines of a section, from its title to the blank line that ends it. */
    static List<String> section(List<String> screen, String title) {
        int at = screen.indexOf(title + ":");
        assertTrue(at >= 0, () -> "no section " + title + " in\n" + String.join("\n", screen));
        int end = screen.subList(at, screen.size()).indexOf("");
        return screen.subList(at + 1, end < 0 ? screen.size() : at + end);
    }

    /** The lines of an error or warning section after its code, time and capture, which are checked. */
    private static List<String> problem(List<String> screen, String title, String code) {
        List<String> problem = section(screen, title);
        assertEquals("  Code:     " + code, problem.get(0));
        assertTrue(problem.get(1).matches("  Time:     2024-07-01T02:05:1\\d \\(\\d+s ago\\)"), problem::toString);
        assertTrue(problem.get(2).matches("  Capture:  127\\.0\\.0\\.1:\\d+"), problem::toString);
        return problem.subList(3, problem.size());
    }

    @Test
    void a_running_changefeed_shows_its_state_lags_masked_sink_and_tables_per_capture() {
        List<String> screen = page("cf-ok");

        assertEquals("Name:             cf-ok", screen.get(0), () -> String.join("\n", screen));
        assertEquals("State:            normal", line(screen, "State:"));
        assertTrue(line(screen, "Checkpoint:").matches(
                "Checkpoint: +2024-07-01T02:05:1\\d \\(\\d+s ago\\), TSO \\d{18}"), () -> String.join("\n", screen));
        assertTrue(line(screen, "Checkpoint lag:").matches("Checkpoint lag: +\\d+(ms|s)"));
        assertTrue(line(screen, "Resolved lag:").matches("Resolved lag: +\\d+(ms|s)"));
        assertEquals("Sink URI:         mysql://root:xxxxx@127.0.0.1:3306/", line(screen, "Sink URI:"));
        assertEquals("Target:           none", line(screen, "Target:"));
        assertEquals("Creator version:  v8.5.0", line(screen, "Creator version:"));
        assertEquals(List.of("  none"), section(screen, "Last error"));
        assertEquals(List.of("  none"), section(screen, "Last warning"));
        List<String> processors = section(screen, "Processors");
        // The sandbox spreads the changefeed's two tables over two of its captures, named by their addresses.
        assertEquals(2, processors.size(), () -> String.join("\n", screen));
        assertTrue(processors.get(0).matches("  127\\.0\\.0\\.1:\\d+ \\(owner\\): +1 table: \\d+"),
                () -> String.join("\n", screen));
        assertTrue(processors.get(1).matches("  127\\.0\\.0\\.1:\\d+: +1 table: \\d+"), processors::toString);
        assertEquals(List.of("  Filter rules:  *.*", "  Protocol:      -", "  Dispatchers:   none"),
                section(screen, "Config"));
        assertFalse(String.join("\n", screen).contains("hunter2"));
    }

    @Test
    void a_failed_changefeed_shows_its_error_message_escaped_masked_and_wrapped() {
        List<String> screen = page("cf-bad");

        assertEquals("State:            failed", line(screen, "State:"));
        assertEquals(List.of(
                "  Message:  dial mysql://root:xxxxx@db:3306/ refused\\x1b]0;owned\\x07, and a long",
                "            tail of words that runs past the end of the line"),
                problem(screen, "Last error", "CDC:ErrMySQLConnectionError"));
        assertEquals(List.of("  none: the changefeed is not running"), section(screen, "Processors"));
    }

    @Test
    void a_warning_shows_with_its_message_and_the_processors_of_the_processors_routes() {
        List<String> screen = page("cf-warn");

        assertEquals("State:            warning", line(screen, "State:"));
        assertEquals(List.of("  Message:  kafka: client has run out of available brokers"),
                problem(screen, "Last warning", "CDC:ErrKafkaNewProducer"));
        // In the warning state the detail has no task status: the tables come from GET /processors/{cf}/{capture}.
        assertEquals(2, section(screen, "Processors").size(), () -> String.join("\n", screen));
        assertEquals("  Protocol:      canal-json", line(section(screen, "Config"), "  Protocol:"));
    }

    @Test
    void show_secrets_shows_the_sink_uri_in_clear() {
        List<String> screen = page("cf-ok", "--show-secrets");

        assertEquals("Sink URI:         mysql://root:hunter2@127.0.0.1:3306/", line(screen, "Sink URI:"));
    }

    @Test
    void colour_marks_the_state_and_the_section_titles_only_when_on() {
        String coloured = cli.onTerminal(WIDTH).run("changefeed", "get", "cf-bad", "--color", "always").out();
        String plain = cli.onTerminal(WIDTH).env("NO_COLOR", "1").run("changefeed", "get", "cf-bad").out();

        assertTrue(coloured.contains("\u001b[31mfailed\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[1mLast error:\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[31mCDC:ErrMySQLConnectionError\u001b[0m"), coloured);
        assertFalse(plain.contains("\u001b"), plain);
        assertEquals(plain, coloured.replaceAll("\u001b\\[\\d+m", ""));
    }

    /** Forms that keep today's one-row table (or document): off a terminal, and formats given on one. */
    static Stream<List<String>> row_forms() {
        return Stream.of(List.of(), List.of("-o", "table"), List.of("--output=table"), List.of("--no-headers"),
                List.of("-o", "wide"), List.of("-s"));
    }

    @ParameterizedTest
    @MethodSource("row_forms")
    void piped_output_and_an_explicit_table_keep_the_row(List<String> more) {
        String[] args = Stream.concat(Stream.of("changefeed", "get", "cf-bad"), more.stream()).toArray(String[]::new);
        Cli.Result piped = ok(args);
        Cli.Result row = more.isEmpty() ? piped : cli.onTerminal(WIDTH).run(args);

        for (Cli.Result r : List.of(piped, row)) {
            assertEquals(0, r.exitCode(), r::toString);
            assertFalse(r.out().contains("Last error:"), r::toString);
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cf-bad ")), r::toString);
        }
    }

    @Test
    void the_option_before_the_command_asks_for_the_row_too() {
        Cli.Result r = cli.onTerminal(WIDTH).run("-o", "table", "changefeed", "get", "cf-bad");

        assertTrue(r.out().startsWith("ID "), r::toString);
    }

    @Test
    void json_on_a_terminal_is_the_answer_with_show_secrets_in_clear() {
        Cli.Result masked = cli.onTerminal(WIDTH).run("changefeed", "get", "cf-ok", "--jq", ".sink_uri");
        Cli.Result clear = cli.onTerminal(WIDTH).run("changefeed", "get", "cf-ok", "--jq", ".sink_uri",
                "--show-secrets");

        assertEquals("mysql://root:xxxxx@127.0.0.1:3306/\n", masked.out(), masked::toString);
        assertEquals("mysql://root:hunter2@127.0.0.1:3306/\n", clear.out(), clear::toString);
    }

    @Test
    void show_secrets_is_refused_with_watch() {
        Cli.Result r = fails(2, "changefeed", "get", "cf-ok", "--watch", "--show-secrets");

        assertTrue(r.err().startsWith("Error: --show-secrets does not apply to --watch"), r::toString);
    }
}
