package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks a response body against a {@code definitions} entry of the Swagger 2.0 copy kept next to the API reference
 * ({@code ../shared/reference/ticdc-openapi-v2.swagger.json} from the project root).
 *
 * <p>What is checked: JSON types (object, integer vs number vs string vs boolean vs array), object properties
 * recursively, array items, {@code additionalProperties} maps, and {@code $ref} into {@code definitions}. Properties
 * the definition does not know are allowed (the server adds fields over time), and properties the definition knows
 * may be absent (Go's {@code omitempty}, reference §1.3).
 *
 * <p>The swagger copy has known gaps (reference §0 "Swagger caveats" and §1.3); these are tolerated, see
 * {@link #TOLERATED}. When the file is missing, {@link #require()} aborts the calling test through
 * {@link Assumptions} with a message saying so, so that the schema assertions show up as skipped rather than
 * silently passing.
 */
final class SwaggerValidator {
    static final String FILE = "ticdc-openapi-v2.swagger.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile Optional<SwaggerValidator> loaded;

    /**
     * Documented gaps between the swagger copy and what the server emits, keyed {@code definition.property}; the value
     * is the JSON type the server really uses, accepted in addition to the documented one.
     */
    private static final Map<String, String> TOLERATED = Map.of(
            // Reference §0 "Swagger caveats": "It documents sync_point_interval as string (server *emits* integer ns)";
            // §1.3: durations in replica_config are output as JSON integer nanoseconds.
            "v2.ReplicaConfig.sync_point_interval", "integer",
            // Same Go type (JSONDuration) and same rule, reference §1.3 / §5.2 (86400000000000 by default).
            "v2.ReplicaConfig.sync_point_retention", "integer",
            // Swagger declares v2.JSONDuration as an object; reference §1.3 / §5.2: emitted as integer ns
            // (changefeed_error_stuck_duration = 1800000000000).
            "v2.ReplicaConfig.changefeed_error_stuck_duration", "integer");

    private final JsonNode definitions;
    private final Path source;

    private SwaggerValidator(JsonNode definitions, Path source) {
        this.definitions = definitions;
        this.source = source;
    }

    /** Where the swagger copy is looked for: the working directory, then its parent, taken as the project root. */
    static List<Path> candidates() {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        paths.add(cwd.resolve("../shared/reference").resolve(FILE).normalize());
        if (cwd.getParent() != null) {
            paths.add(cwd.getParent().resolve("../shared/reference").resolve(FILE).normalize());
        }
        return paths;
    }

    /** The validator, or empty when no swagger copy is found. */
    static Optional<SwaggerValidator> find() {
        Optional<SwaggerValidator> v = loaded;
        if (v == null) {
            synchronized (SwaggerValidator.class) {
                v = loaded;
                if (v == null) {
                    v = candidates().stream().filter(Files::isRegularFile).findFirst().map(SwaggerValidator::load);
                    loaded = v;
                }
            }
        }
        return v;
    }

    /** The validator; aborts the current test (reported as skipped, with the paths tried) when the file is missing. */
    static SwaggerValidator require() {
        Optional<SwaggerValidator> v = find();
        Assumptions.assumeTrue(v.isPresent(), () -> "swagger schema assertions skipped: " + FILE + " not found at "
                + candidates());
        return v.get();
    }

    static SwaggerValidator load(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            JsonNode definitions = root.path("definitions");
            if (!definitions.isObject()) {
                throw new IllegalStateException(file + " has no definitions");
            }
            return new SwaggerValidator(definitions, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests of the validator itself: definitions given inline. */
    static SwaggerValidator of(JsonNode definitions) {
        return new SwaggerValidator(definitions, null);
    }

    Path source() {
        return source;
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
     * A list answer: the swagger copy documents list routes as bare arrays of the item definition, while the server
     * answers {@code {"total": n, "items": [...]}} (reference §2, "List&lt;T&gt;"); checks that envelope, then every
     * item against {@code itemDefinition}.
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
                // A Go pointer or slice that is nil (e.g. ChangefeedCommonInfo.error, reference §5.4).
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
                    return; // a nil Go slice, e.g. ProcessorDetail.table_ids (reference §3.16)
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
