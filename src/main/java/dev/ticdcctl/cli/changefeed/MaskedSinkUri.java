package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.output.Secrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A sink URI as TiCDC shows it in every answer but {@code meta_info}: the user-info password and the
 * {@code sasl-password} query parameter replaced by {@code xxxxx}, the other parts as stored (tiflow and ticdc
 * pkg/util/uri.go MaskSinkURI). The server masks by parsing and re-serializing, so even a URI without secrets can come
 * back spelled otherwise ({@code blackhole://} as {@code blackhole:}, escapes re-encoded, the query sorted when
 * {@code sasl-password} is masked): two forms are compared decoded, the query sorted by key.
 */
final class MaskedSinkUri {
    private static final String SASL_PASSWORD = "sasl-password";

    private MaskedSinkUri() {}

    /**
     * Whether {@code given} and the server's {@code server} (null when the server left it out) name the same sink as
     * TiCDC reads them. {@code serverMasked}: {@code server} comes masked, so the secrets TiCDC masks are not compared;
     * otherwise (classic {@code meta_info}) they are, but spelling still is not: the sink parses the URI, so another
     * spelling of it changes nothing, and sending it would pause a running changefeed for nothing.
     */
    static boolean same(String given, String server, boolean serverMasked) {
        return server != null && of(given, serverMasked).equals(of(server, serverMasked));
    }

    /** Whether TiCDC masks something of {@code uri}: a user-info password or {@code sasl-password}. */
    static boolean hidesSecret(String uri) {
        return !of(uri, true).equals(of(uri, false));
    }

    /** The URI decoded, the query sorted by key (stable within a key, as Go's url.Values.Encode), masked or not. */
    private static String of(String uri, boolean masked) {
        int hash = uri.indexOf('#');
        String fragment = hash < 0 ? "" : uri.substring(hash);
        String rest = hash < 0 ? uri : uri.substring(0, hash);
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        rest = question < 0 ? rest : rest.substring(0, question);
        int colon = rest.indexOf(':');
        String scheme = colon < 0 ? "" : rest.substring(0, colon).toLowerCase(Locale.ROOT);
        rest = rest.substring(colon + 1);
        String authority = "";
        if (rest.startsWith("//")) {
            // Go's url.Parse: the authority ends at the first '/', the user info at its last '@'.
            int slash = rest.indexOf('/', 2);
            authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        int at = authority.lastIndexOf('@');
        if (masked && at >= 0 && authority.substring(0, at).contains(":")) {
            authority = authority.substring(0, authority.indexOf(':')) + ":" + Secrets.MASK + authority.substring(at);
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), true);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
                pairs.add(new String[] {key, masked && key.equals(SASL_PASSWORD) ? Secrets.MASK : value});
            }
        }
        pairs.sort(Comparator.comparing(p -> p[0]));
        StringBuilder out = new StringBuilder(scheme).append("://").append(decode(authority, false))
                .append(decode(rest, false)).append('?');
        pairs.forEach(p -> out.append(p[0]).append('=').append(p[1]).append('&'));
        return out.append(fragment).toString();
    }

    /** Percent-decoding that leaves a malformed escape as written; {@code plus}: '+' is a space (a query's). */
    private static String decode(String text, boolean plus) {
        if (text.indexOf('%') < 0 && (!plus || text.indexOf('+') < 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = i + 2 < text.length() && c == '%' ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (low >= 0) {
                escaped.write(high * 16 + low); // bytes of UTF-8, decoded together once the run ends
                i += 2;
                continue;
            }
            out.append(escaped.toString(StandardCharsets.UTF_8)).append(plus && c == '+' ? ' ' : c);
            escaped.reset();
        }
        return out.append(escaped.toString(StandardCharsets.UTF_8)).toString();
    }
}
