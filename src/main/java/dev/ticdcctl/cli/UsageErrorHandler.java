package dev.ticdcctl.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Usage errors: {@code Error:}, a "did you mean" hint, the synopsis and where to read more; exit 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private final Services services;

    UsageErrorHandler(Services services) {
        this.services = services;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = services.err();
        err.println("Error: " + message(ex));
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> suggestions = suggestions(command, unmatched.getUnmatched().get(0));
            if (!suggestions.isEmpty()) {
                err.println("Hint: did you mean " + String.join(" or ", suggestions.stream()
                        .map(s -> "'" + s + "'").toList()) + "?");
            }
        }
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    /** Commands or options close to what was typed: a prefix of it, or at most a third of its letters off. */
    static List<String> suggestions(CommandLine command, String typed) {
        String word = typed.replaceFirst("=.*", "");
        Map<String, String> candidates = new LinkedHashMap<>(); // spelling -> canonical name
        if (word.startsWith("-")) {
            command.getCommandSpec().options().stream().filter(o -> !o.hidden())
                    .forEach(o -> Arrays.stream(o.names()).forEach(n -> candidates.put(n, o.longestName())));
        } else {
            command.getSubcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    candidates.put(name, sub.getCommandName());
                }
            });
        }
        int allowed = Math.max(1, word.length() / 3);
        Set<String> close = new LinkedHashSet<>();
        candidates.forEach((spelling, canonical) -> {
            boolean prefix = word.length() >= 3 && spelling.startsWith(word);
            if (prefix || distance(word, spelling) <= allowed) {
                close.add(canonical);
            }
        });
        return List.copyOf(close);
    }

    /** Edit distance where swapping two neighbouring letters, the commonest typo, counts as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            CommandLine command = ex.getCommandLine();
            if (!first.startsWith("-") && !command.getSubcommands().isEmpty()) {
                return "unknown command '" + first + "' for '" + command.getCommandSpec().qualifiedName() + "'";
            }
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'";
            }
            return "unexpected argument '" + first + "'";
        }
        return ex.getMessage();
    }
}
