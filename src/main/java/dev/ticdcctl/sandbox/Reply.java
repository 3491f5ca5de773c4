package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An answer: JSON (compact, or indented as gin's IndentedJSON writes it), or text of {@code textType} (none for an
 * empty body); {@code location} is a redirect's target, or null.
 */
record Reply(int status, JsonNode json, boolean indented, String text, String textType, String location) {
    static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final String PLAIN = "text/plain";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, false, null, null, null);
    }

    static Reply indented(int status, JsonNode body) {
        return new Reply(status, body, true, null, null, null);
    }

    static Reply ok() {
        return json(200, EMPTY);
    }

    static Reply text(int status, String text) {
        return text(status, text, PLAIN);
    }

    static Reply text(int status, String text, String contentType) {
        return new Reply(status, null, false, text, text.isEmpty() ? null : contentType, null);
    }

    /**
     * gin's redirect of a path with a trailing slash to the route without it (gin.go redirectTrailingSlash, through
     * net/http's Redirect): 301 with a short HTML link for GET, 307 without a body for any other method.
     */
    static Reply redirect(String method, String location) {
        if (!method.equals("GET")) {
            return new Reply(307, null, false, "", null, location);
        }
        String link = location.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&#39;");
        return new Reply(301, null, false, "<a href=\"" + link + "\">Moved Permanently</a>.\n\n",
                "text/html; charset=utf-8", location);
    }

    /** TiCDC's error envelope, always indented. */
    static Reply error(ApiError e) {
        if (e.body() == ApiError.Body.NONE) {
            return text(e.status(), "");
        }
        if (e.body() == ApiError.Body.RAW) {
            return indented(e.status(), JsonNodeFactory.instance.objectNode().put("class", 0).put("code", 0)
                    .put("message", e.getMessage()).put("rfccode", e.code()));
        }
        return indented(e.status(), JsonNodeFactory.instance.objectNode()
                .put("error_msg", e.errorMessage())
                .put("error_code", e.code()));
    }

    static Reply notFound() {
        return text(404, "404 page not found");
    }
}
