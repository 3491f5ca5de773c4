package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes only the new server has, or answers differently enough to be its own: log redaction, get_all_tables,
 * the processor stubs, {@code /config} and the v1 capture drain (ticdc api/v2/log.go, changefeed.go, processor.go,
 * api/http.go, api/v1/api.go).
 */
final class NewServerRoutes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Redact modes from the loosest; pkg/util/redact.go ParseRedactMode's spellings of each. */
    private static final List<String> MODES = List.of("OFF", "MARKER", "ON");
    private static final Map<String, String> SPELLINGS = Map.ofEntries(Map.entry("OFF", "OFF"),
            Map.entry("FALSE", "OFF"), Map.entry("0", "OFF"), Map.entry("DISABLE", "OFF"),
            Map.entry("DISABLED", "OFF"), Map.entry("ON", "ON"), Map.entry("TRUE", "ON"), Map.entry("1", "ON"),
            Map.entry("ENABLE", "ON"), Map.entry("ENABLED", "ON"), Map.entry("MARKER", "MARKER"),
            Map.entry("MARK", "MARKER"));

    private final Cluster cluster;
    private final ChangefeedQueryRoutes query;
    /** Failpoints set through the API, per capture; process memory, as in the real server. */
    private final Map<String, Map<String, String>> failpoints = new ConcurrentHashMap<>();

    NewServerRoutes(Cluster cluster) {
        this.cluster = cluster;
        this.query = new ChangefeedQueryRoutes(cluster);
    }

    /** POST /log/redact: SetRedactMode, per capture, tightening only (OFF, MARKER, ON). */
    Reply setRedactMode(Request r, String captureId) {
        JsonNode body;
        try {
            body = r.body.length == 0 ? null : GoJson.MAPPER.readTree(r.body);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw ApiError.invalidParam("invalid redact mode: " + (r.body.length == 0 ? "EOF"
                    : "invalid character in JSON body"));
        }
        String sent = body.path("redact_info_log").asText("").trim();
        if (sent.isEmpty()) {
            throw ApiError.invalidParam("missing required field 'redact_info_log': must be 'off', 'on', or 'marker'");
        }
        String wanted = SPELLINGS.get(sent.toUpperCase(Locale.ROOT));
        if (wanted == null) {
            throw ApiError.invalidParam("invalid redact mode '" + sent + "': must be 'off', 'on', or 'marker'");
        }
        return cluster.store.write(s -> {
            String current = s.redactModes.getOrDefault(captureId, "OFF");
            if (MODES.indexOf(wanted) < MODES.indexOf(current)) {
                throw ApiError.invalidParam("cannot transition from '" + current + "' to '" + sent + "': only"
                        + " transitions to more restrictive modes are allowed (OFF→MARKER→ON)");
            }
            s.redactModes.put(captureId, wanted);
            return Reply.json(200, JSON.objectNode().put("previous_mode", current).put("current_mode", wanted));
        });
    }

    /**
     * /debug/failpoints (ticdc api/v2/failpoint.go, v8.5.5+): GET lists those set here sorted by name, POST sets
     * {@code {"name","expr"}}, DELETE removes {@code ?name=} or the body's. Nothing is injected for real.
     */
    Reply failpoints(Request r, String captureId) {
        Map<String, String> set = failpoints.computeIfAbsent(captureId, c -> new TreeMap<>());
        synchronized (set) {
            if (r.method.equals("GET")) {
                ArrayNode list = JSON.arrayNode();
                set.forEach((name, expr) -> list.addObject().put("name", name).put("expr", expr));
                return Reply.json(200, list);
            }
            String name = r.method.equals("DELETE") ? r.query("name") : "";
            JsonNode body = name.isEmpty() ? failpointBody(r) : null;
            name = body == null ? name : body.path("name").asText("").trim();
            if (r.method.equals("DELETE")) {
                if (name.isEmpty()) {
                    throw ApiError.invalidParam("invalid api parameter%!(EXTRA string=name is required)");
                }
                set.remove(name);
                return Reply.ok();
            }
            String expr = body.path("expr").asText("").trim();
            if (name.isEmpty() || expr.isEmpty()) {
                throw ApiError.invalidParam("invalid api parameter%!(EXTRA string=name and expr are required)");
            }
            set.put(name, expr);
            return Reply.ok();
        }
    }

    /** The JSON body of a failpoint request; failures are 400 {@code invalid request: <err>}. */
    private static JsonNode failpointBody(Request r) {
        try {
            JsonNode body = r.body.length == 0 ? null : GoJson.MAPPER.readTree(r.body);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw ApiError.invalidParam("invalid request: " + (r.body.length == 0 ? "EOF"
                : "invalid character in JSON body"));
    }

    /** POST /get_all_tables: the tables a config would replicate, without sink checks. */
    Reply allTables(Request r) {
        return query.verifyTable(r, true);
    }

    /** GET /processors: a static stub in the new architecture. */
    Reply processorsStub() {
        return Reply.json(200, JSON.objectNode().put("total", 0).set("items", JSON.arrayNode()));
    }

    /** GET /processors/{changefeed_id}/{capture_id}: a static stub, nothing checked. */
    Reply processorStub() {
        return Reply.json(200, JSON.objectNode().putNull("table_ids"));
    }

    /** GET /config: the server config with the {@code newarch} switch (a subset of its keys). */
    Reply serverConfig(Request r, String captureId) {
        String address = cluster.address(captureId);
        String clusterId = cluster.store.read(s -> s.clusterId);
        return Reply.json(200, JSON.objectNode().put("newarch", true).put("addr", address)
                .put("advertise-addr", address).put("log-file", "").put("log-level", "info")
                .put("data-dir", "/var/lib/ticdc").put("gc-ttl", 86400).put("tz", "System")
                .put("capture-session-ttl", 10)
                .put("cluster-id", clusterId));
    }

    /** PUT /api/v1/captures/drain: v8.5.7's only drain, run by the coordinator; 202 with the tables it held. */
    Reply drainCapture(Request r, String captureId) {
        JsonNode body = r.jsonBody("v1.drainCaptureRequest");
        String target = body.path("capture_id").asText("");
        if (target.equals(captureId)) {
            throw new ApiError(400, "CDC:ErrSchedulerRequestFailed", "scheduler request failed, cannot drain the"
                    + " owner");
        }
        return cluster.store.write(s -> {
            if (!s.captures.contains(target)) {
                throw new ApiError(400, "CDC:ErrCaptureNotExist", "capture not exists, " + target);
            }
            s.drains.putIfAbsent(target, cluster.now());
            return Reply.json(202, JSON.objectNode().put("current_table_count", TableScheduling.drain(s, target)));
        });
    }

    /**
     * A node's liveness on v8.5.7: 1 (draining) from the drain request, 2 (stopping) a tick later, once the
     * coordinator has seen it hold nothing and asks it to stop (ticdc coordinator/drain/controller.go
     * AdvanceLiveness, pkg/liveness/liveness.go). The sandbox moves the node's work at once, and the node keeps
     * answering as a stopping one.
     */
    static int liveness(ClusterState s, String capture, long now) {
        Long since = s.drains.get(capture);
        return since == null ? 0 : now - since < s.tickMillis ? 1 : 2;
    }
}
