package dev.ticdcctl.cli.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.build.ManPages;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.Version;
import dev.ticdcctl.cli.sandbox.EmbeddedSandbox;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code help}, {@code --help} of every command, help topics and usage errors (exit code 2, one Error: line). */
public class HelpTest {
    private static final String ROOT_DESCRIPTION = "Administer a TiCDC cluster over its OpenAPI v2.";
    private static final String GLOBAL_HEADING = "\nGlobal options:\n";
    private static final String GLOBAL_POINTER = "Run 'ticdcctl help global-options' for their descriptions.\n";
    /**
     * Commands whose {@code --help} shows the root's examples (inherited through {@code scope = INHERIT} on
     * {@link RootCommand}) instead of their own: every noun that only groups verbs.
     */
    private static final List<String> WITHOUT_OWN_EXAMPLES =
            List.of("changefeed", "capture", "processor", "owner", "log", "tso", "unsafe");

    private final StubServer server = new StubServer();

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- the command tree

    /** Every command path of the real tree, by primary name (aliases left out); "" is the root. */
    static List<String> commandPaths() {
        return withCommandTree(tree -> {
            List<String> paths = new ArrayList<>();
            collect(tree, "", paths);
            return paths;
        });
    }

    /** The paths of the commands a user is told about: hidden ones (the completion scripts' helper) left out. */
    static List<String> visibleCommandPaths() {
        return withCommandTree(tree -> commandPaths().stream().filter(path -> {
            CommandLine command = tree;
            for (String word : path.isEmpty() ? new String[0] : path.split(" ")) {
                command = command.getSubcommands().get(word);
            }
            return !command.getCommandSpec().usageMessage().hidden();
        }).toList());
    }

