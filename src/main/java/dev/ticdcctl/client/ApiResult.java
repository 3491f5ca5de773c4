package dev.ticdcctl.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * A response seen two ways: the JSON as received (for pass-through output) and its typed view (for tables and
 * logic). Each is parsed from the body on first use: JSON output never needs the typed view and a table never needs
 * the tree, and parsing 10,000 items twice costs real time.
 */
public final class ApiResult<T> {
    private final byte[] body;
    private Supplier<JsonNode> parsing;
    private JsonNode json;
    private Supplier<T> binding;
    private T value;

    ApiResult(byte[] body, Supplier<JsonNode> parsing, Supplier<T> binding) {
        this.body = body;
        this.parsing = parsing;
        this.binding = binding;
    }

    /** The body as received, for output that can stream it. */
    public byte[] body() {
        return body;
    }

    /** The body as a JSON tree; throws {@link UnexpectedResponseException} when it is not JSON. */
    public JsonNode json() {
        if (parsing != null) {
            json = parsing.get();
            parsing = null;
        }
        return json;
    }

    /** The typed view; throws {@link UnexpectedResponseException} when the JSON does not have the expected shape. */
    public T value() {
        if (binding != null) {
            value = binding.get();
            binding = null;
        }
        return value;
    }
}
