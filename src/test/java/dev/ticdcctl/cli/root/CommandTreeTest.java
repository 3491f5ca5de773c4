package dev.ticdcctl.cli.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.sandbox.EmbeddedSandbox;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run builds picocli's model of the commands it needs and no more: a command object is constructed exactly when
 * its node is in the tree, so the tree shows which commands were built. What a shortened tree prints is what the
 * whole tree prints.
 */
class CommandTreeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--version                                  | ''",
        "--server http://h:8300 -V                  | ''",
        "tso decode 0                               | tso: decode",
        "--server http://h:8300 changefeed list     | changefeed: list",
        "changefeed get cf -o json                  | changefeed: get",
        "help changefeed create                     | changefeed: create; help",
        "help tso                                   | help; tso: decode encode query",
    })
    void a_run_builds_the_commands_it_names_and_no_others(String line, String tree) {
        assertEquals(tree, shape(run(line.split(" "))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "help", "help formatting", "--server http://h:8300"})
    void the_root_usage_builds_every_top_level_command_but_none_of_their_verbs(String line) {
        CommandLine root = run(line.isEmpty() ? new String[0] : line.split(" "));
        Set<String> whole = withSession((services, args) -> Cli.commandLine(services).getSubcommands().keySet(),
                new String[0]);
        assertEquals(whole, root.getSubcommands().keySet());
        root.getSubcommands().forEach((name, command) ->
                assertTrue(command.getSubcommands().isEmpty(), name + " built its verbs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "--version", "-V", "--help", "help", "help changefeed", "help changefeed create", "help formatting",
        "help global-options", "help nosuch", "help changefeed nosuch", "--version --nosuch", "--nosuch",
        "--server", "help --server http://h:8300 changefeed", "help -- tso", "--version --output=nosuch",
    })
    void a_shortened_tree_prints_what_the_whole_tree_prints(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        String shortened = withSession((services, a) -> outcome(services,
                Cli.forRun(services, a), a), args);
        String whole = withSession((services, a) -> outcome(services,
                Cli.commandLine(services), a), args);
        assertTrue(whole.length() > "exit 0\n".length(), whole);
        assertEquals(whole, shortened);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void the_version_alone_prints_what_the_whole_tree_prints(String flag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = withSession((services, args) -> Cli.run(services.environment(), new PrintStream(out, true),
                new PrintStream(err, true), args), new String[] {flag});
        String whole = withSession((services, a) -> outcome(services, Cli.commandLine(services), a),
                new String[] {flag});
        assertTrue(whole.startsWith("exit 0\nticdcctl "), whole);
        assertEquals(whole, "exit " + code + "\n" + out.toString(StandardCharsets.UTF_8) + err);
    }

    /** The commands in the tree, e.g. "changefeed: list; help": top-level names sorted, each with its verbs. */
    private static String shape(CommandLine root) {
        Map<String, String> nodes = new TreeMap<>();
        root.getSubcommands().forEach((name, command) -> {
            if (name.equals(command.getCommandName())) {
                String verbs = String.join(" ", new TreeMap<>(command.getSubcommands()).entrySet().stream()
                        .filter(e -> e.getKey().equals(e.getValue().getCommandName())).map(Map.Entry::getKey)
                        .toList());
                nodes.put(name, verbs.isEmpty() ? name : name + ": " + verbs);
            }
        });
        return String.join("; ", nodes.values());
    }

    private static CommandLine run(String[] args) {
        return withSession(Cli::forRun, args);
    }

    private static String outcome(Session services, CommandLine tree, String[] args) {
        int code = tree.execute(args);
        services.out().flush();
        services.err().flush();
        return "exit " + code;
    }

    /** Runs {@code body} with the session of one invocation; its result followed by what it printed. */
    private static <T> T withSession(BiFunction<Session, String[], T> body, String[] args) {
        StringWriter sink = new StringWriter();
        Environment environment = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), Terminal.NONE,
                new TestClock(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), d -> { }, prompt -> new char[0]);
        try (Session services = new Session(environment, new PrintWriter(sink, true), new PrintWriter(sink, true),
                new GlobalOptions(), EmbeddedSandbox::start)) {
            T result = body.apply(services, args);
            if (result instanceof String text) {
                @SuppressWarnings("unchecked")
                T printed = (T) (text + "\n" + sink);
                return printed;
            }
            return result;
        }
    }
}