    /** What {@code reader} reads from the real command tree, as help and the man pages see it. */
    public static <T> T withCommandTree(Function<CommandLine, T> reader) {
        StringWriter sink = new StringWriter();
        Environment environment = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), Terminal.NONE,
                new TestClock(Cli.NOW, ZoneOffset.UTC), d -> { }, prompt -> new char[0]);
        try (Session session = new Session(environment, new PrintWriter(sink), new PrintWriter(sink),
                new GlobalOptions(), EmbeddedSandbox::start)) {
            return reader.apply(dev.ticdcctl.cli.root.Cli.commandLine(session));
        }
    }

    private static void collect(CommandLine command, String path, List<String> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                collect(sub, path.isEmpty() ? name : path + " " + name, paths);
            }
        });
    }

    static Stream<String> commandsWithOwnExamples() {
        return commandPaths().stream().filter(p -> !WITHOUT_OWN_EXAMPLES.contains(p));
    }

    private static String[] words(String path, String... more) {
        List<String> all = new ArrayList<>(path.isEmpty() ? List.of() : Arrays.asList(path.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The text after the {@code Examples:} heading up to the short global options, or null. */
    private static String examples(String help) {
        int at = help.indexOf("\nExamples:\n");
        int end = help.indexOf(GLOBAL_HEADING);
        return at < 0 ? null : help.substring(at + "\nExamples:\n".length(), end < at ? help.length() : end);
    }

    /** The first line after the (possibly wrapped) synopsis. */
    private static String description(String help) {
        List<String> lines = help.lines().toList();
        int i = 1;
        while (i < lines.size() && lines.get(i).startsWith(" ")) {
            i++;
        }
        return i < lines.size() ? lines.get(i) : "";
    }

    /** An example line that runs the command: {@code ticdcctl [global options] PATH ...}. */
    private static boolean showsItself(String examples, String path) {
        String command = path.isEmpty() ? "" : "\\s+" + Pattern.quote(path).replace(" ", "\\E\\s+\\Q");
        return Pattern.compile("ticdcctl(\\s+--?\\S+(\\s+[^-\\s]\\S*)?)*" + command + "(\\s|\\)|\"|$)",
                Pattern.MULTILINE).matcher(examples).find();
    }

    @Test
    void the_walk_finds_the_commands_of_the_documented_tree() {
        List<String> paths = commandPaths();

        assertTrue(paths.containsAll(List.of("", "changefeed", "changefeed list", "changefeed get",
                "changefeed create", "changefeed update", "changefeed pause", "changefeed resume", "changefeed delete",
                "changefeed status", "changefeed synced", "capture", "capture list", "capture drain", "processor",
                "processor list", "processor get", "owner", "owner resign", "log", "log set", "health", "status",
                "version", "tso", "tso query", "tso decode", "unsafe", "unsafe metadata", "unsafe resolve-lock",
                "unsafe delete-service-gc-safepoint", "help")), paths::toString);
        assertTrue(paths.containsAll(WITHOUT_OWN_EXAMPLES), paths::toString);
    }

    @ParameterizedTest(name = "ticdcctl {0} --help")
    @MethodSource("commandPaths")
    void every_command_has_help_with_a_description_and_examples(String path) {
        Cli.Result r = new Cli().run(words(path, "--help"));

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().startsWith("Usage: ticdcctl" + (path.isEmpty() ? " " : " " + path + " ")), r::toString);
        String description = description(r.out());
        assertFalse(description.isBlank(), r::toString);
        if (!path.isEmpty()) {
            assertNotEquals(ROOT_DESCRIPTION, description, () -> "inherits the root's description\n" + r);
        }
        String examples = examples(r.out());
        assertTrue(examples != null, () -> "no Examples: section\n" + r);
        assertTrue(examples.lines().anyMatch(l -> l.startsWith("  ") && l.contains("ticdcctl")), r::toString);
        assertFalse(examples.lines().anyMatch(l -> l.endsWith("\\\\")),
                () -> "an example continues its line with two backslashes, which the shell does not join\n" + r);
    }

    @ParameterizedTest(name = "ticdcctl {0} --help")
    @MethodSource("commandsWithOwnExamples")
    void every_command_shows_examples_of_itself(String path) {
        Cli.Result r = new Cli().run(words(path, "--help"));

        String examples = examples(r.out());
        assertTrue(examples != null, r::toString);
        assertTrue(showsItself(examples, path), () -> "no example runs 'ticdcctl " + path + "'\n" + r);
        if (!path.isEmpty()) {
            assertNotEquals(examples(new Cli().run("--help").out()), examples, () -> "the root's examples\n" + r);
        }
    }

    @Test
    void group_commands_show_examples_of_their_own() {
        String rootExamples = examples(new Cli().run("--help").out());
        for (String path : WITHOUT_OWN_EXAMPLES) {
            Cli.Result r = new Cli().run(words(path, "--help"));
            String examples = examples(r.out());
            assertTrue(examples != null, r::toString);
            assertNotEquals(rootExamples, examples, () -> "the root's examples\n" + r);
            assertTrue(showsItself(examples, path), r::toString);
        }
    }

    /** Every command below the root. */
    static Stream<String> subcommandPaths() {
        return commandPaths().stream().filter(p -> !p.isEmpty());
    }

    @ParameterizedTest(name = "ticdcctl {0} --help")
    @MethodSource("subcommandPaths")
    void a_command_shows_its_own_options_and_examples_first_and_the_global_options_last_in_short(String path) {
        String help = new Cli().run(words(path, "--help")).out();

        int usage = help.indexOf("Usage: ticdcctl " + path);
        int ownOption = help.indexOf("  -h, --help ");
        int examples = help.indexOf("\nExamples:\n");
        int global = help.indexOf(GLOBAL_HEADING);
        assertTrue(usage == 0 && usage < ownOption && ownOption < examples && examples < global, help);
        String globalPart = help.substring(global + GLOBAL_HEADING.length());
        assertTrue(globalPart.endsWith(GLOBAL_POINTER), help);
        assertTrue(globalPart.lines().count() <= 8, () -> "not short\n" + help);
        assertTrue(globalPart.contains("--server") && globalPart.contains("-n/--namespace")
                && globalPart.contains("--debug"), help);
        assertFalse(globalPart.contains("TiCDC server:") || globalPart.contains("Trace HTTP"),
                () -> "the global options are described here\n" + help);
        assertFalse(help.substring(0, global).contains("      --server=URL "),
                () -> "a global option among its own\n" + help);
        assertTrue(help.lines().allMatch(l -> l.length() <= 80), help);
    }

    @Test
    void the_root_help_describes_the_global_options_in_full_as_its_own() {
        String help = new Cli().run("--help").out();

        assertTrue(help.contains("      --server=URL          TiCDC server:"), help);
        assertTrue(help.contains("      --debug               Trace HTTP requests"), help);
        assertFalse(help.contains(GLOBAL_HEADING), help);
    }

    @Test
    void help_global_options_describes_every_global_option() {
        Cli.Result r = new Cli().run("help", "global-options");
        String rootHelp = new Cli().run("--help").out();

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().startsWith("Global options: every command takes them, before or after its name.\n\n"),
                r::toString);
        List<String> options = withCommandTree(tree -> HelpLayout.global(tree.getCommandSpec()).stream()
                .map(o -> o.longestName()).toList());
        assertTrue(options.size() >= 20, options::toString);
        for (String option : options) {
            assertTrue(r.out().contains(option), () -> option + "\n" + r);
        }
        assertTrue(r.out().contains("TiCDC server: http(s)://host:port"), r::toString);
        assertFalse(r.out().contains("-h, --help") || r.out().contains("-V, --version"), r::toString);
        String rootOptions = rootHelp.substring(rootHelp.indexOf("      --server=URL"), rootHelp.indexOf("Commands:"));
        assertEquals(rootOptions, r.out().substring(r.out().indexOf("      --server=URL")), "the root's descriptions");
    }

    @ParameterizedTest(name = "ticdcctl {0} --help: -o {1}")
    @CsvSource(delimiter = '|', value = {
        "changefeed export | toml, json or yaml (default: toml)",
        "changefeed list   | table, wide, json or yaml (default: table)",
        "changefeed pause  | table, wide, json or yaml (default: table)",
        "api               | json or yaml (default: json)",
        "tso query         | table, wide, json or yaml (default: table)"})
    void a_command_help_names_only_the_output_formats_it_supports(String path, String formats) {
        String help = new Cli().run(words(path, "--help")).out();

        assertTrue(help.contains(GLOBAL_HEADING + "  -o, --output=FORMAT  " + formats + "\n"), help);
        assertFalse(help.contains("-o/--output"), help);
        assertEquals(formats.contains("toml"), help.contains("toml"), help);
    }

    @ParameterizedTest(name = "ticdcctl {0} --help offers no -o formats")
    @ValueSource(strings = {"config use-context", "config set-context",
        "completion", "sandbox", "help"})
    void a_command_that_prints_nothing_structured_offers_no_output_formats(String path) {
        String help = new Cli().run(words(path, "--help")).out();

        assertFalse(help.contains("--output=FORMAT"), help);
        assertTrue(help.contains("-o/--output"), () -> "still a global option it takes\n" + help);
    }

    @ParameterizedTest(name = "ticdcctl {0}")
    @CsvSource(delimiter = '|', value = {
        "changefeed list -o toml           | 'ticdcctl changefeed list' cannot print -o toml      | table, wide, json or yaml",
        "-o toml changefeed get cf-1       | 'ticdcctl changefeed get' cannot print -o toml       | table, wide, json or yaml",
        "changefeed export cf-1 -o table   | 'ticdcctl changefeed export' cannot print -o table   | toml, json or yaml",
        "changefeed export cf-1 --output=wide | 'ticdcctl changefeed export' cannot print -o wide | toml, json or yaml",
        "api changefeeds -o wide           | 'ticdcctl api' cannot print -o wide                  | json or yaml",
        "tso query -o toml                 | 'ticdcctl tso query' cannot print -o toml            | table, wide, json or yaml"})
    void an_output_format_the_command_does_not_support_is_a_usage_error_naming_those_it_does(String args,
            String error, String supported) {
        Cli.Result r = Cli.against(server).run(args.split(" "));

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals("Error: " + error, lines.get(0), r::toString);
        String command = error.substring(0, error.indexOf("' ") + 1);
        assertEquals("Hint: " + command + " prints " + supported, lines.get(1), r::toString);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Error:")).count(), r::toString);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Hint:")).count(), r::toString);
        assertTrue(server.requests().isEmpty(), () -> "asked the server: " + server.requests());
    }

    @Test
    void help_is_shown_whatever_output_format_comes_with_it() {
        Cli.Result r = Cli.against(server).run("changefeed", "list", "-o", "toml", "--help");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Usage: ticdcctl changefeed list"), r::toString);
    }

    // ---- help command and topics

    @Test
    void help_exit_codes_lists_every_documented_code() {
        Cli.Result r = new Cli().run("help", "exit-codes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().startsWith("Exit codes of ticdcctl (stable; scripts may rely on them):\n\n"), r::toString);
        List<Integer> codes = new ArrayList<>();
        Matcher m = Pattern.compile("^  (\\d+) +\\S", Pattern.MULTILINE).matcher(r.out());
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 130), codes, r::toString);
        assertEquals(Stream.of(ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.NOT_FOUND, ExitCode.UNAUTHORIZED,
                ExitCode.UNREACHABLE, ExitCode.WAIT_TIMEOUT, ExitCode.DECLINED, ExitCode.DRIFT, ExitCode.INTERRUPTED)
                .map(ExitCode::code).toList(), codes);
        assertTrue(r.out().contains("  7    the user declined a confirmation prompt\n"), r::toString);
        assertTrue(r.out().contains("  130  interrupted (Ctrl-C)\n"), r::toString);
    }

    @Test
    void help_environment_lists_the_variables() {
        Cli.Result r = new Cli().run("help", "environment");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("  TICDCCTL_SERVER "), r::toString);
        assertTrue(r.out().contains("  TICDCCTL_NAMESPACE "), r::toString);
        assertTrue(r.out().contains("  NO_COLOR "), r::toString);
    }

    @ParameterizedTest(name = "ticdcctl help {0}")
    @MethodSource("commandPaths")
    void help_of_any_command_prints_the_same_usage_as_its_help_option(String path) {
        Cli.Result help = new Cli().run(words("help " + path));
        Cli.Result option = new Cli().run(words(path, "--help"));

        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: ticdcctl " + path), help::toString);
        assertTrue(help.out().contains("\nExamples:\n"), help::toString);
        assertEquals(option.out(), help.out());
        assertEquals("", help.err(), help::toString);
    }

    @Test
    void help_formatting_explains_formats_filters_colour_times_and_secrets() {
        Cli.Result r = new Cli().run("help", "formatting");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        for (String term : List.of("-o, --output", "table", "wide", "json", "yaml", "toml", "changefeed export",
                "--jq", "--no-headers", "--color", "NO_COLOR", "ISO-8601", "ago", "masked", "64-bit", "stderr")) {
            assertTrue(r.out().contains(term), () -> "no '" + term + "'\n" + r);
        }
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 100), r::toString);
    }

    @Test
    void help_topics_are_listed_by_the_help_command_and_the_root() {
        String help = new Cli().run("help", "--help").out();
        String root = new Cli().run("--help").out();

        for (String topic : HelpTopics.TOPICS.keySet()) {
            assertTrue(help.contains(topic), () -> topic + "\n" + help);
            assertTrue(root.contains("ticdcctl help " + topic), () -> topic + "\n" + root);
        }
    }

    @Test
    void help_follows_aliases() {
        Cli.Result help = new Cli().run("help", "cf", "ls");

        assertEquals(0, help.exitCode(), help::toString);
        assertEquals(new Cli().run("changefeed", "list", "--help").out(), help.out());
    }

    @Test
    void help_alone_prints_the_root_usage() {
        Cli.Result help = new Cli().run("help");

        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: ticdcctl "), help::toString);
        assertEquals(new Cli().run("--help").out(), help.out());
    }

    @Test
    void help_of_an_unknown_command_or_topic_exits_2_and_lists_the_topics() {
        Cli.Result r = new Cli().run("help", "nosuch");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith(
                "Error: no command or help topic 'nosuch'; topics: exit-codes, environment, formatting, global-options\n"),
                r::toString);
        assertTrue(r.err().endsWith("Try 'ticdcctl help --help' for more information.\n"), r::toString);
    }

    @Test
    void help_of_an_unknown_subcommand_exits_2() {
        Cli.Result r = new Cli().run("help", "changefeed", "nosuch");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: no command or help topic 'changefeed nosuch'"), r::toString);
    }

    @Test
    void version_option_prints_the_client_version() {
        Cli.Result r = new Cli().run("--version");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("ticdcctl " + Version.CLIENT + "\n", r.out(), r::toString);
    }

    // ---- usage errors

    @Test
    void a_mistyped_subcommand_exits_2_with_a_suggestion_and_where_to_read_more() {
        Cli.Result r = Cli.against(server).run("changefeed", "lst");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith("Error: unknown command 'lst'"), r::toString);
        assertTrue(lines.get(1).startsWith("Hint: did you mean "), r::toString);
        assertTrue(lines.get(1).contains("'list'"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Usage: ticdcctl changefeed ")), r::toString);
        assertEquals("Try 'ticdcctl changefeed --help' for more information.", lines.get(lines.size() - 1),
                r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_mistyped_top_level_command_is_reported_for_the_root() {
        Cli.Result r = Cli.against(server).run("chagefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: unknown command 'chagefeed' for 'ticdcctl'\n"
                + "Hint: did you mean 'changefeed'"), r::toString);
        assertTrue(r.err().endsWith("Try 'ticdcctl --help' for more information.\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void an_unknown_option_exits_2_and_sends_nothing() {
        server.on("GET", "/api/v2/captures", 200, "{\"total\":0,\"items\":[]}");

        Cli.Result r = Cli.against(server).run("capture", "list", "--bogus");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: unknown option '--bogus'\n"), r::toString);
        assertTrue(r.err().endsWith("Try 'ticdcctl capture list --help' for more information.\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_mistyped_option_gets_a_suggestion() {
        Cli.Result r = Cli.against(server).run("changefeed", "list", "--stat", "failed");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: unknown option '--stat'\nHint: did you mean '--state'?\n"),
                r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_noun_without_a_verb_exits_2_naming_the_verbs() {
        Cli.Result r = Cli.against(server).run("capture");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: missing command: choose one of list, drain\n"), r::toString);
        assertTrue(r.err().endsWith("Try 'ticdcctl capture --help' for more information.\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void an_unexpected_argument_to_a_leaf_exits_2() {
        Cli.Result r = Cli.against(server).run("status", "extra");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: unexpected argument 'extra'\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} suggests {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "changefeed lsit | 'list'",
        "cpature list | 'capture'",
        "statuss | 'status'",
        "changefeed list --al | '--all'",
    })
    void close_typos_get_one_suggestion_of_the_canonical_name(String typed, String suggestion) {
        Cli.Result r = new Cli().run(typed.split(" "));

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("\nHint: did you mean " + suggestion + "?\n"), r::toString);
    }

    /** Every command with one of its own options mistyped (the last letter dropped). */
    static Stream<Arguments> mistypedOptions() {
        return withCommandTree(tree -> ManPages.visibleCommands(tree.getCommandSpec()).stream().map(spec -> {
            String option = spec.options().stream().filter(o -> !o.inherited() && !o.hidden() && !o.usageHelp()
                    && !o.versionHelp()).map(o -> o.longestName()).findFirst().orElse("--help");
            String path = spec.qualifiedName(" ").substring("ticdcctl".length()).trim();
            return Arguments.of(path, option);
        }).toList()).stream();
    }

    @ParameterizedTest(name = "ticdcctl {0} {1} mistyped")
    @MethodSource("mistypedOptions")
    void a_mistyped_option_of_any_command_gets_did_you_mean_and_try_help(String path, String option) {
        String typo = option.substring(0, option.length() - 1);
        Cli.Result r = Cli.against(server).run(words(path, typo));

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals("Error: unknown option '" + typo + "'", lines.get(0), r::toString);
        assertTrue(lines.get(1).startsWith("Hint: did you mean ") && lines.get(1).contains("'" + option + "'"),
                r::toString);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Hint:")).count(), r::toString);
        assertEquals("Try 'ticdcctl " + (path.isEmpty() ? "" : path + " ") + "--help' for more information.",
                lines.get(lines.size() - 1), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    /** Every visible verb of every group, mistyped (the last letter dropped); hidden ones are never suggested. */
    static Stream<Arguments> mistypedCommands() {
        return visibleCommandPaths().stream().filter(p -> !p.isEmpty()).map(p -> {
            int space = p.lastIndexOf(' ');
            return Arguments.of(space < 0 ? "" : p.substring(0, space),
                    p.substring(space + 1));
        });
    }

    @ParameterizedTest(name = "ticdcctl {0} {1} mistyped")
    @MethodSource("mistypedCommands")
    void a_mistyped_command_at_any_depth_gets_did_you_mean_and_try_help(String parent, String command) {
        String typo = command.substring(0, command.length() - 1);
        Cli.Result r = Cli.against(server).run(words(parent, typo));

        assertEquals(2, r.exitCode(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith("Error: unknown command '" + typo + "'"), r::toString);
        assertTrue(lines.get(1).startsWith("Hint: did you mean ") && lines.get(1).contains("'" + command + "'"),
                r::toString);
        assertEquals("Try 'ticdcctl " + (parent.isEmpty() ? "" : parent + " ") + "--help' for more information.",
                lines.get(lines.size() - 1), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void an_unrelated_word_gets_no_suggestion() {
        Cli.Result r = new Cli().run("nosuch");

        assertEquals(2, r.exitCode(), r::toString);
        assertFalse(r.err().contains("Hint:"), r::toString);
    }
}
