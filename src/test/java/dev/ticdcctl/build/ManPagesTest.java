package dev.ticdcctl.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.cli.Version;
import dev.ticdcctl.cli.root.HelpTest;
import dev.ticdcctl.cli.root.HelpTopics;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The man pages: the committed {@code man/man1} is what the build generates, every visible command has a page that
 * groff renders without a warning, with the sections a man reader expects and what {@code --help} says.
 */
class ManPagesTest {
    private static final Path COMMITTED = Path.of("man", "man1");
    private static final Path GENERATED = Path.of("target", "generated", "man", "man1");
    private static final String REGENERATE = "man/man1 differs from what the build generates in " + GENERATED
            + ": run 'mvn -B process-test-classes -Pregenerate' (after 'rm -r man/man1' when a command went away)"
            + " and commit man/; never edit it by hand";

    /** Page name, command path ("" for the root), and the command's own visible long option names. */
    record Page(String name, String path, String description, List<String> options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Page> pages() {
        return HelpTest.withCommandTree(tree -> ManPages.visibleCommands(tree.getCommandSpec()).stream()
                .map(spec -> new Page(ManPages.pageName(spec),
                        spec.qualifiedName(" ").substring("ticdcctl".length()).trim(),
                        spec.usageMessage().description()[0],
                        spec.options().stream().filter(o -> !o.inherited() && !o.hidden())
                                .map(OptionSpec::longestName).toList()))
                .toList());
    }

    // ---- committed pages

    @Test
    void the_committed_man_pages_are_the_generated_ones() throws IOException {
        assertTrue(Files.isDirectory(GENERATED), "no " + GENERATED + ": the build's process-classes phase makes it");
        Map<String, String> generated = read(GENERATED);
        Map<String, String> committed = Files.isDirectory(COMMITTED) ? read(COMMITTED) : Map.of();

        assertEquals(generated.keySet(), committed.keySet(), REGENERATE);
        generated.forEach((name, text) -> assertEquals(text, committed.get(name), () -> name + ": " + REGENERATE));
    }

    @Test
    void every_visible_command_has_a_page_and_no_other_page_exists() throws IOException {
        List<String> expected = pages().stream().map(p -> p.name() + ".1").sorted().toList();

        assertEquals(expected, read(COMMITTED).keySet().stream().sorted().toList(), REGENERATE);
    }

    @Test
    void pages_carry_no_build_date_or_absolute_path() throws IOException {
        read(COMMITTED).forEach((name, text) -> {
            String title = name.replace(".1", "").toUpperCase().replace("-", "\\-");
            String expected = "\n.TH \"" + title + "\" \"1\" \"\" \"ticdcctl " + Version.CLIENT
                    + "\" \"ticdcctl Manual\"\n";
            assertTrue(text.contains(expected), () -> name + " has an unexpected .TH line, not " + expected);
            assertFalse(text.contains(Path.of("").toAbsolutePath().toString()), () -> name + " has a build path");
        });
    }

    // ---- rendering

    static Stream<Page> visiblePages() {
        return pages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visiblePages")
    void every_page_renders_without_warnings_with_name_synopsis_description_options_and_examples(Page page)
            throws Exception {
        Path file = COMMITTED.resolve(page.name() + ".1");
        String warnings = groff(file, "-z", "-ww").err();
        assertEquals("", warnings, file + " has groff warnings");

        Map<String, String> sections = sections(groff(file, "-Tutf8", "-P-cbou").out());
        List<String> titles = List.copyOf(sections.keySet());
        for (String title : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES", "SEE ALSO")) {
            assertTrue(titles.contains(title), () -> file + " has no " + title + ": " + titles);
        }
        assertTrue(titles.indexOf("EXAMPLES") < titles.indexOf("SEE ALSO"), titles::toString);
        assertEquals(page.name() + " - " + page.description(), sections.get("NAME"));
        assertTrue(sections.get("SYNOPSIS").startsWith("ticdcctl " + page.path()), sections::toString);
        for (String option : page.options()) {
            assertTrue(sections.get("OPTIONS").contains(option), () -> file + " has no " + option);
        }
        if (!page.path().isEmpty()) {
            assertTrue(sections.get("GLOBAL OPTIONS").contains("ticdcctl(1)"), sections::toString);
            String formats = page.path().equals("changefeed export") ? "toml, json or yaml (default: toml)"
                    : page.path().equals("changefeed list") ? "table, wide, json or yaml (default: table)" : null;
            assertTrue(formats == null || sections.get("GLOBAL OPTIONS").contains("-o, --output formats: " + formats),
                    sections::toString);
            assertTrue(sections.get("SEE ALSO").startsWith("ticdcctl(1)"), sections::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visiblePages")
    void every_page_shows_the_examples_of_its_help(Page page) throws Exception {
        String help = new Cli().run(words(page.path(), "--help")).out();
        String manExamples = sections(groff(COMMITTED.resolve(page.name() + ".1"), "-Tutf8", "-P-cbou").out())
                .get("EXAMPLES");

        int globalOptions = help.indexOf("\nGlobal options:\n"); // the short list after the examples
        String helpExamples = help.substring(help.indexOf("\nExamples:\n") + "\nExamples:\n".length(),
                globalOptions < 0 ? help.length() : globalOptions);
        for (String line : helpExamples.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            assertTrue(manExamples.contains(flat(line)), () -> "EXAMPLES lacks '" + line + "':\n" + manExamples);
        }
    }

    @Test
    void the_root_page_has_exit_status_environment_files_and_see_also() throws Exception {
        Map<String, String> sections = sections(groff(COMMITTED.resolve("ticdcctl.1"), "-Tutf8", "-P-cbou").out());

        String exitStatus = sections.get("EXIT STATUS");
        for (HelpTopics.Entry code : HelpTopics.EXIT_CODES) {
            assertTrue(exitStatus.contains(code.name() + " " + flat(code.meaning())), () -> code + "\n" + exitStatus);
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "130"),
                HelpTopics.EXIT_CODES.stream().map(HelpTopics.Entry::name).toList());
        String environment = sections.get("ENVIRONMENT");
        for (HelpTopics.Entry variable : HelpTopics.ENVIRONMENT) {
            assertTrue(environment.contains(variable.name() + " "), () -> variable + "\n" + environment);
        }
        for (String path : List.of("$XDG_CONFIG_HOME/ticdcctl/config.toml", "~/.ticdc/credentials",
                "$XDG_STATE_HOME/ticdcctl/history", "$XDG_STATE_HOME/ticdcctl/sandbox")) {
            assertTrue(sections.get("FILES").contains(path), () -> path + "\n" + sections.get("FILES"));
        }
        assertTrue(sections.get("SEE ALSO").contains("ticdcctl-changefeed(1)"), sections::toString);
        assertTrue(sections.get("OPTIONS").contains("--server=URL"), "the root page describes the global options");
    }

    // ---- the generator

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "A demo.")
    static final class Demo {
        @Command(name = "shown", description = "Shown.")
        void shown() { }

        @Command(name = "secret", hidden = true, description = "Hidden.")
        void secret() { }
    }

    @Test
    void hidden_commands_get_no_page() {
        Map<String, String> pages = ManPages.pages(new CommandLine(new Demo()));

        assertEquals(List.of("demo", "demo-shown"), List.copyOf(pages.keySet()));
        assertTrue(pages.get("demo").contains("== See also\n\n*demo-shown*(1)\n"), pages.get("demo"));
        assertFalse(pages.get("demo").contains("secret"), pages.get("demo"));
    }

    // ---- helpers

    private static Map<String, String> read(Path directory) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private record Rendered(String out, String err) {}

    private static Rendered groff(Path page, String... options) throws Exception {
        Requirements.requireProgram("groff");
        List<String> command = new ArrayList<>(List.of("groff", "-man"));
        command.addAll(List.of(options));
        command.add(page.toString());
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "groff did not finish");
        assertEquals(0, process.exitValue(), () -> command + ": " + new String(err, StandardCharsets.UTF_8));
        return new Rendered(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Rendered text by section title (the unindented upper-case lines), each body on one line. */
    private static Map<String, String> sections(String rendered) {
        Map<String, String> sections = new LinkedHashMap<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : rendered.lines().toList()) {
            if (line.matches("[A-Z][A-Z ]+") && !line.startsWith(" ")) {
                if (title != null) {
                    sections.put(title, flat(body.toString()));
                }
                title = line;
                body.setLength(0);
            } else if (title != null) {
                body.append(line).append('\n');
            }
        }
        if (title != null) {
            sections.put(title, flat(body.toString()));
        }
        return sections;
    }

    /** Whitespace collapsed and typographic quotes made plain, for comparing text across line breaks. */
    private static String flat(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ").strip();
    }

    private static String[] words(String path, String... more) {
        List<String> all = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
