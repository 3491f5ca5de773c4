package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.model.ReplicaConfigSchema.Field;
import dev.ticdcctl.model.ReplicaConfigSchema.Table;
import dev.ticdcctl.model.ReplicaConfigSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The one description of the replica config, which both the TOML mapping and the simulator follow, against the
 * published swagger: every struct of {@code v2.ReplicaConfig}, nested ones included, has exactly the fields of its
 * definition, with matching JSON types and nested definitions.
 */
class ReplicaConfigSchemaContractTest {
    /** Fields newer than the published swagger, keyed {@code definition.property}. */
    private static final Set<String> NOT_IN_SWAGGER = Set.of(
            // tiflow cdc/api/v2/model.go CSVConfig.OutputFieldHeader, added by tiflow #12183 after v8.5.
            "v2.CSVConfig.output_field_header");

    @Test
    void the_schema_has_every_field_of_the_swagger_replica_config_and_no_other() {
        SwaggerValidator swagger = SwaggerValidator.published();
        List<String> problems = new ArrayList<>();
        compare(swagger, ReplicaConfigSchema.REPLICA_CONFIG, problems);
        assertEquals(List.of(), problems);
    }

    private static void compare(SwaggerValidator swagger, Table table, List<String> problems) {
        JsonNode properties = swagger.definition(table.goType()).path("properties");
        Map<String, String> documented = new TreeMap<>();
        properties.properties().forEach(p -> documented.put(p.getKey(), swaggerType(p.getValue())));
        Map<String, String> described = new TreeMap<>();
        for (Field field : table.fields()) {
            if (!NOT_IN_SWAGGER.contains(table.goType() + "." + field.json())) {
                described.put(field.json(), schemaType(field, documented.get(field.json())));
            }
            if (field.table() != null) {
                compare(swagger, field.table(), problems);
            }
        }
        if (!described.equals(documented)) {
            problems.add(table.goType() + ": schema " + described + ", swagger " + documented);
        }
    }

    private static String swaggerType(JsonNode property) {
        if (property.has("$ref")) {
            return property.get("$ref").asText().replaceFirst("^#/definitions/", "");
        }
        String type = property.path("type").asText();
        return type.equals("array") ? "array of " + swaggerType(property.path("items")) : type;
    }

    /** Durations are documented as strings or as v2.JSONDuration ; either is accepted. */
    private static String schemaType(Field field, String documented) {
        return switch (field.kind()) {
            case BOOL -> "boolean";
            case STRING -> "string";
            case INTEGER -> "integer";
            case FLOAT -> "number";
            case DURATION -> "string".equals(documented) ? "string" : "v2.JSONDuration";
            case STRINGS -> "array of string";
            case INTEGERS -> "array of integer";
            case TABLE -> field.table().goType();
            case TABLES -> "array of " + field.table().goType();
        };
    }
}
