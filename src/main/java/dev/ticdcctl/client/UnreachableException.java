package dev.ticdcctl.client;

/**
 * No whole answer from the server: refused, unknown host, TLS handshake, connect or request timeout, an answer cut
 * short, not HTTP, or not complete within the timeout.
 */
public class UnreachableException extends ClientException {
    public UnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
