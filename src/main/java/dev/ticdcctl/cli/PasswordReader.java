package dev.ticdcctl.cli;

/**
 * The TiDB user's password where ticdcctl reads it itself: the line of {@code --password-stdin} (read once), the
 * value of {@code --password}, or what is typed at the prompt on a terminal, as cdc cli asks.
 */
final class PasswordReader {
    private final Environment environment;
    private final boolean fromStdin;
    private final String flag;
    /** Says that {@code --password} is visible in the process list. */
    private final Runnable warnVisible;
    private String fromFlags;
    private boolean typed;

    PasswordReader(Environment environment, boolean fromStdin, String flag, Runnable warnVisible) {
        this.environment = environment;
        this.fromStdin = fromStdin;
        this.flag = flag;
        this.warnVisible = warnVisible;
    }

    /** The password given by {@code --password-stdin} (read once) or {@code --password} (with a warning), or null. */
    String fromFlags() {
        if (fromFlags == null && fromStdin) {
            fromFlags = Inputs.readLine(environment);
            if (fromFlags == null) {
                throw new CliException.InvalidInput("expected the password on stdin, found nothing", null);
            }
        } else if (fromFlags == null && flag != null) {
            warnVisible.run();
            fromFlags = flag;
        }
        return fromFlags;
    }

    /** {@code password}, or when it is null and stdin is a terminal, the one typed at the prompt for {@code user}. */
    String orTyped(String user, String password) {
        if (password == null && environment.terminal().stdin()) {
            String typedPassword = new String(environment.passwords().read("Password for " + user + ": "));
            typed = true;
            return typedPassword;
        }
        return password;
    }

    /** Whether the password sent was typed at the prompt. */
    boolean typed() {
        return typed;
    }
}
