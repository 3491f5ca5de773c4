package dev.ticdcctl.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Normalises {@code --server}: a bare {@code host:port} means {@code http://}, or {@code https://} when TLS files are
 * given; a path other than "/" is refused.
 */
public final class ServerAddress {
    private ServerAddress() {}

    /** Returns the base URI without a trailing slash; throws IllegalArgumentException with a user-facing message. */
    public static URI parse(String text, boolean tls) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the server address is empty");
        }
        if (!value.contains("://")) {
            value = (tls ? "https://" : "http://") + value;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a server address (host:port or http(s)://host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported scheme '" + uri.getScheme() + "' in server address '" + text
                    + "': use http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' has no host (expected host:port or http(s)://host:port)");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("server address '" + text
                    + "' must not have a path: give only scheme, host and port");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("server address '" + text + "' must not have a query or fragment");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("server address must not contain credentials (they would show in the"
                    + " process list); give only scheme, host and port");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }
}
