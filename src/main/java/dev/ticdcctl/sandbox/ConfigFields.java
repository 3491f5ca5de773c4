package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a decoded replica-config tree as the sink rules read the Go struct behind it: a field that is missing, null
 * or of another type is the zero value the caller names. Request bodies are read with {@link Fields} instead.
 */
final class ConfigFields {
    private ConfigFields() {}

    /** A section, or null when absent (a nil pointer in Go). */
    static ObjectNode object(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v instanceof ObjectNode object ? object : null;
    }

    static String text(JsonNode parent, String field, String absent) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isTextual() ? v.textValue() : absent;
    }

    static boolean isTrue(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    static long integer(JsonNode parent, String field, long absent) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isNumber() ? v.longValue() : absent;
    }
}
