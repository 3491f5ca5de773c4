package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.contract.ExtractSwaggerDefinitions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/**
 * Checks a response body against a {@code definitions} entry of TiCDC's published Swagger 2.0 document, as kept in
 * the test resource {@value ExtractSwaggerDefinitions#RESOURCE} (field names and JSON types, extracted from the
 * swagger by {@link ExtractSwaggerDefinitions}, which says which file and version).
 *
 * <p>What is checked: JSON types (object, integer vs number vs string vs boolean vs array), object properties
 * recursively, array items, {@code additionalProperties} maps, and {@code $ref} into {@code definitions}. Properties
 * the definition does not know are allowed (the server adds fields over time), and properties the definition knows
 * may be absent (Go's {@code omitempty} in tiflow cdc/api/v2/model.go).
 *
 * <p>The swagger has known gaps where it disagrees with what the server emits; these are tolerated, see
 * {@link #TOLERATED}.
 */
final class SwaggerValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile SwaggerValidator published;

    /**
     * Documented gaps between the swagger and what the server emits, keyed {@code definition.property}; the value
     * is the JSON type the server really uses, accepted in addition to the documented one.
     */
    private static final Map<String, String> TOLERATED = Map.of(
            // tiflow cdc/api/v2/model.go ReplicaConfig tags sync_point_interval swaggertype:"string", but the field
            // is a *JSONDuration, whose MarshalJSON writes integer nanoseconds.
            "v2.ReplicaConfig.sync_point_interval", "integer",
            // The same tag and type (86400000000000 by default, tiflow pkg/config/replica_config.go).
            "v2.ReplicaConfig.sync_point_retention", "integer",
            // Untagged, so the swagger declares v2.JSONDuration as an object; emitted as integer ns as well
            // (changefeed_error_stuck_duration = 1800000000000 by default).
            "v2.ReplicaConfig.changefeed_error_stuck_duration", "integer");

    private final JsonNode definitions;
    private final String source;

    private SwaggerValidator(JsonNode definitions, String source) {
        this.definitions = definitions;
        this.source = source;
    }

    /** The validator for TiCDC's published definitions, read once from the test resource. */
    static SwaggerValidator published() {
        SwaggerValidator v = published;
        if (v == null) {
            synchronized (SwaggerValidator.class) {
                v = published;
                if (v == null) {
                    v = load(ExtractSwaggerDefinitions.RESOURCE);
                    published = v;
                }
            }
        }
        return v;
    }

    private static SwaggerValidator load(String resource) {
        try (InputStream in = SwaggerValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            JsonNode definitions = MAPPER.readTree(in).path("definitions");
            if (!definitions.isObject()) {
                throw new IllegalStateException(resource + " has no definitions");
            }
            return new SwaggerValidator(definitions, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests of the validator itself: definitions given inline. */
    static SwaggerValidator of(JsonNode definitions) {
        return new SwaggerValidator(definitions, null);
    }

    boolean has(String definition) {
        return definitions.has(definition);
    }

    /** A definition as written, a missing node when there is none. */
    JsonNode definition(String name) {
        return definitions.path(name);
    }

    /** Problems found, each as {@code $.path: what}; empty when the value conforms. */
    List<String> validate(JsonNode value, String definition) {
        if (!definitions.has(definition)) {
            throw new IllegalArgumentException("no definition " + definition + " in " + source);
        }
        List<String> problems = new ArrayList<>();
        check(value, ref(definition), "$", definition, problems);
        return problems;
    }

    void assertValid(JsonNode value, String definition) {
        List<String> problems = validate(value, definition);
        Assertions.assertTrue(problems.isEmpty(), () -> "response does not match swagger " + definition + ": "
                + problems + "\nbody: " + value);
    }

    /**
     * A list answer: the swagger documents list routes as bare arrays of the item definition, while the server
     * answers {@code {"total": n, "items": [...]}} (tiflow cdc/api/v2/model.go ListResponse); checks that envelope,
     * then every item against {@code itemDefinition}.
     */
    void assertValidList(JsonNode value, String itemDefinition) {
        Assertions.assertTrue(value.isObject(), () -> "a list answer is an object: " + value);
        Assertions.assertTrue(value.path("total").isIntegralNumber(), () -> "total must be an integer: " + value);
        Assertions.assertTrue(value.path("items").isArray(), () -> "items must be an array (never null): " + value);
        Assertions.assertEquals(value.path("total").asInt(), value.path("items").size(), "total counts the items");
        for (JsonNode item : value.path("items")) {
            assertValid(item, itemDefinition);
        }
    }

    private JsonNode ref(String definition) {
        return MAPPER.createObjectNode().put("$ref", "#/definitions/" + definition);
    }

    private void check(JsonNode value, JsonNode schema, String path, String owner, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            String name = ref.replaceFirst("^#/definitions/", "");
            JsonNode target = definitions.get(name);
            if (target == null) {
                problems.add(path + ": unresolvable $ref " + ref);
                return;
            }
            if (value.isNull()) {
                // A Go pointer or slice that is nil (e.g. ChangefeedCommonInfo.error, a *RunningError).
                return;
            }
            check(value, target, path, name, problems);
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "" -> {
                // No type: anything goes.
            }
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected object, got " + kind(value));
                    return;
                }
                JsonNode properties = schema.path("properties");
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    JsonNode propertySchema = properties.get(field.getKey());
                    String childPath = path + "." + field.getKey();
                    if (propertySchema != null) {
                        String tolerated = TOLERATED.get(owner + "." + field.getKey());
                        if (tolerated != null && matches(field.getValue(), tolerated)) {
                            continue;
                        }
                        check(field.getValue(), propertySchema, childPath, owner + "." + field.getKey(), problems);
                    } else if (schema.path("additionalProperties").isObject()) {
                        check(field.getValue(), schema.get("additionalProperties"), childPath, owner, problems);
                    }
                }
            }
            case "array" -> {
                if (value.isNull()) {
                    return; // a nil Go slice, e.g. ProcessorDetail.table_ids of a processor with no tables
                }
                if (!value.isArray()) {
                    problems.add(path + ": expected array, got " + kind(value));
                    return;
                }
                JsonNode items = schema.path("items");
                for (int i = 0; i < value.size(); i++) {
                    if (items.isObject()) {
                        check(value.get(i), items, path + "[" + i + "]", owner, problems);
                    }
                }
            }
            default -> {
                if (!matches(value, type)) {
                    problems.add(path + ": expected " + type + ", got " + kind(value) + " " + value);
                }
            }
        }
    }

    private static boolean matches(JsonNode value, String type) {
        return switch (type) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
    }

    private static String kind(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.getNodeType().name().toLowerCase();
    }
}
