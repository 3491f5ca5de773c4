package dev.ticdcctl.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Function;

/**
 * A successful (2xx) answer of one route and what the commands need of it. Every way such an answer can be odd
 * (empty, {@code null}, not JSON, not UTF-8, the wrong shape, a missing field or a value of the wrong type) is
 * reported here, as one message that names the route: "the answer to GET /api/v2/changefeeds/x is not a changefeed:
 * no "id"".
 */
final class Answer {
    /**
     * What a route's answer must be: {@code what} names it in messages; {@code array} says whether its top level is an
     * array (else an object); {@code problem} says what the bound value lacks, or null when it has what the commands
     * read. Only what the commands read is required, so fields that newer servers add or omit pass through.
     */
    record Shape<T>(String what, boolean array, Function<T, String> problem) {
        static <T> Shape<T> object(String what, Function<T, String> problem) {
            return new Shape<>(what, false, problem);
        }

        static <T> Shape<T> array(String what, Function<T, String> problem) {
            return new Shape<>(what, true, problem);
        }
    }

    /** A value of the wrong type found by a hand-written reader; {@code path} as in {@code items[2].id}. */
    static final class WrongType extends IOException {
        final String path;
        final String wanted;

        WrongType(String path, String wanted) {
            super("\"" + path + "\" is not " + wanted);
            this.path = path;
            this.wanted = wanted;
        }
    }

    private final String route;
    private final byte[] body;
    private final boolean changes;

    /** {@code changes}: the request may have changed the cluster (a create, not a TSO query). */
    Answer(String method, String path, byte[] body, boolean changes) {
        this.route = method + " " + path.replaceFirst("\\?.*", "");
        this.body = body;
        this.changes = changes;
    }

    byte[] body() {
        return body;
    }

    /** "GET /api/v2/changefeeds/x": the method and the path without its query. */
    String route() {
        return route;
    }

    /** Any JSON, or nothing, for routes whose answer only confirms: empty is {@code null}; what is not JSON fails. */
    JsonNode anyJson(ObjectMapper mapper) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return strict(mapper.reader()).readTree(body);
        } catch (IOException e) {
            throw unreadable(null, e);
        }
    }

    /** The tree of an answer that must be {@code shape} at its top level. */
    JsonNode tree(ObjectMapper mapper, Shape<?> shape) {
        topLevel(shape);
        try {
            return strict(mapper.reader()).readTree(body);
        } catch (IOException e) {
            throw unreadable(shape, e);
        }
    }

    /** A reader that refuses anything after the document, such as a second one or the rest of an error page. */
    static ObjectReader strict(ObjectReader reader) {
        return reader.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Checks the first token only, which costs nothing next to a bind or a copy of the whole body. */
    void topLevel(Shape<?> shape) {
        if (body.length == 0) {
            throw fault(shape, "the body is empty");
        }
        JsonToken first;
        try (JsonParser p = Json.factory().createParser(body)) {
            first = p.nextToken();
        } catch (IOException e) {
            throw unreadable(shape, e);
        }
        JsonToken wanted = shape.array() ? JsonToken.START_ARRAY : JsonToken.START_OBJECT;
        if (first == null) {
            throw fault(shape, "the body is empty");
        }
        if (first != wanted) {
            throw fault(shape, "it is " + kind(first));
        }
    }

    /** Binds the body; then the value must have what {@code shape} requires. */
    <T> T bind(Shape<T> shape, Binder<T> binder) {
        topLevel(shape);
        T value;
        try {
            value = binder.bind(body);
        } catch (IOException e) {
            throw unreadable(shape, e);
        }
        String problem = shape.problem().apply(value);
        if (problem != null) {
            throw fault(shape, problem);
        }
        return value;
    }

    /** How a body becomes a typed value. */
    interface Binder<T> {
        T bind(byte[] body) throws IOException;
    }

    /** A failure to read the body, said as plainly as it can be; {@code shape} null for "any JSON". */
    UnexpectedResponseException unreadable(Shape<?> shape, IOException e) {
        if (e instanceof WrongType wrong) {
            return fault(shape, wrong.getMessage());
        }
        if (e instanceof JsonMappingException bind) {
            String at = path(bind);
            if (at.isEmpty() && e instanceof MismatchedInputException) {
                return fault(shape, "it does not have the expected shape");
            }
            String wanted = e instanceof MismatchedInputException mismatch ? wanted(mismatch.getTargetType()) : null;
            return fault(shape, "\"" + at + "\" is not " + (wanted != null ? wanted : "a value this client can read"));
        }
        if (!isUtf8(body)) {
            return failure("the answer to " + route + " is not valid UTF-8 text");
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null && startsLikeJson(body)) {
            String where = e instanceof InputCoercionException
                    ? "a number out of range" : "broken JSON";
            return failure("the answer to " + route + " is " + where + " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr());
        }
        if (e instanceof JsonProcessingException) {
            return failure("the answer to " + route + " is not JSON: " + Excerpt.of(body));
        }
        return failure("cannot read the answer to " + route + ": " + e.getMessage());
    }

    UnexpectedResponseException fault(Shape<?> shape, String problem) {
        return failure("the answer to " + route + " is not " + (shape == null ? "JSON" : shape.what()) + ": "
                + problem);
    }

    /** After a request that changes something, the change may have been made although its answer is odd. */
    private UnexpectedResponseException failure(String message) {
        return new UnexpectedResponseException(message,
                changes ? "the server may have carried out the request: check before trying it again" : null);
    }

    /** {@code items[2].checkpoint_tso}, from the path Jackson records while binding. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String wanted(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** Run only once reading has failed, so a good answer is never decoded twice. */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
