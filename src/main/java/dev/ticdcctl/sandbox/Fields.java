package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Reads request fields as Go's encoding/json binds them: keys match case-insensitively, types are strict. */
final class Fields {
    private Fields() {}

    /** The value of {@code name} (any letter case), or null. */
    static JsonNode get(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A string field; absent or null is "". */
    static String string(JsonNode object, String name, String struct) {
        JsonNode v = get(object, name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw mismatch(v, struct, name, "string");
        }
        return v.textValue();
    }

    /**
     * A uint64 field, its bits in a long (compare with {@link Long#compareUnsigned}); absent or null is 0; a string,
     * a fraction, a negative number or one of 2^64 or more cannot bind.
     */
    static long uint64(JsonNode object, String name, String struct) {
        JsonNode v = get(object, name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().bitLength() > 64) {
            throw mismatch(v, struct, name, "uint64");
        }
        return v.bigIntegerValue().longValue();
    }

    private static ApiError mismatch(JsonNode v, String struct, String field, String type) {
        String kind = v.isTextual() ? "string" : v.isNumber() ? "number " + v.asText() : v.isBoolean() ? "bool"
                : v.isArray() ? "array" : "object";
        return ApiError.invalidParam("invalid api parameter: json: cannot unmarshal " + kind + " into Go struct field "
                + struct + "." + field + " of type " + type);
    }
}
