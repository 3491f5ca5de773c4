package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An answer: JSON (compact, or indented as gin's IndentedJSON writes it) or text, {@code text/plain} unless
 * {@code textType} says otherwise.
 */
record Reply(int status, JsonNode json, boolean indented, String text, String textType) {
    static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, false, null, null);
    }

    static Reply indented(int status, JsonNode body) {
        return new Reply(status, body, true, null, null);
    }

    static Reply ok() {
        return json(200, EMPTY);
    }

    static Reply text(int status, String text) {
        return text(status, text, "text/plain");
    }

    static Reply text(int status, String text, String contentType) {
        return new Reply(status, null, false, text, contentType);
    }

    /** TiCDC's error envelope, always indented. */
    static Reply error(ApiError e) {
        if (e.raw()) {
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
