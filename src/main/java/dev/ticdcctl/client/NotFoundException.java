package dev.ticdcctl.client;

/** {@code CDC:ErrChangeFeedNotExists} or {@code CDC:ErrCaptureNotExist} (TiCDC answers these with HTTP 400). */
public class NotFoundException extends ApiException {
    public NotFoundException(int status, String errorCode, String message, String hint) {
        super(status, errorCode, message, hint);
    }
}
