package dev.ticdcctl.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TiCDC's two ways of hiding secrets in a sink URI. Both re-serialize the URI through Go's {@code URL.String()}, so
 * even a URI without secrets can come back changed ({@code blackhole://} becomes {@code blackhole:}).
 */
public final class SinkUriMask {
    static final String MASK = "xxxxx";
    /** Substrings that make a query parameter secret in error messages (TiCDC's sensitiveQueryParameterNames). */
    private static final List<String> SECRET_KEY_PARTS = List.of(
            "password", "passwd", "pwd", "access", "token", "secret", "key", "signature", "credential", "private",
            "client");

    private SinkUriMask() {}

    /**
     * {@code util.MaskSinkURI}, used for {@code sink_uri} in changefeed responses: the user-info password and the
     * {@code sasl-password} query parameter become {@code xxxxx}. Only when {@code sasl-password} is present is the
     * query string rebuilt (sorted by key, re-escaped, undecodable pairs dropped); otherwise it is kept verbatim.
     * An unparsable URI yields "" (TiCDC then leaves {@code sink_uri} out of the response).
     */
    public static String mask(String uri) {
        GoUrl url;
        try {
            url = GoUrl.parse(uri);
        } catch (GoUrl.ParseException e) {
            return "";
        }
        Map<String, List<String>> query = url.query();
        if (query.containsKey("sasl-password")) {
            query.put("sasl-password", List.of(MASK));
            url = url.withRawQuery(GoUrl.encodeQuery(query));
        }
        return url.redacted();
    }

    /**
     * {@code util.MaskSensitiveDataInURIForError}, used inside error messages: every query parameter whose name
     * contains a secret-like word is masked, the query string is always rebuilt, and an unparsable URI is shown as
     * {@code <invalid uri>}.
     */
    public static String maskForError(String uri) {
        String masked;
        try {
            GoUrl url = GoUrl.parse(uri);
            Map<String, List<String>> query = url.query();
            query.replaceAll((key, values) -> isSecretKey(key) ? List.of(MASK) : values);
            masked = url.withRawQuery(GoUrl.encodeQuery(query)).redacted();
        } catch (GoUrl.ParseException e) {
            masked = "";
        }
        // TiCDC tests the result, not the parse: anything printing as "" stands for an invalid URI.
        return masked.isEmpty() && !uri.isEmpty() ? "<invalid uri>" : masked;
    }

    private static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY_PARTS.stream().anyMatch(lower::contains);
    }
}
