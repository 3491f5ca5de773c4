package dev.ticdcctl.cli;

import dev.ticdcctl.output.Format;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Which {@code -o/--output} formats each command supports: the one table that its help, the completion of {@code -o}
 * and the usage error of an unsupported format all read. The first format of a command is what it prints without
 * {@code -o}. A command that prints nothing structured supports none: its help does not offer {@code -o}, and an
 * {@code -o} given to it anyway (by a shell started with one, say) changes nothing.
 */
public final class OutputFormats {
    /** A table (wide: with every column) or a mutation's message line, else the answer as JSON or YAML. */
    private static final List<Format> TABLES = List.of(Format.table, Format.wide, Format.json, Format.yaml);
    private static final List<Format> NONE = List.of();

    /** The commands that differ from {@link #TABLES}, by their path below the root. */
    private static final Map<String, List<Format>> OTHERS = Map.ofEntries(
            Map.entry("changefeed export", List.of(Format.toml, Format.json, Format.yaml)),
            Map.entry("api", List.of(Format.json, Format.yaml)),
            Map.entry("config set-context", NONE), Map.entry("config use-context", NONE),
            Map.entry("config delete-context", NONE), Map.entry("config current-context", NONE),
            Map.entry("sandbox", NONE), Map.entry("shell", NONE), Map.entry("completion", NONE),
            Map.entry("__complete", NONE), Map.entry("help", NONE));

    private OutputFormats() {}

    /** The formats {@code command} supports, the one it prints by default first; none for the root and the nouns. */
    public static List<Format> of(CommandSpec command) {
        if (command.parent() == null || command.userObject() instanceof GroupCommand) {
            return NONE;
        }
        String path = command.qualifiedName(" ").substring(command.root().name().length() + 1);
        return OTHERS.getOrDefault(path, TABLES);
    }

    /** Whether {@code option} is {@code -o/--output}. */
    public static boolean isOutput(OptionSpec option) {
        return option.longestName().equals("--output");
    }

    /** "toml, json or yaml". */
    public static String names(List<Format> formats) {
        String all = formats.stream().map(Format::name).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** Refuses, as a usage error, an {@code -o} that the command to run does not support. */
    public static void check(ParseResult parsed) {
        Format given = null;
        ParseResult leaf = parsed;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
                return;
            }
            given = level.hasMatchedOption("--output") ? level.matchedOptionValue("--output", given) : given;
            leaf = level;
        }
        List<Format> supported = of(leaf.commandSpec());
        if (given != null && !supported.isEmpty() && !supported.contains(given)) {
            String command = leaf.commandSpec().qualifiedName();
            throw new Unsupported(leaf.commandSpec().commandLine(), "'" + command + "' cannot print -o " + given,
                    "'" + command + "' prints " + names(supported));
        }
    }

    /** An {@code -o} the command does not support; the hint names those it does. */
    public static final class Unsupported extends ParameterException {
        private final String hint;

        Unsupported(CommandLine command, String message, String hint) {
            super(command, message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }
}
