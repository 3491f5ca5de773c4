package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import java.util.Locale;
import java.util.Set;

/**
 * The routes of the server and its upstream: status, health, log level, TSO and the three unsafe routes (tiflow
 * cdc/api/v2/status.go, health.go, log.go, tso.go, unsafe.go).
 */
final class ClusterRoutes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** What promhttp answers without content negotiation (prometheus/common expfmt, text format 0.0.4). */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";
    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal");

    private final Cluster cluster;

    ClusterRoutes(Cluster cluster) {
        this.cluster = cluster;
    }

    /** GET /status: status.go {@code serverStatus}, answered by the capture that was asked. */
    Reply status(Request r, String captureId) {
        boolean owner = cluster.store.read(s -> captureId.equals(Cluster.owner(s, cluster.now())));
        String clusterId = cluster.store.read(s -> s.clusterId);
        // tiflow's drain leaves the liveness alone: only a shutting-down capture reports 1 (stopping)
        int liveness = cluster.dialect.isNew()
                ? cluster.store.read(s -> NewServerRoutes.liveness(s, captureId, cluster.now())) : 0;
        return Reply.indented(200, JSON.objectNode()
                .put("version", cluster.dialect.version())
                .put("git_hash", Cluster.GIT_HASH)
                .put("id", captureId)
                .put("cluster_id", clusterId)
                .put("pid", ProcessHandle.current().pid())
                .put("is_owner", owner)
                .put("liveness", liveness));
    }

    /** GET /health: health.go {@code health}. */
    Reply health(Request r) {
        if (!cluster.store.read(s -> s.faults.healthy && !initializing(s, cluster.now()))) {
            throw new ApiError(500, "CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy");
        }
        return Reply.ok();
    }

    /**
     * With transient windows: a normal changefeed whose scheduler is not initialised yet makes the cluster unhealthy
     * (tiflow cdc/owner/owner.go {@code isHealthy}): for a few ticks after it was created, resumed or restarted, or
     * after a new owner was elected.
     */
    private boolean initializing(ClusterState s, long now) {
        if (!cluster.windows) {
            return false;
        }
        long window = Cluster.WINDOW_TICKS * s.tickMillis;
        boolean newOwner = now < s.electedAt + window; // electedAt: when the last election completed, 0 if none
        for (ChangefeedRecord cf : s.changefeeds.values()) {
            Timeline.View v = Cluster.view(s, cf, now);
            if (!v.visible() || ChangefeedState.NORMAL.is(v.state()) && (newOwner || now < v.runningSince() + window)) {
                return true;
            }
        }
        return false;
    }

    /** POST /log: log.go {@code setLogLevel}, for the capture that was asked. */
    Reply setLogLevel(Request r, String captureId) {
        JsonNode body;
        try {
            body = r.jsonBodyViaPointer("v2.LogLevelReq");
        } catch (ApiError e) {
            if (e.body() == ApiError.Body.NONE) {
                throw e;
            }
            throw ApiError.invalidParam("invalid log level: " + e.getMessage().replace("invalid api parameter: ", ""));
        }
        String level = Fields.string(body, "log_level", "LogLevelReq");
        String normalized = level.isEmpty() ? "info" : level.toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(normalized)) {
            throw ApiError.invalidParam("fail to change log level: " + level);
        }
        cluster.store.write(s -> s.logLevels.put(captureId, normalized));
        return Reply.ok();
    }

    /** POST /tso: tso.go {@code QueryTso}. */
    Reply tso(Request r) {
        if (!cluster.dialect.isNew()) {
            // ticdc api/v2/tso.go QueryTso ignores the body and asks its own PD
            upstream(r.jsonBody("v2.UpstreamConfig"));
        }
        long tso = cluster.store.write(s -> Cluster.nextTso(s, cluster.now()));
        return Reply.indented(200, JSON.objectNode()
                .put("timestamp", Timeline.physical(tso))
                .put("logic_time", tso & ((1L << Timeline.LOGICAL_BITS) - 1)));
    }

    /**
     * /metrics (promhttp's handler for any method): the server's own gauges in Prometheus' text format, families
     * sorted by name, labels by label name. Both servers have GOGC and GOMAXPROCS (tiflow cdc/server/metrics_server.go,
     * ticdc pkg/metrics/server.go); the new one also its build, with the kernel (v8.5.5+: ticdc
     * cmd/cdc/server/server.go sets {@code BuildInfo} from pkg/version and kerneltype.Name()). The Go runtime and
     * process families are left out.
     */
    Reply metrics(Request r, String captureId) {
        StringBuilder text = new StringBuilder();
        if (cluster.dialect.isNew()) {
            String kernel = cluster.dialect.nextGen() ? "Next Generation" : "Classic";
            gauge(text, "ticdc_server_build_info", "TiCDC build information as labels.", "{git_hash=\""
                    + Cluster.GIT_HASH + "\",kernel_type=\"" + kernel + "\",release_version=\""
                    + cluster.dialect.version() + "\",utc_build_time=\"" + Cluster.BUILD_TIME + "\"}", 1);
        }
        gauge(text, "ticdc_server_go_gc", "The value of GOGC", "", 100);
        gauge(text, "ticdc_server_go_max_procs", "The value of GOMAXPROCS", "",
                Runtime.getRuntime().availableProcessors());
        return Reply.text(200, text.toString(), PROMETHEUS_TEXT);
    }

    private static void gauge(StringBuilder text, String name, String help, String labels, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(labels).append(' ').append(value).append('\n');
    }

    /** GET /unsafe/metadata: unsafe.go {@code CDCMetaData}, the etcd keys TiCDC keeps. */
    Reply unsafeMetadata(Request r) {
        return Reply.indented(200, etcdData());
    }

    /**
     * GET /debug/info of the new server (ticdc api/v2/info.go handleDebugInfo, no authentication): the same keys
     * as text, values unmasked; net/http sniffs the content type.
     */
    Reply debugInfo(Request r, String captureId) {
        StringBuilder text = new StringBuilder("\n\n*** etcd info ***:\n\n");
        etcdData().forEach(kv -> text.append(kv.path("key").asText()).append("\n\t")
                .append(kv.path("value").asText()).append("\n\n"));
        return Reply.text(200, text.toString(), "text/plain; charset=utf-8");
    }

    private ArrayNode etcdData() {
        return cluster.store.read(s -> {
            long now = cluster.now();
            String prefix = "/tidb/cdc/" + s.clusterId;
            ArrayNode kvs = JSON.arrayNode();
            String owner = Cluster.owner(s, now);
            kvs.addObject().put("key", prefix + "/__cdc_meta__/meta/meta-version").put("value", "1");
            kvs.addObject().put("key", prefix + "/__cdc_meta__/owner/22318a0a7b4c" + Integer.toHexString(
                    Math.abs(owner.hashCode()))).put("value", owner);
            for (String capture : s.captures) {
                kvs.addObject().put("key", prefix + "/__cdc_meta__/capture/" + capture).put("value", GoJson.compact(
                        JSON.objectNode().put("id", capture).put("address", cluster.address(capture))
                                .put("version", cluster.dialect.version()).put("git-hash", Cluster.GIT_HASH)
                                .put("deploy-path", "/opt/tidb/cdc").put("start-timestamp", s.captures.indexOf(capture)
                                        + 1719799500L)));
            }
            kvs.addObject().put("key", prefix + "/default/upstream/" + Long.toUnsignedString(s.upstreamId))
                    .put("value", GoJson.compact(JSON.objectNode().put("id", s.upstreamId)
                            .put("pd-endpoints", "http://127.0.0.1:2379").put("key-path", "").put("cert-path", "")
                            .put("ca-path", "")));
            for (ChangefeedRecord cf : s.changefeeds.values()) {
                Timeline.View v = Cluster.view(s, cf, now);
                String base = prefix + "/" + cf.namespace + "/changefeed/";
                kvs.addObject().put("key", base + "info/" + cf.id).put("value", GoJson.compact(JSON.objectNode()
                        .put("upstream-id", s.upstreamId).put("namespace", cf.namespace).put("changefeed-id", cf.id)
                        .put("sink-uri", cf.sinkUri)
                        .put("create-time", GoJson.rfc3339Nano(cf.createdAt, cf.createdNanos, cluster.zone()))
                        .put("start-ts", v.startTs()).put("target-ts", ChangefeedJson.unsigned(cf.targetTs))
                        .put("admin-job-type", v.adminJobType()).put("state", v.state())
                        .put("creator-version", cf.creatorVersion)));
                kvs.addObject().put("key", base + "status/" + cf.id).put("value", GoJson.compact(JSON.objectNode()
                        .put("checkpoint-ts", v.checkpointTs()).put("min-table-barrier-ts", v.checkpointTs())
                        .put("admin-job-type", v.adminJobType())));
            }
            return kvs;
        });
    }

    /** POST /unsafe/resolve_lock: unsafe.go {@code ResolveLock}. */
    Reply resolveLock(Request r) {
        JsonNode body = r.jsonBody("v2.ResolveLockReq");
        long region = Fields.uint64(body, "region_id", "ResolveLockReq");
        long ts = Fields.uint64(body, "ts", "ResolveLockReq");
        // tiflow cdc/api/v2/unsafe.go ResolveLock refuses zero IDs (PD's region query would panic on them); ticdc's
        // has no such check
        if (!cluster.dialect.isNew() && (region == 0 || ts == 0)) {
            throw ApiError.invalidParam("invalid resolve_lock request: region_id and ts must be non-zero");
        }
        return Reply.ok();
    }

    /**
     * DELETE /unsafe/service_gc_safepoint: unsafe.go {@code DeleteServiceGcSafePoint}. The new server decodes the
     * body but asks only its own PD, whatever upstream it names.
     */
    Reply deleteServiceGcSafepoint(Request r) {
        JsonNode body = r.jsonBody("v2.UpstreamConfig");
        if (cluster.dialect.isNew()) {
            Fields.uint64(body, "id", "UpstreamConfig");
        } else {
            upstream(body);
        }
        cluster.store.write(s -> s.serviceGcSafepoint = false);
        return Reply.ok();
    }

    /**
     * UpstreamConfig as unsafe.go {@code withUpstreamConfig} resolves it: {@code id} 0 or the sandbox's upstream.
     * Other PD addresses cannot be reached: the sandbox's simulated PD is the only one.
     */
    private void upstream(JsonNode body) {
        long id = Fields.uint64(body, "id", "UpstreamConfig");
        long own = cluster.store.read(s -> s.upstreamId);
        if (id != 0 && id != own) {
            throw new ApiError(500, "CDC:ErrUpstreamNotFound", "upstream not found, cluster-id: "
                    + Long.toUnsignedString(id));
        }
        JsonNode pd = Fields.get(body, "pd_addrs");
        if (id == 0 && pd != null && pd.isArray() && !pd.isEmpty()) {
            throw new ApiError(500, "CDC:ErrInternalServerError", "internal server error: fail to create pd client,"
                    + " pd addresses " + pd + ": context deadline exceeded");
        }
    }
}
