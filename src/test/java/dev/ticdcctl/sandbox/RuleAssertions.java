package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers for the tests of the sandbox's config and sink rules. */
final class RuleAssertions {
    /** Single quotes allowed, so JSON reads well inside Java strings. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private RuleAssertions() {}

    static JsonNode json(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** Serialized form, so that key order is compared too (ObjectNode.equals ignores it). */
    static String text(JsonNode node) {
        return node.toString();
    }

    static void assertRefused(int status, String code, String message, Executable call) {
        ApiError e = assertThrows(ApiError.class, call);
        assertAll(
                () -> assertEquals(message, e.getMessage()),
                () -> assertEquals(code, e.code()),
                () -> assertEquals(status, e.status()));
    }
}
