package dev.ticdcctl.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completes from picocli's model of the command tree: command names, option names, the values of enum options, and
 * changefeed IDs asked of the server where a changefeed ID goes.
 */
final class CommandTreeCompletions implements Completions {
    private final CommandLine root;
    private final List<Suggestion> shellWords;
    private final Function<List<String>, List<String>> changefeedIds;

    /**
     * @param shellWords    words the shell itself understands at the start of a line
     * @param changefeedIds the changefeed IDs, given the words typed (which may choose a namespace)
     */
    CommandTreeCompletions(CommandLine root, List<Suggestion> shellWords,
            Function<List<String>, List<String>> changefeedIds) {
        this.root = root;
        this.shellWords = shellWords;
        this.changefeedIds = changefeedIds;
    }

    @Override
    public List<Suggestion> complete(List<String> words) {
        String partial = words.isEmpty() ? "" : words.get(words.size() - 1);
        List<String> before = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
        CommandLine command = root;
        OptionSpec awaitingValue = null;
        int positionals = 0;
        for (String word : before) {
            if (awaitingValue != null) {
                awaitingValue = null;
            } else if (word.startsWith("-")) {
                OptionSpec option = command.getCommandSpec().findOption(word.contains("=")
                        ? word.substring(0, word.indexOf('=')) : word);
                if (option != null && option.arity().max() > 0 && !word.contains("=")) {
                    awaitingValue = option;
                }
            } else if (positionals == 0 && command.getSubcommands().containsKey(word)) {
                command = command.getSubcommands().get(word);
            } else {
                positionals++;
            }
        }
        List<Suggestion> all = new ArrayList<>();
        if (awaitingValue != null) {
            addValues(all, awaitingValue, words);
        } else if (partial.startsWith("-")) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    all.add(new Suggestion(option.longestName(), description(option)));
                }
            }
        } else {
            for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
                CommandSpec spec = sub.getValue().getCommandSpec();
                if (!spec.usageMessage().hidden() && sub.getKey().equals(spec.name())) {
                    String[] description = spec.usageMessage().description();
                    all.add(new Suggestion(sub.getKey(), description.length == 0 ? null : firstSentence(description[0])));
                }
            }
            if (command == root) {
                all.addAll(shellWords);
            }
            List<PositionalParamSpec> params = command.getCommandSpec().positionalParameters();
            for (PositionalParamSpec param : params) {
                if (param.index().contains(positionals) || param.index().isUnresolved()) {
                    addValues(all, param, words);
                    break;
                }
            }
        }
        return all.stream().filter(s -> s.value().startsWith(partial)).distinct().toList();
    }

    private void addValues(List<Suggestion> all, ArgSpec arg, List<String> words) {
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(value -> all.add(new Suggestion(value, null)));
        } else if (arg.paramLabel().equals("ID") && changefeedCommand(arg.command())) {
            changefeedIds.apply(words).forEach(id -> all.add(new Suggestion(id, "changefeed")));
        }
    }

    /** Whether {@code spec} is a verb of the changefeed noun, whose ID arguments are changefeed IDs. */
    private static boolean changefeedCommand(CommandSpec spec) {
        return spec.parent() != null && spec.parent().name().equals("changefeed");
    }

    private static String description(OptionSpec option) {
        return option.description().length == 0 ? null : firstSentence(option.description()[0]);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end);
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
