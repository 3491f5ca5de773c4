package dev.ticdcctl.cli;

import java.io.PrintWriter;
import java.util.List;
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
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
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
