package dev.ticdcctl.client;

/** Base of everything the client throws; carries an optional one-line hint for the user. */
public class ClientException extends RuntimeException {
    private final String hint;

    public ClientException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
