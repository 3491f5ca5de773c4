package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets wherever they are printed: by the name of a field ({@code sasl-password}, {@code secret-access-key},
 * ...) and by value, in any text: the password of every URI's user-info ({@code user:password@}, split at the last
 * {@code @} as Go's {@code url.Parse} does), secret-named query parameters ({@code ?sasl-password=...}) and
 * secret-named fields of JSON quoted in a string (an etcd value of {@code unsafe metadata}, a server message).
 */
public final class Secrets {
    public static final String MASK = "xxxxx";

    /**
     * Words that make a field or query parameter secret: the parameters of TiCDC's sinks and storages that hold
     * credentials (tiflow pkg/sink/kafka/options.go sasl-password, sasl-oauth-client-secret, sasl-gssapi-password;
     * pkg/sink/pulsar/config.go authentication-token, basic-password, oauth2-private-key; br pkg/storage s3.go
     * access-key, secret-access-key, session-token, azblob.go account-key, sas-token), and the like.
     */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token", "credential",
            "signature", "access-key", "access_key", "accesskey", "account-key", "account_key", "private-key",
            "private_key", "api-key", "api_key", "apikey");
    /** Whole names that are secret but too short to look for inside others: Azure's SAS signature, MySQL's pwd. */
    private static final List<String> SECRET_NAMES = List.of("sig", "pwd", "pass");
    /** {@code "name": "value"} inside a string holding JSON; the value may hold escaped quotes. */
    private static final Pattern JSON_FIELD =
            Pattern.compile("\"([^\"\\\\]{1,100})\"(\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)\"");

    private Secrets() {}

    /** Masks in place, at any depth, in snake_case (API) and kebab-case (stored) spellings. */
    public static void maskTree(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    maskTree(value);
                } else if (value.isTextual()) {
                    String shown = shown(field.getKey(), value.textValue());
                    if (!shown.equals(value.textValue())) {
                        field.setValue(object.textNode(shown));
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isContainerNode()) {
                    maskTree(element);
                } else if (element.isTextual()) {
                    String shown = maskText(element.textValue());
                    if (!shown.equals(element.textValue())) {
                        array.set(i, array.textNode(shown));
                    }
                }
            }
        }
    }

    /** What may be printed of a string field: a secret-named field's value replaced, any other masked by value. */
    public static String shown(String field, String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (field != null && isSecretName(field)) {
            return MASK;
        }
        return maskText(value);
    }

    /** True when {@link #maskText} would hide something of {@code text}. */
    public static boolean hasSecret(String text) {
        return text != null && !maskText(text).equals(text);
    }

    /** True when {@code text} holds a mask where a secret was, as an export without --show-secrets writes. */
    public static boolean holdsMask(String text) {
        return text.equals(MASK) || text.contains(":" + MASK + "@") || text.contains("=" + MASK);
    }

    /**
     * Any text with its secrets masked: URIs' passwords, secret query parameters, secret fields of quoted JSON.
     * Text without {@code @}, {@code =} or {@code "} is returned at once: most strings of a large answer.
     */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        boolean at = false;
        boolean equals = false;
        boolean quote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            at |= c == '@';
            equals |= c == '=';
            quote |= c == '"';
        }
        String masked = quote ? maskJsonFields(text) : text;
        return at || equals ? maskTokens(masked) : masked;
    }

    /** Whether a field, query parameter or header name says it holds a secret (paths and files of keys do not). */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("path") || lower.endsWith("file")) {
            return false;
        }
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return SECRET_NAMES.contains(lower);
    }

    /**
     * Whether an HTTP header carries credentials: {@code Authorization}, {@code Proxy-Authorization}, cookies, and
     * any {@code *-Token}, {@code *-Key} or otherwise secret-named header.
     */
    public static boolean isCredentialHeader(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.equals("authorization") || lower.equals("proxy-authorization") || lower.equals("cookie")
                || lower.equals("set-cookie") || lower.endsWith("-key") || isSecretName(lower);
    }

    private static String maskJsonFields(String text) {
        Matcher m = JSON_FIELD.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            if (!m.group(3).isEmpty() && !m.group(3).equals(MASK) && isSecretName(m.group(1))) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, m.start(3)).append(MASK);
                copied = m.end(3);
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Masks each token, a run of characters that may appear in a URI (so quotes, spaces and backslashes end one). */
    private static String maskTokens(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && endsToken(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean candidate = false;
            for (char c; i < n && !endsToken(c = text.charAt(i)); i++) {
                candidate |= c == '@' || c == '=';
            }
            if (candidate) {
                String token = text.substring(start, i);
                String masked = maskQuery(maskUserInfo(token));
                if (!masked.equals(token)) {
                    out = out == null ? new StringBuilder(n) : out;
                    out.append(text, copied, start).append(masked);
                    copied = i;
                }
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static boolean endsToken(char c) {
        return Character.isWhitespace(c) || "\"'`<>\\{}|^".indexOf(c) >= 0;
    }

    /**
     * The password of {@code scheme://user:password@host}, {@code //user:password@host}, or a scheme-less
     * {@code user:password@host} (a Go MySQL DSN such as {@code root:pw@tcp(db:3306)/}). The user-info ends at the
     * last {@code @} before the path, as in Go; a {@code ?} before it belongs to the password unless a query
     * ({@code ?name=value}) follows it, and a {@code /} in a password that Go cannot parse is masked too.
     */
    private static String maskUserInfo(String token) {
        int at = token.indexOf('@');
        if (at < 0) {
            return token;
        }
        int scheme = token.indexOf("://");
        int authority = scheme >= 0 && scheme < at ? scheme + 3 : token.startsWith("//") ? 2 : 0;
        int slash = token.indexOf('/', authority);
        int end = slash < 0 ? token.length() : slash;
        int last = token.lastIndexOf('@', end - 1);
        int colon = token.indexOf(':', authority);
        if (last < authority && colon > authority && colon < end && token.charAt(authority) != '['
                && !isPort(token, colon + 1, end)) {
            // "root:pa/ss@host": the password runs past the first '/', up to the query
            int query = firstOf(token, "?#", end);
            last = token.lastIndexOf('@', (query < 0 ? token.length() : query) - 1);
        }
        if (last < authority || colon < 0 || colon >= last) {
            return token;
        }
        int query = firstOf(token, "?#", authority);
        int equals = query < 0 ? -1 : token.indexOf('=', query);
        if (query >= 0 && query < last && equals >= 0 && equals < last) {
            return token; // the '@' is in the query, as in "kafka://h:9092?sasl-user=u@corp"
        }
        String password = token.substring(colon + 1, last);
        return password.isEmpty() || password.equals(MASK) ? token
                : token.substring(0, colon + 1) + MASK + token.substring(last);
    }

    private static boolean isPort(String token, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return from < to;
    }

    private static int firstOf(String token, String chars, int from) {
        for (int i = from; i < token.length(); i++) {
            if (chars.indexOf(token.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The values of secret-named parameters: {@code ?name=value} and {@code &name=value} in a URI's query (the name
     * percent-decoded), and {@code name=value} at the start of a token ({@code --sasl-password=...}).
     */
    private static String maskQuery(String token) {
        StringBuilder out = null;
        int copied = 0;
        for (int eq = token.indexOf('='); eq >= 0; eq = token.indexOf('=', eq + 1)) {
            int start = eq;
            while (start > 0 && isNameChar(token.charAt(start - 1))) {
                start--;
            }
            if (start == eq || (start > 0 && "?&;".indexOf(token.charAt(start - 1)) < 0)
                    || !isSecretName(decoded(token.substring(start, eq)).replaceFirst("^-+", ""))) {
                continue;
            }
            int end = firstOf(token, "&#;", eq + 1);
            end = end < 0 ? token.length() : end;
            String value = token.substring(eq + 1, end);
            if (!value.isEmpty() && !value.equals(MASK) && eq + 1 >= copied) {
                out = out == null ? new StringBuilder(token.length()) : out;
                out.append(token, copied, eq + 1).append(MASK);
                copied = end;
            }
        }
        return out == null ? token : out.append(token, copied, token.length()).toString();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '%';
    }

    private static String decoded(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
