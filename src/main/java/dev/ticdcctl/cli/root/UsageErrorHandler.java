package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.OutputFormats;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.util.EditDistance;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** Usage errors: {@code Error:}, a "did you mean" hint, the synopsis and where to read more; exit 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private final Session session;

    UsageErrorHandler(Session session) {
        this.session = session;
    }

    @Override
    public int handleParseException(ParameterException reported, String[] args) {
        CommandLine command = reported.getCommandLine();
        // picocli reports a missing required option before an unknown one, but a mistyped option is the likely
        // cause of both ("--regio 5" leaves --region missing), and the one that gets a suggestion.
        ParameterException ex = reported instanceof UnmatchedArgumentException
                || command.getUnmatchedArguments().isEmpty()
                ? reported : new UnmatchedArgumentException(command, command.getUnmatchedArguments());
        PrintWriter err = session.err();
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            // A cdc cli habit gets its own answer, which says all there is: no synopsis after it.
            var habit = CdcCliHabits.answer(command, unmatched.getUnmatched(), args);
            if (habit.isPresent()) {
                err.println("Error: " + habit.get().error());
                err.println("Hint: " + habit.get().hint());
                err.flush();
                return ExitCode.USAGE.code();
            }
        }
        err.println("Error: " + message(ex));
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> suggestions = suggestions(command, unmatched.getUnmatched().get(0));
            if (!suggestions.isEmpty()) {
                err.println("Hint: did you mean " + String.join(" or ", suggestions.stream()
                        .map(s -> "'" + s + "'").toList()) + "?");
            }
        } else if (ex.getCause() instanceof TsoConverter.HintedConversionException hinted && hinted.hint() != null) {
            err.println("Hint: " + hinted.hint());
        } else if (ex instanceof OutputFormats.Unsupported unsupported) {
            err.println("Hint: " + unsupported.hint());
        }
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
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
            if (prefix || EditDistance.between(word, spelling) <= allowed) {
                close.add(canonical);
            }
        });
        return List.copyOf(close);
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
