package dev.ticdcctl.cli.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.client.Json;
import dev.ticdcctl.config.ParseErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request of {@code ticdcctl api}, checked before anything is sent: method, path from the server's root (with its
 * query), the caller's headers and the body (null for none).
 */
record RawRequest(String method, String path, List<HttpTransport.Header> headers, byte[] body) {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String V2 = "/api/v2/";
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final String NOT_JSON_HINT = "the body is sent as application/json; to send something else, name"
            + " its type with -H 'Content-Type: ...'";

    /**
     * {@code method} null means GET, or POST when there is a body (as {@code gh api}); {@code source} names the body
     * in messages ("-" is stdin).
     */
    static RawRequest of(String method, String path, List<String> headerLines, byte[] body, String source) {
        String verb = method(method, body != null);
        String resolved = path(path);
        List<HttpTransport.Header> headers = headers(headerLines);
        if (body != null && isJson(contentType(headers))) {
            checkJson(body, source.equals("-") ? "<stdin>" : source);
        }
        return new RawRequest(verb, resolved, headers, body);
    }

    private static String method(String given, boolean hasBody) {
        if (given == null) {
            return hasBody ? "POST" : "GET";
        }
        String upper = given.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new CliException.InvalidInput("unsupported method '" + given + "': use one of "
                    + String.join(", ", METHODS), null);
        }
        return upper;
    }

    /** "/api/..." (or "api/...") as given; anything else relative to /api/v2/. The query string stays. */
    static String path(String given) {
        if (given.isBlank()) {
            throw new CliException.InvalidInput("the path is empty",
                    "name a route, such as 'changefeeds' or '/api/v2/status'");
        }
        if (URL.matcher(given).matches()) {
            throw new CliException.InvalidInput("'" + given + "' is a URL; give only its path: the server comes from"
                    + " --server, TICDCCTL_SERVER or the context", hintForUrl(given));
        }
        String relative = given.replaceFirst("^/+", "");
        String resolved = relative.equals("api") || relative.startsWith("api/") ? "/" + relative : V2 + relative;
        URI uri;
        try {
            uri = new URI(resolved);
        } catch (URISyntaxException e) {
            String at = e.getIndex() >= 0 && e.getIndex() < resolved.length()
                    ? ": '" + resolved.charAt(e.getIndex()) + "'" : "";
            throw new CliException.InvalidInput("invalid path '" + given + "': " + e.getReason() + at,
                    "percent-encode such characters, e.g. a space as %20");
        }
        if (uri.getRawFragment() != null) {
            throw new CliException.InvalidInput("invalid path '" + given + "': a #fragment never reaches the server",
                    "percent-encode '#' as %23 if it belongs to the path or query");
        }
        return resolved;
    }

    private static String hintForUrl(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/api/v2/status" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return "ticdcctl --server " + uri.getScheme() + "://" + uri.getRawAuthority() + " api '" + path + query + "'";
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Parses each "Name: value"; a line is never quoted in messages, since its value may be a credential. */
    private static List<HttpTransport.Header> headers(List<String> lines) {
        List<HttpTransport.Header> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            String which = lines.size() == 1 ? "-H" : "-H #" + (i + 1);
            if (colon <= 0) {
                throw new CliException.InvalidInput("invalid header (" + which + "): expected 'Name: value'",
                        "for example -H 'Content-Type: text/plain'");
            }
            try {
                headers.add(new HttpTransport.Header(line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new CliException.InvalidInput("invalid header (" + which + "): " + e.getMessage(), null);
            }
        }
        return List.copyOf(headers);
    }

    /** The Content-Type the body goes with: the caller's last one, else JSON; "" when the caller removed it. */
    private static String contentType(List<HttpTransport.Header> headers) {
        String type = "application/json";
        for (HttpTransport.Header header : headers) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                type = header.value();
            }
        }
        return type;
    }

    /** application/json, with parameters or not, and the structured types ending in +json. */
    static boolean isJson(String contentType) {
        String media = contentType.replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** One JSON document and nothing after it; otherwise {@code source:line:column: what is wrong}. */
    private static void checkJson(byte[] body, String source) {
        try (JsonParser parser = Json.factory().createParser(new String(body, StandardCharsets.UTF_8))) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new CliException.InvalidInput(source + " is empty, and the body must be a JSON document",
                        NOT_JSON_HINT);
            }
            int depth = 0;
            do {
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.VALUE_STRING) {
                    parser.getText(); // strings are decoded lazily: this finds bad escapes
                }
            } while (depth > 0 && (token = parser.nextToken()) != null);
            if (parser.nextToken() != null) {
                throw new CliException.InvalidInput(source + position(parser.currentTokenLocation())
                        + ": unexpected content after the JSON document", NOT_JSON_HINT);
            }
        } catch (JsonProcessingException e) {
            throw new CliException.InvalidInput(source + ParseErrors.position(e) + ": invalid JSON: "
                    + ParseErrors.problem(e), NOT_JSON_HINT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from reading a string
        }
    }

    private static String position(JsonLocation where) {
        return where == null || where.getLineNr() < 0 ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
    }
}
