package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
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
     * The JSON body, bound as gin's ShouldBindJSON does: a missing body is the error "EOF", malformed JSON is an
     * error, and anything but an object cannot bind to the request struct.
     */
    JsonNode jsonBody() {
        if (body.length == 0) {
            throw ApiError.invalidParam("invalid api parameter: EOF");
        }
        JsonNode node;
        try {
            node = GoJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiError.invalidParam("invalid api parameter: invalid character in JSON body");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalidParam("invalid api parameter: json: cannot unmarshal "
                    + (node == null ? "null" : node.getNodeType().name().toLowerCase()) + " into Go value");
        }
        return node;
    }
}
