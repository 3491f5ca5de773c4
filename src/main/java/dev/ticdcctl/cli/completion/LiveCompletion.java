package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.EmbeddedCluster;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.completion.CompletionEngine.Kind;
import dev.ticdcctl.cli.completion.Completions.Candidate;
import dev.ticdcctl.output.Output;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ticdcctl __complete --live=KIND -- WORDS}: how the completion scripts ask for a live value whose kind their
 * tables know (a changefeed or capture ID, a context, a keyspace). It needs no model of the command tree: the global
 * options among the words say which cluster (or contexts file) to ask, so a TAB on an ID waits for little more than
 * the lookup. A value already on the line is not offered again.
 */
public final class LiveCompletion {
    /** The option of {@code __complete} that names the kind. */
    static final String OPTION = "--live";
    private static final String COMMAND = "__complete";

    private LiveCompletion() {}

    /** The word a kind has in the tables and after {@code --live=}. */
    static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The live kind {@code name} names, or null. */
    static Kind kind(String name) {
        for (Kind kind : List.of(Kind.CHANGEFEED, Kind.CAPTURE, Kind.CONTEXT, Kind.KEYSPACE)) {
            if (name(kind).equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Whether {@code args} are {@code __complete --live=KIND -- WORDS} with a known kind: the form that is answered
     * before any command model is built. Any other {@code __complete} goes through the command tree.
     */
    public static boolean isCall(String[] args) {
        return args.length >= 3 && args[0].equals(COMMAND) && args[1].startsWith(OPTION + "=")
                && kind(args[1].substring(OPTION.length() + 1)) != null && args[2].equals("--");
    }

    /** Answers such a call ({@link #isCall}) on {@code output}, in the protocol of {@link Completions}. */
    public static int run(String[] args, Environment environment, EmbeddedCluster.Starter sandboxes, Output output) {
        Kind kind = kind(args[1].substring(OPTION.length() + 1));
        List<String> words = Arrays.asList(args).subList(3, args.length);
        output.data(complete(kind, words, new ServerLookups(environment, sandboxes)).lines());
        return ExitCode.OK.code();
    }

    /**
     * The candidates for the last of {@code words}, a value of {@code kind}: what {@code live} finds with the line's
     * global options (any word it does not know is left to the command and ignored here), that starts with that
     * word (after its {@code --option=}, kept in front), and that is not one of the words before it.
     */
    static Completions complete(Kind kind, List<String> words, LiveValues live) {
        List<String> before = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
        String current = words.isEmpty() ? "" : words.get(words.size() - 1);
        int equals = current.indexOf('=');
        String prefix = current.startsWith("-") && equals > 0 ? current.substring(0, equals + 1) : "";
        String typed = current.substring(prefix.length());
        List<Candidate> found = switch (kind) {
            case CHANGEFEED -> live.changefeeds(before);
            case CAPTURE -> live.captures(before);
            case CONTEXT -> live.contexts(before);
            case KEYSPACE -> live.keyspaces(before);
            case OTHER, FILE -> List.of();
        };
        return new Completions(found.stream()
                .filter(c -> c.value().startsWith(typed) && !before.contains(c.value()))
                .map(c -> new Candidate(prefix + c.value(), c.description()))
                .toList(), false);
    }
}
