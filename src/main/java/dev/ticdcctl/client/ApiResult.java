package dev.ticdcctl.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A response seen two ways: the JSON as received (for pass-through output) and its typed view (for tables and
 * logic). Each is parsed from the body on first use: JSON output never needs the typed view and a table never needs
 * the tree, and parsing 10,000 items twice costs real time. Either way an odd answer fails with one message that
 * names the route ({@link UnexpectedResponseException}); the tree is only checked for its top-level shape, so that
 * what a newer server sends is printed as received, and the typed view for the fields the commands read.
 */
public final class ApiResult<T> {
    private final Answer answer;
    private final Answer.Shape<T> shape;
    private Supplier<JsonNode> parsing;
    private JsonNode json;
    private Supplier<T> binding;
    private T value;

    ApiResult(Answer answer, Answer.Shape<T> shape, Supplier<JsonNode> parsing, Supplier<T> binding) {
        this.answer = answer;
        this.shape = shape;
        this.parsing = parsing;
        this.binding = binding;
    }

    /** The body as received, for output that streams it; its top level is checked, the rest is the reader's. */
    public byte[] body() {
        answer.topLevel(shape);
        return answer.body();
    }

    /** What to throw when the body read from {@link #body()} turns out not to be JSON part-way through. */
    public RuntimeException unreadable(IOException e) {
        return answer.unreadable(shape, e);
    }

    /** The body as a JSON tree of the expected top-level shape. */
    public JsonNode json() {
        if (parsing != null) {
            json = parsing.get();
            parsing = null;
        }
        return json;
    }

    /** The typed view, with every field that the commands read. */
    public T value() {
        if (binding != null) {
            value = binding.get();
            binding = null;
        }
        return value;
    }
}
