package dev.ticdcctl.build;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.root.Cli;
import dev.ticdcctl.cli.root.HelpLayout;
import dev.ticdcctl.cli.root.HelpTopics;
import dev.ticdcctl.cli.sandbox.EmbeddedSandbox;
import dev.ticdcctl.output.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages of the command tree as AsciiDoc, one per visible command, with picocli-codegen's
 * {@link ManPageGenerator}; the build converts them to roff. Each page gets the sections man readers look for that
 * picocli's model has no place for: the root EXIT STATUS, ENVIRONMENT and FILES (from {@link HelpTopics}), a
 * subcommand GLOBAL OPTIONS, and every page SEE ALSO. Runs at build time only; the jar leaves this class out.
 */
public final class ManPages {
    /** ManPageGenerator's markers around the footer (our Examples) and the whole page. */
    private static final String FOOTER_START = "// tag::picocli-generated-man-section-footer[]";
    private static final String PAGE_END = "// end::picocli-generated-full-manpage[]";

    private ManPages() {}

    /**
     * Writes {@code NAME.adoc} for every visible command into the directory {@code args[0]}, first removing the pages
     * that earlier builds left there and in the roff directory {@code args[1]}: a removed command loses its page.
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        removePages(directory, ".adoc");
        removePages(Path.of(args[1]), ".1");
        Files.createDirectories(directory);
        StringWriter discarded = new StringWriter();
        try (Session session = new Session(Environment.offline(), new PrintWriter(discarded), new PrintWriter(discarded),
                new GlobalOptions(), EmbeddedSandbox::start)) {
            for (Map.Entry<String, String> page : pages(Cli.commandLine(session)).entrySet()) {
                Files.writeString(directory.resolve(page.getKey() + ".adoc"), page.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void removePages(Path directory, String suffix) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The AsciiDoc of each visible command by page name ({@code ticdcctl-changefeed-create}), root first. */
    static Map<String, String> pages(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (CommandSpec spec : visibleCommands(root.getCommandSpec())) {
            pages.put(pageName(spec), page(spec));
        }
        return pages;
    }

    /** The command and its visible descendants, each once (aliases name the same spec). */
    public static List<CommandSpec> visibleCommands(CommandSpec command) {
        List<CommandSpec> all = new ArrayList<>(List.of(command));
        for (CommandSpec sub : subcommands(command)) {
            all.addAll(visibleCommands(sub));
        }
        return all;
    }

    private static List<CommandSpec> subcommands(CommandSpec command) {
        return command.subcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
                .map(e -> e.getValue().getCommandSpec())
                .filter(spec -> !spec.usageMessage().hidden())
                .toList();
    }

    public static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private static String page(CommandSpec spec) {
        boolean isRoot = spec.parent() == null;
        if (!isRoot) {
            // The global options are the root page's; here GLOBAL OPTIONS only names them, as --help lists them apart.
            spec.options().stream().filter(OptionSpec::inherited).toList().forEach(spec::remove);
        }
        spec.usageMessage().footerHeading("Examples"); // --help's "Examples:%n" would keep its colon
        StringWriter generated = new StringWriter();
        try (PrintWriter writer = new PrintWriter(generated)) {
            ManPageGenerator.writeSingleManPage(writer, spec);
        }
        String adoc = generated.toString().replace("\r\n", "\n");
        String beforeExamples = isRoot
                ? section("Exit status", definitions(HelpTopics.EXIT_CODES) + "\n" + HelpTopics.BULK_EXIT_CODES + "\n")
                        + section("Environment", "A flag always wins over its variable.\n\n"
                                + definitions(HelpTopics.ENVIRONMENT))
                        + section("Files", definitions(HelpTopics.FILES))
                : section("Global options", "Every command also takes the options of *ticdcctl*(1): "
                        + globalOptionNames(spec.root()) + "." + formats(spec) + "\n");
        return insertBefore(insertBefore(adoc, FOOTER_START, beforeExamples), PAGE_END,
                section("See also", seeAlso(spec)));
    }

    private static String insertBefore(String adoc, String marker, String text) {
        int at = adoc.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("picocli-codegen's man page has no '" + marker + "'");
        }
        return adoc.substring(0, at) + text + adoc.substring(at);
    }

    private static String section(String title, String body) {
        return "== " + title + "\n\n" + body + "\n";
    }

    /** An AsciiDoc definition list: the name in bold, the meaning indented under it. */
    private static String definitions(List<HelpTopics.Entry> entries) {
        return entries.stream().map(e -> "*" + e.name() + "*::\n  " + e.meaning() + "\n")
                .collect(Collectors.joining("\n"));
    }

    private static String globalOptionNames(CommandSpec root) {
        return HelpLayout.global(root).stream()
                .map(o -> String.join(", ", List.of(o.names()).stream().map(n -> "*" + n + "*").toList()))
                .collect(Collectors.joining(", "));
    }

    /** What {@code -o} prints here, when it prints something structured. */
    private static String formats(CommandSpec spec) {
        List<Format> formats = OutputFormats.of(spec);
        return formats.isEmpty() ? "" : " Its *-o*, *--output* formats: " + OutputFormats.names(formats)
                + " (default: " + formats.get(0) + ").";
    }

    /** The parent pages up to the root, then the pages of the subcommands. */
    private static String seeAlso(CommandSpec spec) {
        List<String> related = new ArrayList<>();
        for (CommandSpec parent = spec.parent(); parent != null; parent = parent.parent()) {
            related.add(0, pageName(parent));
        }
        subcommands(spec).forEach(sub -> related.add(pageName(sub)));
        return related.stream().map(name -> "*" + name + "*(1)").collect(Collectors.joining(", ")) + "\n";
    }
}
