package dev.ticdcctl.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of Go's {@code net/url} that TiCDC's sink URI handling depends on: {@code url.Parse} (with its error
 * texts), {@code URL.String()}, {@code Redacted()}, {@code Hostname()}, {@code Query()} and {@code Values.Encode()}.
 * A port and not {@link java.net.URI} because Go accepts and re-encodes differently (spaces in a query, {@code |} in a
 * path, {@code blackhole://} printed back as {@code blackhole:}), and masked URIs must come out byte for byte as
 * TiCDC's. Go parses UTF-8 bytes; this works on the UTF-8 bytes too wherever escaping is involved.
 */
final class GoUrl {
    /** A {@code url.Parse} failure; the message is Go's {@code *url.Error} text: {@code parse "<url>": <reason>}. */
    static final class ParseException extends Exception {
        private final String reason;

        ParseException(String url, String reason) {
            super("parse " + quote(url) + ": " + reason);
            this.reason = reason;
        }

        /** The error with the URL replaced, as TiCDC prints it after masking: {@code parse "<masked>": <reason>}. */
        String withUrl(String maskedUrl) {
            return "parse " + quote(maskedUrl) + ": " + reason;
        }
    }

    private enum Mode { PATH, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT, HOST, ZONE }

    final String scheme;
    final String opaque;
    final String username; // null when the URL has no user info
    final String password; // null when no password was given
    final String host;
    final String path;
    private final String rawPath;
    private final boolean omitHost;
    private final boolean forceQuery;
    final String rawQuery;
    private final String fragment;
    private final String rawFragment;

    private GoUrl(String scheme, String opaque, String username, String password, String host, String path,
            String rawPath, boolean omitHost, boolean forceQuery, String rawQuery, String fragment,
            String rawFragment) {
        this.scheme = scheme;
        this.opaque = opaque;
        this.username = username;
        this.password = password;
        this.host = host;
        this.path = path;
        this.rawPath = rawPath;
        this.omitHost = omitHost;
        this.forceQuery = forceQuery;
        this.rawQuery = rawQuery;
        this.fragment = fragment;
        this.rawFragment = rawFragment;
    }

    static GoUrl parse(String rawUrl) throws ParseException {
        int hash = rawUrl.indexOf('#');
        String withoutFragment = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
        GoUrl url;
        try {
            url = parseWithoutFragment(withoutFragment);
        } catch (IllegalArgumentException e) {
            throw new ParseException(withoutFragment, e.getMessage());
        }
        if (hash < 0 || hash == rawUrl.length() - 1) {
            return url;
        }
        String rawFragment = rawUrl.substring(hash + 1);
        String fragment;
        try {
            fragment = unescape(rawFragment, Mode.FRAGMENT);
        } catch (IllegalArgumentException e) {
            throw new ParseException(rawUrl, e.getMessage());
        }
        String keptRaw = escape(fragment, Mode.FRAGMENT).equals(rawFragment) ? "" : rawFragment;
        return new GoUrl(url.scheme, url.opaque, url.username, url.password, url.host, url.path, url.rawPath,
                url.omitHost, url.forceQuery, url.rawQuery, fragment, keptRaw);
    }

    private static GoUrl parseWithoutFragment(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        if (raw.equals("*")) {
            return new GoUrl("", "", null, null, "", "*", "", false, false, "", "", "");
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        boolean forceQuery = false;
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                // A rootless path after a scheme is opaque (RFC 3986), e.g. "localhost:9092".
                return new GoUrl(scheme, rest, null, null, "", "", "", false, forceQuery, rawQuery, "", "");
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        String username = null;
        String password = null;
        String host = "";
        boolean omitHost = false;
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash < 0 ? "" : authority.substring(slash);
            authority = slash < 0 ? authority : authority.substring(0, slash);
            int at = authority.lastIndexOf('@');
            host = parseHost(at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                String userinfo = authority.substring(0, at);
                if (!validUserinfo(userinfo)) {
                    throw new IllegalArgumentException("net/url: invalid userinfo");
                }
                int colon = userinfo.indexOf(':');
                username = unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Mode.USER_PASSWORD);
                password = colon < 0 ? null : unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
            }
        } else if (!scheme.isEmpty() && rest.startsWith("/")) {
            omitHost = true;
        }
        String path = unescape(rest, Mode.PATH);
        String rawPath = escape(path, Mode.PATH).equals(rest) ? "" : rest;
        return new GoUrl(scheme, "", username, password, host, path, rawPath, omitHost, forceQuery, rawQuery, "", "");
    }

    private static String parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new IllegalArgumentException("invalid port " + quote(colonPort) + " after host");
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return unescape(host.substring(0, zone), Mode.HOST) + unescape(host.substring(zone, close), Mode.ZONE)
                        + unescape(host.substring(close), Mode.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new IllegalArgumentException("invalid port " + quote(host.substring(colon)) + " after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        return port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code Hostname()}: the host without port and without IPv6 brackets. */
    String hostname() {
        return hostnameOf(host);
    }

    /** Go's splitHostPort host part: {@code [::1]:80} gives {@code ::1}. */
    static String hostnameOf(String hostPort) {
        String h = withoutPort(hostPort);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The host with a trailing {@code :digits} port removed, brackets kept. */
    static String withoutPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon >= 0 && validOptionalPort(hostPort.substring(colon)) ? hostPort.substring(0, colon) : hostPort;
    }

    /** Go's {@code Query()}: pairs that do not decode (bad escapes, {@code ;}) are silently dropped. */
    Map<String, List<String>> query() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq), Mode.QUERY_COMPONENT);
                String value = eq < 0 ? "" : unescape(pair.substring(eq + 1), Mode.QUERY_COMPONENT);
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // Go's Query() ignores the error and skips the pair.
            }
        }
        return values;
    }

    /** Go's {@code Values.Get}: the first value, or "". */
    String queryValue(String key) {
        List<String> values = query().get(key);
        return values == null ? "" : values.get(0);
    }

    /** Go's {@code Values.Encode()}: keys sorted bytewise, keys and values query-escaped. */
    static String encodeQuery(Map<String, List<String>> values) {
        StringBuilder out = new StringBuilder();
        values.keySet().stream().sorted(GoUrl::compareUtf8).forEach(key -> {
            for (String value : values.get(key)) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(escape(key, Mode.QUERY_COMPONENT)).append('=').append(escape(value, Mode.QUERY_COMPONENT));
            }
        });
        return out.toString();
    }

    GoUrl withRawQuery(String newRawQuery) {
        return new GoUrl(scheme, opaque, username, password, host, path, rawPath, omitHost, forceQuery, newRawQuery,
                fragment, rawFragment);
    }

    /** Go's {@code Redacted()}: a password, if any, printed as {@code xxxxx}. */
    String redacted() {
        if (password == null) {
            return toString();
        }
        return new GoUrl(scheme, opaque, username, "xxxxx", host, path, rawPath, omitHost, forceQuery, rawQuery,
                fragment, rawFragment).toString();
    }

    /** Go's {@code URL.String()}, including its quirk that an empty authority is dropped: {@code blackhole:}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (!scheme.isEmpty()) {
            out.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            out.append(opaque);
        } else {
            if ((!scheme.isEmpty() || !host.isEmpty() || username != null)
                    && !(omitHost && host.isEmpty() && username == null)) {
                if (!host.isEmpty() || !path.isEmpty() || username != null) {
                    out.append("//");
                }
                if (username != null) {
                    out.append(escape(username, Mode.USER_PASSWORD));
                    if (password != null) {
                        out.append(':').append(escape(password, Mode.USER_PASSWORD));
                    }
                    out.append('@');
                }
                out.append(escape(host, Mode.HOST));
            }
            String escapedPath = escapedPath();
            if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
                out.append('/');
            }
            if (out.length() == 0) {
                int slash = escapedPath.indexOf('/');
                if ((slash < 0 ? escapedPath : escapedPath.substring(0, slash)).contains(":")) {
                    out.append("./");
                }
            }
            out.append(escapedPath);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            out.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            out.append('#').append(escapedFragment());
        }
        return out.toString();
    }

    private String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH) && unescapesTo(rawPath, Mode.PATH, path)) {
            return rawPath;
        }
        return path.equals("*") ? "*" : escape(path, Mode.PATH);
    }

    private String escapedFragment() {
        if (!rawFragment.isEmpty() && validEncoded(rawFragment, Mode.FRAGMENT)
                && unescapesTo(rawFragment, Mode.FRAGMENT, fragment)) {
            return rawFragment;
        }
        return escape(fragment, Mode.FRAGMENT);
    }

    private static boolean unescapesTo(String raw, Mode mode, String expected) {
        try {
            return unescape(raw, mode).equals(expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean validEncoded(String s, Mode mode) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
                continue;
            }
            if (shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean shouldEscape(int c, Mode mode) {
        if (isAlnum(c)) {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH:
                    return c == '?';
                case USER_PASSWORD:
                    return c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY_COMPONENT:
                    return true;
                case FRAGMENT:
                    return false;
                default:
                    break;
            }
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    private static String escape(String s, Mode mode) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                out.append('+');
            } else if (shouldEscape(c, mode)) {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Go's {@code unescape}; the exception message is Go's error text. */
    private static String unescape(String s, Mode mode) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])) {
                    byte[] bad = Arrays.copyOfRange(bytes, i, Math.min(i + 3, bytes.length));
                    throw new IllegalArgumentException(
                            "invalid URL escape " + quote(new String(bad, StandardCharsets.UTF_8)));
                }
                int value = unhex(bytes[i + 1]) << 4 | unhex(bytes[i + 2]);
                String escaped = new String(bytes, i, 3, StandardCharsets.UTF_8);
                // In a host, %-encoding may only stand for non-ASCII bytes, except %25 before an IPv6 zone.
                if (mode == Mode.HOST && unhex(bytes[i + 1]) < 8 && !escaped.equals("%25")) {
                    throw new IllegalArgumentException("invalid URL escape " + quote(escaped));
                }
                if (mode == Mode.ZONE && !escaped.equals("%25") && value != ' ' && shouldEscape(value, Mode.HOST)) {
                    throw new IllegalArgumentException("invalid URL escape " + quote(escaped));
                }
                out.write(value);
                i += 2;
            } else if (c == '+' && mode == Mode.QUERY_COMPONENT) {
                out.write(' ');
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new IllegalArgumentException("invalid character " + quote(String.valueOf((char) c))
                            + " in host name");
                }
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static int unhex(byte b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Go's {@code strconv.Quote} for the strings these errors carry (control characters are rejected earlier). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
