package dev.ticdcctl.cli;

import java.io.PrintWriter;

/** Confirmations for destructive commands: asked on a terminal, required as {@code --yes} off one. */
public final class Prompter {
    private final Environment environment;
    private final PrintWriter err;
    private final boolean yes;

    Prompter(Environment environment, PrintWriter err, boolean yes) {
        this.environment = environment;
        this.err = err;
        this.yes = yes;
    }

    /** Fails before anything is sent when a confirmation will be needed but cannot be asked. */
    public void ensureCanConfirm() {
        if (!yes && !environment.terminal().stdin()) {
            throw new CliException.InvalidInput("--yes is required when not running interactively",
                    "add --yes (or --no-confirm) after checking what the command will do");
        }
    }

    /**
     * Returns when the user agreed (or gave {@code --yes}); throws {@link CliException.Declined} otherwise, and
     * {@link CliException.InvalidInput} off a terminal, before anything was sent.
     */
    public void confirm(String question, String declinedMessage) {
        if (yes) {
            return;
        }
        ensureCanConfirm();
        String prompt = question + " [y/N] ";
        String answer = environment.console() != null ? askConsole(prompt) : askStdin(prompt);
        String a = answer == null ? "" : answer.trim().toLowerCase();
        if (!a.equals("y") && !a.equals("yes")) {
            throw new CliException.Declined(declinedMessage);
        }
    }

    /** On a terminal, through the line editor: it owns the terminal inside the shell. */
    private String askConsole(String prompt) {
        err.flush(); // what the command printed before the question comes first
        return environment.console().readLine(prompt);
    }

    private String askStdin(String prompt) {
        err.print(prompt);
        err.flush();
        String answer = Inputs.readLine(environment);
        if (answer == null) {
            err.println();
        }
        return answer;
    }
}
