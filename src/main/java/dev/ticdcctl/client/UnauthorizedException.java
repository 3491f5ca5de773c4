package dev.ticdcctl.client;

/** HTTP 401 or 403, {@code CDC:ErrCredentialNotFound} or {@code CDC:ErrUnauthorized}. */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(int status, String errorCode, String message, String hint) {
        super(status, errorCode, message, hint);
    }
}
