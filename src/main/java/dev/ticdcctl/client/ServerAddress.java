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
            throw new IllegalArgumentException("'" + withoutCredentials(text)
                    + "' is not a server address (host:port or http(s)://host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported scheme '" + uri.getScheme() + "' in server address '"
                    + withoutCredentials(text) + "': use http:// or https://");
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        if (authority.contains("@")) {
            throw new IllegalArgumentException("server address must not contain credentials (they would show in the"
                    + " process list); give only scheme, host and port");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(badAuthority(text, authority));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException(badPort(text, String.valueOf(uri.getPort())));
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("server address '" + text
                    + "' must not have a path: give only scheme, host and port");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("server address '" + text + "' must not have a query or fragment");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    /** The address as the user gave it, for messages, with any user-info masked: it may hold a password. */
    private static String withoutCredentials(String text) {
        return text.replaceFirst("^([^/@]*//)?[^/@]*@", "$1***@");
    }

    /** Why an authority that the URI parser could not split into host and port is wrong. */
    private static String badAuthority(String text, String authority) {
        int colon = authority.lastIndexOf(':');
        String host = colon >= 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        if (host.isEmpty()) {
            return "'" + text + "' has no host (expected host:port or http(s)://host:port)";
        }
        if (colon >= 0 && !authority.endsWith("]") && !authority.substring(colon + 1).matches("\\d{1,5}")) {
            return badPort(text, authority.substring(colon + 1));
        }
        return "'" + host + "' in server address '" + text + "' is not a valid host name or IP address";
    }

    private static String badPort(String text, String port) {
        return "the port '" + port + "' of server address '" + text + "' is not a number from 1 to 65535";
    }
}
