package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.cli.completion.Completions.Candidate;
import dev.ticdcctl.output.Format;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/**
 * Completes a word of a ticdcctl command line from picocli's model of the command tree: commands (and their
 * aliases), options, enum values, file paths for file options, and live values (changefeed IDs, capture IDs,
 * context names) through {@link LiveValues}. Hidden commands and options are not offered. The shell scripts answer
 * all but the live values themselves, from {@link CompletionTables}, walking them as this class walks the tree; for
 * live values they reach it through {@code ticdcctl __complete}; an interactive shell can call it directly.
 */
public final class CompletionEngine {
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");
    private static final int MAX_DESCRIPTION = 72;

    private final CommandLine root;
    private final LiveValues live;

    /** {@code root} is the tree of {@code ticdcctl}, or at least the branch the words name. */
    public CompletionEngine(CommandLine root, LiveValues live) {
        this.root = root;
        this.live = live;
    }

    /** What a value is, when picocli's model does not say it with an enum type. */
    enum Kind { OTHER, FILE, CHANGEFEED, CAPTURE, CONTEXT, KEYSPACE }

    /** Positional values that an option can give instead, as {@code cdc cli} spells them. */
    static final Map<String, String> OPTION_OF_LABEL =
            Map.of("CHANGEFEED_ID", "--changefeed-id", "CAPTURE_ID", "--capture-id");

    /** Where the words before the one being completed have led. */
    private static final class Position {
        CommandLine command;
        /** An option still waiting for its value, or null. */
        OptionSpec pendingOption;
        boolean endOfOptions;
        final List<String> positionals = new ArrayList<>();
        /** By longest name: an inherited option is a copy of the root's in every subcommand. */
        final Set<String> givenOptions = new HashSet<>();
        /** The global options given, with their values, as typed: the lookups connect with them. */
        final List<String> connection = new ArrayList<>();
    }

