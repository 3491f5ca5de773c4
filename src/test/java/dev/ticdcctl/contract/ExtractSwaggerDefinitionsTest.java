package dev.ticdcctl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The extraction of the swagger's definitions, and the committed resource being exactly such an extract. */
class ExtractSwaggerDefinitionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keeps_field_names_and_types_and_drops_the_prose() throws IOException {
        JsonNode swagger = JSON.readTree("""
                {"swagger": "2.0", "paths": {"/x": {}},
                 "definitions": {
                   "v2.A": {"type": "object", "description": "an A", "properties": {
                     "description": {"type": "string", "description": "a field named like a keyword"},
                     "n": {"type": "integer", "default": 3},
                     "list": {"type": "array", "items": {"$ref": "#/definitions/v2.B"}},
                     "map": {"type": "object", "additionalProperties": {"type": "string", "example": "x"}}}},
                   "v2.B": {"type": "object", "properties": {"b": {"type": "boolean"}}}}}
                """);
        JsonNode extracted = ExtractSwaggerDefinitions.extract(swagger, "somewhere", "abc");
        assertEquals(JSON.readTree("""
                {"source": "somewhere", "sha256": "abc", "definitions": {
                   "v2.A": {"type": "object", "properties": {
                     "description": {"type": "string"},
                     "n": {"type": "integer"},
                     "list": {"type": "array", "items": {"$ref": "#/definitions/v2.B"}},
                     "map": {"type": "object", "additionalProperties": {"type": "string"}}}},
                   "v2.B": {"type": "object", "properties": {"b": {"type": "boolean"}}}}}
                """), extracted);
        assertEquals(extracted, ExtractSwaggerDefinitions.extract(extracted, "somewhere", "abc"),
                "an extract is a fixed point");
    }

    @Test
    void a_document_without_definitions_is_refused() throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> ExtractSwaggerDefinitions.extract(JSON.readTree("{\"swagger\": \"2.0\"}"), "s", "h"));
    }

    @Test
    void the_committed_resource_is_an_unedited_extract_that_names_its_source() throws IOException {
        try (InputStream in = ExtractSwaggerDefinitions.class.getResourceAsStream(ExtractSwaggerDefinitions.RESOURCE)) {
            assertNotNull(in, ExtractSwaggerDefinitions.RESOURCE + " is on the test class path");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode resource = JSON.readTree(text);
            assertEquals(ExtractSwaggerDefinitions.SOURCE, resource.path("source").asText());
            assertTrue(resource.path("sha256").asText().matches("[0-9a-f]{64}"), resource.path("sha256")::asText);
            assertEquals(resource, ExtractSwaggerDefinitions.extract(resource, ExtractSwaggerDefinitions.SOURCE,
                    resource.path("sha256").asText()), "nothing beyond the extracted keywords");
            assertTrue(resource.path("definitions").size() > 50, "every definition of the swagger");
        }
    }
}
