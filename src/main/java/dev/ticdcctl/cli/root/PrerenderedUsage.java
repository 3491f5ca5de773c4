package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The root's usage as picocli prints it off a terminal (80 columns, no colour) is the same in every run, so the
 * build renders it once into the jar ({@code dev.ticdcctl.build.RootUsage}) and {@code ticdcctl}, {@code help},
 * {@code --help} and {@code -h} print that copy instead of building the model of every top-level command, which is
 * most of such a run. On a terminal, or where colour or a width is asked for, picocli renders it as before.
 */
public final class PrerenderedUsage {
    /** Where the copy is, beside this class. */
    public static final String RESOURCE = "root-usage.txt";
    private static final int WIDTH = UsageMessageSpec.DEFAULT_USAGE_WIDTH;
    private static final Set<List<String>> ASKING = Set.of(List.of(), List.of("help"), List.of("-h"), List.of("--help"));

    private PrerenderedUsage() {}

    /**
     * The copy, when {@code args} ask for the root's usage alone and picocli would now render it as the copy was
     * rendered; null otherwise (and in a build that has not made the copy). Asking picocli for the width on a
     * terminal would run stty, so a terminal is ruled out first.
     */
    static String forArgs(String[] args, boolean stdoutIsTerminal) {
        if (stdoutIsTerminal || !asked(args) || Ansi.AUTO.enabled()
                || new UsageMessageSpec().autoWidth(true).width() != WIDTH) {
            return null;
        }
        try (InputStream copy = PrerenderedUsage.class.getResourceAsStream(RESOURCE)) {
            return copy == null ? null : new String(copy.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // the jar is readable or nothing runs; picocli renders it then
        }
    }

    /** Whether {@code args} ask for the root's usage alone. */
    static boolean asked(String[] args) {
        return ASKING.contains(List.of(args));
    }

    /** The root's usage at 80 columns without colour, from the whole tree: what the build stores. */
    public static String render(Session session) {
        CommandLine root = Cli.forRun(session, new String[] {"help"});
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(WIDTH);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            root.usage(out, Ansi.OFF);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
