package dev.ticdcctl.client;

/** The server answered with an error envelope ({@code error_msg}, {@code error_code}). */
public class ApiException extends ClientException {
    private final int status;
    private final String errorCode;

    public ApiException(int status, String errorCode, String message, String hint) {
        super(message, hint, null);
        this.status = status;
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    public int status() {
        return status;
    }

    /** The RFC code such as {@code CDC:ErrChangeFeedNotExists}; empty for errors that are not TiCDC's own. */
    public String errorCode() {
        return errorCode;
    }
}
