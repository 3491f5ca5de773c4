package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator itself: what it accepts and rejects, on inline definitions and on TiCDC's published ones. */
class SwaggerValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final SwaggerValidator inline = SwaggerValidator.of(json("""
            {
              "A": {"type": "object", "properties": {
                "n": {"type": "integer"}, "s": {"type": "string"}, "b": {"type": "boolean"},
                "list": {"type": "array", "items": {"type": "integer"}},
                "child": {"$ref": "#/definitions/B"},
                "map": {"type": "object", "additionalProperties": {"$ref": "#/definitions/B"}}
              }},
              "B": {"type": "object", "properties": {"x": {"type": "string"}}}
            }
            """));

    @Test
    void accepts_conforming_values_absent_fields_extra_fields_and_nil_pointers() {
        assertEquals(List.of(), inline.validate(json("""
                {"n": 450835120160243717, "s": "x", "b": true, "list": [1, 2], "child": {"x": "y", "extra": 1},
                 "map": {"k": {"x": "v"}}, "unknown": [1, "a"]}
                """), "A"));
        assertEquals(List.of(), inline.validate(json("{}"), "A"));
        assertEquals(List.of(), inline.validate(json("{\"child\": null, \"list\": null}"), "A"));
    }

    @Test
    void rejects_wrong_types_with_a_json_path() {
        List<String> problems = inline.validate(json("""
                {"n": "1", "s": 1, "b": "true", "list": [1, "2", 3.5], "child": {"x": 1}, "map": {"k": {"x": 2}}}
                """), "A");
        assertEquals(List.of(
                "$.n: expected integer, got string \"1\"",
                "$.s: expected string, got integer 1",
                "$.b: expected boolean, got string \"true\"",
                "$.list[1]: expected integer, got string \"2\"",
                "$.list[2]: expected integer, got number 3.5",
                "$.child.x: expected string, got integer 1",
                "$.map.k.x: expected string, got integer 2"), problems);
        assertEquals(List.of("$: expected object, got array"), inline.validate(json("[]"), "A"));
        assertThrows(IllegalArgumentException.class, () -> inline.validate(json("{}"), "Nope"));
    }

    @Test
    void the_published_definitions_accept_the_documented_gaps_and_still_check_the_rest() {
        SwaggerValidator swagger = SwaggerValidator.published();
        for (String name : List.of("v2.ServerStatus", "v2.ChangeFeedInfo", "v2.ChangefeedCommonInfo", "v2.Capture",
                "v2.ProcessorCommonInfo", "v2.ProcessorDetail", "v2.SyncedStatus", "v2.EmptyResponse",
                "model.HTTPError")) {
            assertTrue(swagger.has(name), name);
        }
        // Durations are integer ns (v2.JSONDuration.MarshalJSON) although the swagger says string / object.
        JsonNode config = json("""
                {"sync_point_interval": 600000000000, "sync_point_retention": 86400000000000,
                 "changefeed_error_stuck_duration": 1800000000000, "memory_quota": 1073741824,
                 "filter": {"rules": ["*.*"]}, "sink": {"advance_timeout": 150, "csv": {"quote": "\\""}}}
                """);
        assertEquals(List.of(), swagger.validate(config, "v2.ReplicaConfig"));
        assertEquals(List.of("$.memory_quota: expected integer, got string \"1\"",
                "$.sink.csv.quote: expected string, got integer 1"),
                swagger.validate(json("{\"memory_quota\": \"1\", \"sink\": {\"csv\": {\"quote\": 1}}}"),
                        "v2.ReplicaConfig"));
        assertEquals(List.of("$.config.sync_point_interval: expected string, got boolean true"),
                swagger.validate(json("{\"config\": {\"sync_point_interval\": true}}"), "v2.ChangeFeedInfo"));
        assertEquals(List.of(), swagger.validate(json("""
                {"upstream_id": 7390512345678901234, "namespace": "default", "id": "cf-1", "state": "normal",
                 "checkpoint_tso": 0, "checkpoint_time": "0001-01-01 00:00:00.000", "error": null}
                """), "v2.ChangefeedCommonInfo"));
        assertEquals(List.of("$.checkpoint_tso: expected integer, got string \"0\""), swagger.validate(json(
                "{\"checkpoint_tso\": \"0\"}"), "v2.ChangefeedCommonInfo"));
    }
}
