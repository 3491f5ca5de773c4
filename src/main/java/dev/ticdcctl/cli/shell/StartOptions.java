package dev.ticdcctl.cli.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The global options given when the shell started, put before every line typed. An option typed on the line
 * replaces the one given at start: picocli refuses a single-valued option given twice.
 */
final class StartOptions {
    private final CommandSpec root;
    /** Each option with its value, if it takes one as a separate word. */
    private final List<List<String>> given = new ArrayList<>();

    StartOptions(CommandSpec root, List<String> args) {
        this.root = root;
        for (int i = 0; i < args.size(); i++) {
            OptionSpec option = find(args.get(i));
            boolean withValue = option != null && option.arity().max() > 0 && !args.get(i).contains("=")
                    && i + 1 < args.size();
            given.add(withValue ? List.of(args.get(i), args.get(++i)) : List.of(args.get(i)));
        }
    }

    /** Gives {@code option} this value from now on, in place of the one given at start, if any. */
    void set(String option, String value) {
        OptionSpec spec = find(option);
        given.removeIf(words -> find(words.get(0)) == spec);
        given.add(List.of(option, value));
    }

    List<String> args() {
        return given.stream().flatMap(List::stream).toList();
    }

    /** The arguments to run for a typed line: the start options it does not override, then the line. */
    List<String> before(List<String> typed) {
        Set<OptionSpec> overridden = new HashSet<>();
        for (String word : typed) {
            OptionSpec option = word.startsWith("-") ? find(word) : null;
            if (option != null) {
                overridden.add(option);
            }
        }
        List<String> args = new ArrayList<>();
        for (List<String> option : given) {
            if (!overridden.contains(find(option.get(0)))) {
                args.addAll(option);
            }
        }
        args.addAll(typed);
        return args;
    }

    /** The global option a word names, as {@code --name} or {@code --name=value}; null for others. */
    private OptionSpec find(String word) {
        int equals = word.indexOf('=');
        return root.findOption(equals < 0 ? word : word.substring(0, equals));
    }
}
