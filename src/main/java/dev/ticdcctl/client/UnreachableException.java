package dev.ticdcctl.client;

/** No answer from the server: refused, unknown host, TLS handshake, connect or request timeout. */
public class UnreachableException extends ClientException {
    public UnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
