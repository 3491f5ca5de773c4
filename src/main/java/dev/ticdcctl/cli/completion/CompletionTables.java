package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.cli.completion.CompletionEngine.Kind;
import dev.ticdcctl.output.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * The command tree as the completion scripts carry it, so that they answer commands, options and fixed values
 * without starting Java: three tables of space-separated records, the last field a description (possibly empty).
 * Numbers count from 1; the root is node 1. Every value that {@link CompletionEngine} would look up (changefeeds,
 * captures, contexts, keyspaces) is marked {@code L} with what it is ({@code Lchangefeed}), and anything these tables
 * cannot spell with a bare {@code L}: for those the scripts ask {@code ticdcctl __complete}, passing what the value is
 * as {@code --live=KIND} when they know it ({@link LiveCompletion}).
 * <ul>
 * <li>nodes, one per command: {@code FLAGS FORMATS OPTIONS POSITIONALS} — flags {@code h} (help: its words are a
 * command path), {@code l} (takes neither subcommands nor positional values), else {@code -}; this command's
 * {@code -o} formats ({@code a,b}) or {@code -}; its option numbers in picocli's order ({@code 1,2}) or {@code -};
 * the value kind of each positional index ({@code K;K}), a last {@code *} repeating the last kind, or {@code -}.</li>
 * <li>options: {@code NAMES LONGEST MIN MAX FLAGS VALUES DESCRIPTION} — names {@code a,b}; arity; flags {@code m}
 * (may repeat), {@code h} (hidden), {@code g} (global: the root's), else {@code -}; values as a kind.</li>
 * <li>commands: {@code NODE WORD CHILD SHOWN DESCRIPTION} — a subcommand name or alias of node NODE, leading to
 * node CHILD; shown {@code n} (a name), {@code a} (an alias), {@code h} (hidden: never offered).</li>
 * </ul>
 * A value kind is {@code -} (nothing to offer), {@code F} (file paths), {@code Lkind} or {@code L} (ask ticdcctl),
 * {@code =a,b} (these values) or, for {@code -o}, {@code @a,b} (the command's formats when it has some, else these).
 */
public final class CompletionTables {
    /** What a fixed value may be to go into a table unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._=:/@+-]+");
    /** Positional indexes looked at: more than any command's fixed ones, so the last kind repeats. */
    private static final int INDEXES = 32;

    public final List<String> nodes = new ArrayList<>();
    public final List<String> options = new ArrayList<>();
    public final List<String> commands = new ArrayList<>();

    private final Map<String, Integer> optionNumbers = new LinkedHashMap<>();
    private final CommandLine root;

    public CompletionTables(CommandLine root) {
        this.root = root;
        add(root);
    }

    /** Adds {@code command} and, after it, its subcommands; returns its number. */
    private int add(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        nodes.add(null);
        int number = nodes.size();
        List<String> flags = new ArrayList<>();
        if (spec.helpCommand()) {
            flags.add("h");
        }
        if (spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            flags.add("l");
        }
        List<Format> formats = OutputFormats.of(spec);
        List<String> optionList = spec.options().stream().map(o -> Integer.toString(option(spec, o))).toList();
        Map<CommandLine, Integer> children = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> entry : command.getSubcommands().entrySet()) {
            CommandLine child = entry.getValue();
            Integer childNumber = children.computeIfAbsent(child, this::add);
            CommandSpec childSpec = child.getCommandSpec();
            String shown = childSpec.usageMessage().hidden() ? "h"
                    : entry.getKey().equals(child.getCommandName()) ? "n" : "a";
            commands.add(number + " " + word(entry.getKey()) + " " + childNumber + " " + shown + " "
                    + description(CompletionEngine.summary(childSpec.usageMessage().description(), null)));
        }
        nodes.set(number - 1, String.join("", flags.isEmpty() ? List.of("-") : flags) + " "
                + list(formats.stream().map(Format::name).toList(), ",") + " " + list(optionList, ",") + " "
                + positionals(spec));
        return number;
    }

    /** The number of the option's record, added the first time such a record is seen. */
    private int option(CommandSpec command, OptionSpec option) {
        String flags = (option.isMultiValue() ? "m" : "") + (option.hidden() ? "h" : "")
                + (root.getCommandSpec().findOption(option.longestName()) != null ? "g" : "");
        String values = kind(command, option, 0);
        if (OutputFormats.isOutput(option)) {
            values = "@" + values.substring(1);
        }
        String record = Arrays.stream(option.names()).map(CompletionTables::word).collect(Collectors.joining(",")) + " "
                + option.longestName() + " " + option.arity().min() + " " + option.arity().max() + " "
                + (flags.isEmpty() ? "-" : flags) + " " + values + " "
                + description(CompletionEngine.summary(option.description(), option));
        return optionNumbers.computeIfAbsent(record, r -> {
            options.add(r);
            return options.size();
        });
    }

    /** The kinds of the positional indexes, the last repeated when {@code *} follows it. */
    private static String positionals(CommandSpec command) {
        List<String> kinds = new ArrayList<>();
        for (int index = 0; index < INDEXES; index++) {
            String kind = "-";
            for (PositionalParamSpec positional : command.positionalParameters()) {
                if (!positional.hidden() && positional.index().contains(index)) {
                    kind = kind(command, positional, index - positional.index().min());
                    break;
                }
            }
            kinds.add(kind);
        }
        int last = INDEXES - 1;
        while (last > 0 && kinds.get(last - 1).equals(kinds.get(last))) {
            last--;
        }
        List<String> kept = new ArrayList<>(kinds.subList(0, last + 1));
        if (kept.get(last).equals("-")) {
            kept.remove(last);
        } else {
            kept.set(last, kept.get(last) + "*");
        }
        return list(kept, ";");
    }

    /**
     * What {@link CompletionEngine} offers for a value of {@code arg} (its {@code index}th): {@code L} and the live
     * kind when that depends on the cluster or the contexts file, a bare {@code L} when it depends on the options
     * given before it or cannot be written into a table.
     */
    private static String kind(CommandSpec command, ArgSpec arg, int index) {
        if (arg.completionCandidates() != null) {
            List<String> values = new ArrayList<>();
            arg.completionCandidates().forEach(values::add);
            return values.stream().allMatch(v -> PLAIN.matcher(v).matches() && !v.contains(","))
                    ? "=" + String.join(",", values) : "L";
        }
        Set<Kind> kinds = new HashSet<>();
        for (Set<String> given : List.of(Set.<String>of(), Set.of("--changefeed-id"), Set.of("--capture-id"),
                Set.of("--changefeed-id", "--capture-id"))) {
            kinds.add(CompletionEngine.kind(command, arg, index, given));
        }
        if (kinds.size() > 1) {
            return "L";
        }
        Kind only = kinds.iterator().next();
        return switch (only) {
            case OTHER -> "-";
            case FILE -> "F";
            case CHANGEFEED, CAPTURE, CONTEXT, KEYSPACE -> "L" + LiveCompletion.name(only);
        };
    }

    private static String list(List<String> items, String separator) {
        return items.isEmpty() ? "-" : String.join(separator, items);
    }

    /** A name as a table field: the tables separate fields by spaces and lists by commas. */
    private static String word(String name) {
        if (!PLAIN.matcher(name).matches() || name.contains(",")) {
            throw new IllegalStateException("a name the completion tables cannot hold: '" + name + "'");
        }
        return name;
    }

    private static String description(String summary) {
        return summary == null ? "" : summary.replaceAll("[\\p{Cntrl}]", " ");
    }
}