    /**
     * The candidates for {@code current}, the word being completed (possibly empty), after {@code words}, the
     * complete words that precede it (without the program name).
     */
    public Completions complete(List<String> words, String current) {
        Position at = walk(words);
        if (at.pendingOption != null) {
            return values(at, at.pendingOption, 0, "", current);
        }
        if (!at.endOfOptions && current.startsWith("-")) {
            int equals = current.indexOf('=');
            if (equals > 0) {
                OptionSpec option = at.command.getCommandSpec().findOption(current.substring(0, equals));
                return option == null || option.arity().max() == 0 || option.hidden() ? Completions.NONE
                        : values(at, option, 0, current.substring(0, equals + 1), current.substring(equals + 1));
            }
            return new Completions(options(at, current), false);
        }
        List<Candidate> candidates = new ArrayList<>(commands(at.command, current));
        boolean files = false;
        CommandSpec spec = at.command.getCommandSpec();
        if (spec.helpCommand()) {
            candidates.addAll(helpPath(at.positionals, current));
        } else {
            int index = at.positionals.size();
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                if (!positional.hidden() && positional.index().contains(index)) {
                    Completions values = values(at, positional, index - positional.index().min(), "", current);
                    values.candidates().stream().filter(c -> !at.positionals.contains(c.value()))
                            .forEach(candidates::add);
                    files |= values.files();
                    break;
                }
            }
        }
        if (current.isEmpty() && spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            // Only options can come here: the command's own (a dash lists the global ones as well).
            options(at, current).stream().filter(c -> !isGlobal(c.value())).forEach(candidates::add);
        }
        return new Completions(candidates, files);
    }

    /** Whether the option is one every command inherits from the root. */
    private boolean isGlobal(String optionName) {
        return root.getCommandSpec().findOption(optionName) != null;
    }

    /** Follows the words through the tree: subcommands, options and their values, positional parameters. */
    private Position walk(List<String> words) {
        Position at = new Position();
        at.command = root;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!at.endOfOptions && word.equals("--")) {
                at.endOfOptions = true;
            } else if (!at.endOfOptions && word.startsWith("-") && word.length() > 1) {
                int equals = word.indexOf('=');
                String name = equals > 0 ? word.substring(0, equals) : word;
                OptionSpec option = at.command.getCommandSpec().findOption(name);
                if (option == null) {
                    continue; // unknown (or clustered short options): nothing to learn from it
                }
                at.givenOptions.add(option.longestName());
                List<String> given = new ArrayList<>(List.of(word));
                if (equals < 0 && option.arity().min() > 0) {
                    if (i + 1 == words.size()) {
                        at.pendingOption = option; // its value is the word being completed
                        continue;
                    }
                    given.add(words.get(++i));
                }
                if (isGlobal(name)) {
                    at.connection.addAll(given);
                }
            } else {
                CommandLine sub = at.endOfOptions ? null : at.command.getSubcommands().get(word);
                if (sub != null && at.positionals.isEmpty()) {
                    at.command = sub;
                } else {
                    at.positionals.add(word);
                }
            }
        }
        return at;
    }

    /** The values of an option or positional parameter ({@code index}: which of its values), each after {@code prefix}. */
    private Completions values(Position at, ArgSpec arg, int index, String prefix, String current) {
        List<Candidate> candidates = new ArrayList<>();
        List<Format> formats = arg instanceof OptionSpec option && OutputFormats.isOutput(option)
                ? OutputFormats.of(at.command.getCommandSpec()) : List.of();
        if (!formats.isEmpty()) {
            formats.forEach(format -> candidates.add(Candidate.of(format.name()))); // this command's, not them all
        } else if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(value -> candidates.add(Candidate.of(value)));
        } else {
            switch (kind(at.command.getCommandSpec(), arg, index, at.givenOptions)) {
                case FILE -> {
                    return new Completions(List.of(), true);
                }
                case CHANGEFEED -> candidates.addAll(live.changefeeds(at.connection));
                case CAPTURE -> candidates.addAll(live.captures(at.connection));
                case CONTEXT -> candidates.addAll(live.contexts(at.connection));
                case KEYSPACE -> candidates.addAll(live.keyspaces(at.connection));
                case OTHER -> { }
            }
        }
        return new Completions(candidates.stream().filter(c -> c.value().startsWith(current))
                .map(c -> new Candidate(prefix + c.value(), c.description())).toList(), false);
    }

    /**
     * What a value means, from the conventions the commands follow: {@code FILE}, {@code DIR} and {@code FILE|DIR}
     * labels are paths;
     * {@code ID} (except the new one of {@code create}), {@code CHANGEFEED_ID} and {@code --changefeed-id} are
     * changefeeds; {@code CAPTURE_ID}, {@code --capture-id} and {@code --target-node-id} captures; {@code --context}
     * and the {@code NAME} of the {@code config} commands contexts. A label of several words ("CHANGEFEED_ID
     * CAPTURE_ID") names each value, leaving out those already given as options ({@code processor get -c CF} is
     * followed by the capture).
     */
    static Kind kind(CommandSpec command, ArgSpec arg, int index, Set<String> givenOptions) {
        if (arg instanceof OptionSpec option) {
            switch (option.longestName()) {
                case "--changefeed-id" -> {
                    return Kind.CHANGEFEED;
                }
                case "--capture-id", "--target-node-id" -> {
                    return Kind.CAPTURE;
                }
                case "--context" -> {
                    return Kind.CONTEXT;
                }
                case "--keyspace" -> {
                    return Kind.KEYSPACE;
                }
                default -> { }
            }
        }
        List<String> labels = new ArrayList<>(List.of(arg.paramLabel().split(" ")));
        if (labels.size() > 1) {
            OPTION_OF_LABEL.forEach((label, option) -> {
                if (givenOptions.contains(option)) {
                    labels.remove(label);
                }
            });
        }
        String label = labels.isEmpty() ? "" : labels.get(Math.min(index, labels.size() - 1));
        if (label.equals("FILE") || label.equals("DIR") || label.equals("FILE|DIR")) {
            return Kind.FILE;
        }
        if (arg.isOption()) {
            return Kind.OTHER;
        }
        return switch (label) {
            case "ID" -> command.name().equals("create") ? Kind.OTHER : Kind.CHANGEFEED;
            case "CHANGEFEED_ID" -> Kind.CHANGEFEED;
            case "CAPTURE_ID" -> Kind.CAPTURE;
            case "NAME" -> command.parent() != null && command.parent().name().equals("config")
                    ? Kind.CONTEXT : Kind.OTHER;
            default -> Kind.OTHER;
        };
    }

    /** The visible subcommands by name; aliases only when no name fits (so "qu" still finds "query"). */
    private static List<Candidate> commands(CommandLine command, String current) {
        List<Candidate> names = subcommands(command, current, (e -> e.getKey().equals(e.getValue().getCommandName())));
        return names.isEmpty() ? subcommands(command, current, e -> true) : names;
    }

    private static List<Candidate> subcommands(CommandLine command, String current,
            Predicate<Map.Entry<String, CommandLine>> which) {
        return command.getSubcommands().entrySet().stream()
                .filter(e -> e.getKey().startsWith(current) && which.test(e)
                        && !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(e -> new Candidate(e.getKey(), summary(e.getValue().getCommandSpec().usageMessage().description(),
                        null)))
                .toList();
    }

    /** {@code help}'s words are a command path: the subcommands of the path given so far. */
    private List<Candidate> helpPath(List<String> path, String current) {
        CommandLine target = root;
        for (String word : path) {
            target = target.getSubcommands().get(word);
            if (target == null) {
                return List.of();
            }
        }
        return commands(target, current);
    }

    /** The visible options of the command whose names start with {@code current}, except those given once already. */
    private static List<Candidate> options(Position at, String current) {
        List<Candidate> candidates = new ArrayList<>();
        for (OptionSpec option : at.command.getCommandSpec().options()) {
            if (option.hidden() || (at.givenOptions.contains(option.longestName()) && !option.isMultiValue())) {
                continue;
            }
            String description = summary(option.description(), option);
            for (String name : option.names()) {
                // Any typed dash lists short names too; an empty word (a leaf's options) only the long ones.
                if (name.startsWith(current) && (!current.isEmpty() || name.startsWith("--"))) {
                    candidates.add(new Candidate(name, description));
                }
            }
        }
        return candidates;
    }

    /** The first sentence of a description, on one line, with picocli's variables filled in. */
    static String summary(String[] description, ArgSpec arg) {
        if (description.length == 0) {
            return null;
        }
        String text = description[0].replaceAll("\\s+", " ").trim();
        if (arg != null) {
            List<String> values = new ArrayList<>();
            if (arg.completionCandidates() != null) {
                arg.completionCandidates().forEach(values::add);
            }
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", values))
                    .replace("${DEFAULT-VALUE}", arg.defaultValue() == null ? "" : arg.defaultValue());
        }
        Matcher sentenceEnd = SENTENCE_END.matcher(text);
        text = sentenceEnd.find() ? text.substring(0, sentenceEnd.start()) : text;
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (text.length() > MAX_DESCRIPTION) { // a menu line, not the help text
            int space = text.lastIndexOf(' ', MAX_DESCRIPTION - 3);
            text = text.substring(0, space > 0 ? space : MAX_DESCRIPTION - 3) + "...";
        }
        return text;
    }
}
