package dev.ticdcctl.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.model.ReplicaConfigSchema.Field;
import dev.ticdcctl.model.ReplicaConfigSchema.Table;
import dev.ticdcctl.model.ReplicaConfigSchema;
import dev.ticdcctl.util.GoDurations;
import java.math.BigInteger;
import java.util.Map;

/**
 * Checks a {@code replica_config} in the API's JSON names (from a JSON or YAML spec) against the Go types of the
 * schema, as TiCDC's decoder would (tiflow cdc/api/v2/model.go ReplicaConfig), so that a value of the wrong type is a
 * local usage error rather than a 400 from the server. Keys this version does not know pass: a newer server may read
 * them. Messages name the key and never the value, which may be a secret.
 */
final class ReplicaConfigTypes {
    private ReplicaConfigTypes() {}

    /** Throws a {@link ConfigException} for the first value of the wrong type; {@code path} is where config sits. */
    static void check(JsonNode config, String path, String file) {
        table(config, ReplicaConfigSchema.ANY_SERVER, path, file);
    }

    private static void table(JsonNode object, Table schema, String path, String file) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            Field field = schema.byJson(entry.getKey());
            if (field != null) {
                value(entry.getValue(), field, path + "." + entry.getKey(), file);
            }
        }
    }

    private static void value(JsonNode v, Field field, String path, String file) {
        if (v.isNull()) {
            return; // Go's decoder leaves the field as it was
        }
        switch (field.kind()) {
            case BOOL -> require(v.isBoolean(), "true or false", path, file);
            case STRING -> require(v.isTextual(), "a string", path, file);
            case INTEGER -> integer(v, field, path, file);
            case FLOAT -> require(v.isNumber(), "a number", path, file);
            case DURATION -> {
                if (v.isTextual()) {
                    duration(v.textValue(), path, file);
                } else {
                    integer(v, field, path, file);
                }
            }
            case STRINGS -> {
                require(v.isArray(), "an array of strings", path, file);
                for (int i = 0; i < v.size(); i++) {
                    require(v.get(i).isTextual() || v.get(i).isNull(), "a string", path + "[" + i + "]", file);
                }
            }
            case INTEGERS -> {
                require(v.isArray(), "an array of integers", path, file);
                for (int i = 0; i < v.size(); i++) {
                    if (!v.get(i).isNull()) {
                        integer(v.get(i), field, path + "[" + i + "]", file);
                    }
                }
            }
            case TABLE -> {
                require(v.isObject(), "an object", path, file);
                table(v, field.table(), path, file);
            }
            case TABLES -> {
                require(v.isArray(), "an array of objects", path, file);
                for (int i = 0; i < v.size(); i++) {
                    JsonNode element = v.get(i);
                    if (!element.isNull()) {
                        require(element.isObject(), "an object", path + "[" + i + "]", file);
                        table(element, field.table(), path + "[" + i + "]", file);
                    }
                }
            }
        }
    }

    private static void integer(JsonNode v, Field field, String path, String file) {
        require(v.isIntegralNumber(), "an integer", path, file);
        BigInteger value = v.bigIntegerValue();
        if (value.compareTo(field.min()) < 0 || value.compareTo(field.max()) > 0) {
            throw new ConfigException(file + ": '" + path + "' is out of range (" + field.min() + " to "
                    + field.max() + ")");
        }
    }

    private static void duration(String text, String path, String file) {
        try {
            GoDurations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": '" + path + "' must be an integer of nanoseconds or a duration such"
                    + " as \"10m\"");
        }
    }

    private static void require(boolean fits, String expected, String path, String file) {
        if (!fits) {
            throw new ConfigException(file + ": '" + path + "' must be " + expected);
        }
    }
}
