package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP request as the route handlers see it, with the path parameters of the matched route. */
final class Request {
    final String method;
    final String path;
    final String rawQuery;
    final Map<String, List<String>> headers;
    final byte[] body;
    final Map<String, String> params = new LinkedHashMap<>();
    /** The new server's keyspace, resolved before the handler runs; null on the classic server. */
    String keyspace;

    Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
    }

    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** A query parameter, or "" when absent. */
    String query(String name) {
        if (rawQuery == null) {
            return "";
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /**
     * Where changefeeds live: {@code ?namespace=} ("default" when absent or empty) on the classic server, the
     * resolved keyspace on the new one.
     */
    String namespace() {
        if (keyspace != null) {
            return keyspace;
        }
        String ns = query("namespace");
        return ns.isEmpty() ? "default" : ns;
    }

    /** A path parameter that names a changefeed or a capture, refused as TiCDC refuses an invalid ID. */
    String id(String param) {
        String id = params.get(param);
        if (!Cluster.validId(id)) {
            throw ApiError.invalidParam("invalid " + param + ": " + id);
        }
        return id;
    }

    /**
     * The JSON body as gin's {@code c.BindJSON(ptr)} binds it into a struct pointer ({@code goType} names the struct,
     * such as {@code v2.ChangefeedConfig}): Go's Decoder reads the first value ({@link GoJsonScanner}, with Go's
     * words for a body that is not JSON); null leaves the struct as it is (an empty object here); anything but an
     * object cannot bind. Errors are 400 {@code invalid api parameter: <Go's error>}.
     */
    JsonNode jsonBody(String goType) {
        return bind(goType, Mode.DECODE);
    }

    /**
     * The body as {@code c.BindJSON(&ptr)} binds it, into the address of a struct pointer: as {@link #jsonBody},
     * except that null sets the pointer to nil, on which gin's validator panics (500, no body).
     */
    JsonNode jsonBodyViaPointer(String goType) {
        return bind(goType, Mode.DECODE_VIA_POINTER);
    }

    /**
     * The body as {@code json.Unmarshal} reads it into a struct pointer: the whole body must be one value, and an
     * empty or cut-short one is {@code unexpected end of JSON input}.
     */
    JsonNode unmarshalledBody(String goType) {
        return bind(goType, Mode.UNMARSHAL);
    }

    private enum Mode { DECODE, DECODE_VIA_POINTER, UNMARSHAL }

    private JsonNode bind(String goType, Mode mode) {
        int end;
        try {
            end = mode == Mode.UNMARSHAL ? GoJsonScanner.wholeValue(body) : GoJsonScanner.firstValue(body);
        } catch (GoJsonScanner.SyntaxError e) {
            throw ApiError.invalidParam("invalid api parameter: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = GoJson.MAPPER.readTree(new String(body, 0, end, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Only beyond Jackson's limits (nesting, number length), which Go does not have.
            throw ApiError.invalidParam("invalid api parameter: " + e.getMessage());
        }
        if (node.isNull()) {
            if (mode == Mode.DECODE_VIA_POINTER) {
                throw ApiError.panic("BindJSON of null into a pointer's address");
            }
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            String kind = node.isArray() ? "array" : node.isTextual() ? "string" : node.isBoolean() ? "bool" : "number";
            throw ApiError.invalidParam("invalid api parameter: json: cannot unmarshal " + kind
                    + " into Go value of type " + goType);
        }
        return node;
    }
}
