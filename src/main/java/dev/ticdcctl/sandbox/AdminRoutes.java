package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fault injection, outside {@code /api/v2}: {@code POST /sandbox/...} with a small JSON body. Documented in the
 * README ("Rehearsing incidents"); every answer is {@code {}} or the sandbox's switches.
 */
final class AdminRoutes {
    private static final String BAD_REQUEST = "SandboxBadRequest";

    private final Cluster cluster;

    AdminRoutes(Cluster cluster) {
        this.cluster = cluster;
    }

    Reply handle(Request r) {
        String path = r.path.replaceFirst("/+$", "");
        if (r.method.equals("GET") && path.equals("/sandbox/faults")) {
            return Reply.json(200, cluster.store.read(s -> GoJson.MAPPER.valueToTree(s.faults)));
        }
        if (!r.method.equals("POST")) {
            return Reply.notFound();
        }
        JsonNode body = r.body.length == 0 ? JsonNodeFactory.instance.objectNode() : parse(r);
        if (path.startsWith("/sandbox/changefeeds/") && path.endsWith("/fault")) {
            String id = path.substring("/sandbox/changefeeds/".length(), path.length() - "/fault".length());
            return fault(cluster.dialect.isNew() ? Keyspaces.resolve(cluster, r, false) : r.namespace(), id, body);
        }
        return switch (path) {
            case "/sandbox/health" -> set(s -> s.faults.healthy = flag(body, "healthy"));
            case "/sandbox/ready" -> set(s -> s.faults.ready = flag(body, "ready"));
            case "/sandbox/latency" -> set(s -> s.faults.latencyMillis = number(body, "millis"));
            case "/sandbox/fail" -> fail(body);
            case "/sandbox/gc-safepoint" -> set(s -> s.faults.gcSafepointAgeMillis = number(body, "age_millis"));
            case "/sandbox/ineligible-tables" -> set(s -> s.faults.ineligibleTables = names(body));
            case "/sandbox/reset" -> set(s -> s.faults = new ClusterState.Faults());
            case "/sandbox/keyspaces" -> keyspace(body);
            default -> Reply.notFound();
        };
    }

    private Reply fault(String namespace, String id, JsonNode body) {
        String state = body.path("state").asText("");
        if (!Timeline.FAULT_STATES.contains(state)) {
            throw new ApiError(400, BAD_REQUEST, "state must be one of " + Timeline.FAULT_STATES);
        }
        if (body.has("persist") && !body.path("persist").isBoolean()) {
            throw new ApiError(400, BAD_REQUEST, "persist must be true or false");
        }
        if (cluster.dialect.isNew() && ChangefeedState.PENDING.is(state)) {
            // ticdc's coordinator never writes pending (coordinator/changefeed/changefeed.go)
            throw new ApiError(400, BAD_REQUEST, "the new architecture has no pending state; state must be normal,"
                    + " warning or failed");
        }
        return cluster.store.write(s -> {
            ChangefeedRecord cf = s.changefeeds.get(ClusterState.key(namespace, id));
            if (cf == null) {
                throw new ApiError(400, "CDC:ErrChangeFeedNotExists", "changefeed not exists, " + namespace + "/" + id);
            }
            Instant at = cluster.clock.instant();
            Event e = Event.of("fault", at.toEpochMilli());
            e.nanos = at.getNano() % 1_000_000;
            e.state = state;
            e.code = body.path("code").asText(ChangefeedState.WARNING.is(state) ? "CDC:ErrKafkaNewProducer"
                    : "CDC:ErrMySQLConnectionError");
            e.message = body.path("message").asText("injected by the sandbox");
            e.persist = body.path("persist").asBoolean(false);
            Cluster.record(s, cf, e);
            return Reply.ok();
        });
    }

    /**
     * Registers a keyspace, or changes its state, in the next-gen kernel's simulated PD; {@code "tidb": false} leaves
     * its topology without a TiDB, which authentication needs.
     */
    private Reply keyspace(JsonNode body) {
        if (!cluster.dialect.nextGen()) {
            throw new ApiError(400, BAD_REQUEST, "keyspaces exist only on the next-gen kernel (--arch new --kernel"
                    + " next-gen)");
        }
        String name = body.path("name").asText("");
        String state = body.path("state").asText(Keyspaces.ENABLED);
        JsonNode tidb = body.path("tidb");
        // TiDB's keyspace naming rule: letters, digits, '_' and '-', at most 64
        if (!name.matches("[a-zA-Z0-9_-]{1,64}") || !state.matches("ENABLED|DISABLED|ARCHIVED|TOMBSTONE")
                || !tidb.isMissingNode() && !tidb.isBoolean()) {
            throw new ApiError(400, BAD_REQUEST, "give {\"name\": \"<keyspace>\", \"state\": \"ENABLED\"|"
                    + "\"DISABLED\"|\"ARCHIVED\"|\"TOMBSTONE\", \"tidb\": true|false}");
        }
        return set(s -> {
            s.keyspaces.put(name, state);
            if (tidb.asBoolean(true)) {
                s.keyspacesWithoutTidb.remove(name);
            } else {
                s.keyspacesWithoutTidb.add(name);
            }
        });
    }

    private Reply fail(JsonNode body) {
        String mode = body.path("mode").asText("");
        if (!mode.equals("502") && !mode.equals("reset")) {
            throw new ApiError(400, BAD_REQUEST, "mode must be \"502\" or \"reset\"");
        }
        int count = body.path("count").asInt(1);
        return set(s -> {
            s.faults.failMode = mode;
            s.faults.failRemaining = count;
        });
    }

    private Reply set(Consumer<ClusterState> change) {
        cluster.store.write(s -> {
            change.accept(s);
            return null;
        });
        return Reply.ok();
    }

    private static JsonNode parse(Request r) {
        try {
            JsonNode node = GoJson.MAPPER.readTree(r.body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new ApiError(400, BAD_REQUEST, "the body must be a JSON object");
    }

    private static boolean flag(JsonNode body, String name) {
        if (!body.path(name).isBoolean()) {
            throw new ApiError(400, BAD_REQUEST, "give {\"" + name + "\": true|false}");
        }
        return body.path(name).booleanValue();
    }

    private static long number(JsonNode body, String name) {
        if (!body.path(name).canConvertToLong() || body.path(name).longValue() < 0) {
            throw new ApiError(400, BAD_REQUEST, "give {\"" + name + "\": <non-negative integer>}");
        }
        return body.path(name).longValue();
    }

    private static List<String> names(JsonNode body) {
        if (!body.path("tables").isArray()) {
            throw new ApiError(400, BAD_REQUEST, "give {\"tables\": [\"db.table\", ...]}");
        }
        List<String> tables = new ArrayList<>();
        ((ArrayNode) body.path("tables")).forEach(t -> tables.add(t.asText()));
        return tables;
    }
}
