package dev.ticdcctl.cli;

/** A failure the command line detects itself; {@link ErrorReporter} maps each kind to its exit code. */
public abstract class CliException extends RuntimeException {
    private final String hint;

    protected CliException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    /** Invalid input caught before anything is sent. */
    public static final class InvalidInput extends CliException {
        public InvalidInput(String message, String hint) {
            super(message, hint);
        }
    }

    /** An operation the server would refuse or silently ignore in the current state. */
    public static final class Refused extends CliException {
        public Refused(String message, String hint) {
            super(message, hint);
        }
    }

    /** Something named on the command line does not exist. */
    public static final class NotFound extends CliException {
        public NotFound(String message, String hint) {
            super(message, hint);
        }
    }

    /** An operation that could not be carried out for a reason the message states. */
    public static final class Failed extends CliException {
        public Failed(String message, String hint) {
            super(message, hint);
        }
    }

    /** A wait whose bound ran out before the condition held. */
    public static final class WaitTimedOut extends CliException {
        public WaitTimedOut(String message, String hint) {
            super(message, hint);
        }
    }

    /** The user answered no to a confirmation. */
    public static final class Declined extends CliException {
        public Declined(String message) {
            super(message, null);
        }
    }
}
