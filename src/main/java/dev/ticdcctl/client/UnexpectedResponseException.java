package dev.ticdcctl.client;

/** The server (or a proxy in front of it) answered something that is not TiCDC's JSON. */
public class UnexpectedResponseException extends ClientException {
    public UnexpectedResponseException(String message, String hint) {
        super(message, hint, null);
    }
}
