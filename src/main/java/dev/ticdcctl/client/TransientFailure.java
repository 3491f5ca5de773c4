package dev.ticdcctl.client;

/**
 * A failure that another try may mend: {@code reason} names it in the {@code --debug} trace; {@code unsent} says
 * that no byte of the request left (the connection was never made), so that even a change may be sent again.
 */
final class TransientFailure extends UnreachableException {
    final String reason;
    final boolean unsent;

    TransientFailure(String message, String hint, Throwable cause, String reason, boolean unsent) {
        super(message, hint, cause);
        this.reason = reason;
        this.unsent = unsent;
    }
}
