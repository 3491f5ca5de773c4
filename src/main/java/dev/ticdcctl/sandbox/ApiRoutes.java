package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The handlers of the 23 OpenAPI v2 routes, following the API reference §3 step by step. */
final class ApiRoutes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal");

    private final Cluster cluster;

    ApiRoutes(Cluster cluster) {
        this.cluster = cluster;
    }

    // 1
    Reply status(Request r, String captureId) {
        boolean owner = cluster.store.read(s -> captureId.equals(Cluster.owner(s, cluster.now())));
        String clusterId = cluster.store.read(s -> s.clusterId);
        return Reply.indented(200, JSON.objectNode()
                .put("version", Cluster.VERSION)
                .put("git_hash", Cluster.GIT_HASH)
                .put("id", captureId)
                .put("cluster_id", clusterId)
                .put("pid", ProcessHandle.current().pid())
                .put("is_owner", owner)
                .put("liveness", 0));
    }

    // 2
    Reply health(Request r) {
        if (!cluster.store.read(s -> s.faults.healthy)) {
            throw new ApiError(500, "CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy");
        }
        return Reply.ok();
    }

    // 3
    Reply setLogLevel(Request r, String captureId) {
        JsonNode body;
        try {
            body = r.jsonBody();
        } catch (ApiError e) {
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

    // 4
    Reply createChangefeed(Request r) {
        JsonNode body = r.jsonBody();
        String sinkUri = Fields.string(body, "sink_uri", "ChangefeedConfig");
        String requestedId = Fields.string(body, "changefeed_id", "ChangefeedConfig");
        String namespace = Fields.string(body, "namespace", "ChangefeedConfig");
        long requestedStart = Fields.uint64(body, "start_ts", "ChangefeedConfig");
        long targetTs = Fields.uint64(body, "target_ts", "ChangefeedConfig");
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(Fields.get(body, "replica_config"));
        if (sinkUri.isEmpty()) {
            throw new ApiError(400, "CDC:ErrSinkURIInvalid",
                    "sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'");
        }
        String id = requestedId.isEmpty() ? UUID.randomUUID().toString() : requestedId;
        if (!Cluster.validId(id)) {
            throw ApiError.invalidParam("invalid changefeed_id: " + id);
        }
        String ns = namespace.isEmpty() ? "default" : namespace;
        if (!Cluster.validId(ns)) {
            throw ApiError.invalidParam("invalid namespace: " + ns);
        }
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            if (s.changefeeds.containsKey(ClusterState.key(ns, id))) {
                throw new ApiError(500, "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, " + id);
            }
            long tso = Cluster.nextTso(s, now);
            long startTs = requestedStart == 0 ? tso : requestedStart;
            if (startTs > tso) {
                throw ApiError.invalidParam("invalid start-ts " + startTs + ", larger than current tso " + tso);
            }
            long gc = Cluster.gcSafepoint(s, now);
            if (startTs <= gc) {
                throw startTsBeforeGc(startTs, gc);
            }
            if (targetTs != 0 && targetTs <= startTs) {
                throw new ApiError(400, "CDC:ErrTargetTsBeforeStartTs", "fail to create changefeed because target-ts "
                        + targetTs + " is earlier than start-ts " + startTs);
            }
            ReplicaConfigs.validateForSink(config, sinkUri);
            checkEligible(s, config);
            ReplicaConfigs.openSink(sinkUri);
            ChangefeedRecord cf = new ChangefeedRecord();
            cf.namespace = ns;
            cf.id = id;
            cf.sinkUri = sinkUri;
            cf.config = config;
            cf.startTs = startTs;
            cf.targetTs = targetTs;
            cf.createdAt = now;
            cf.creatorVersion = Cluster.VERSION;
            s.changefeeds.put(ClusterState.key(ns, id), cf);
            // Answered before the owner loads it: state normal, checkpoint at start, the config as validated.
            Timeline.View loaded = new Timeline.View(true, ChangefeedState.NORMAL.wire(), startTs, startTs, startTs,
                    null, null, 0);
            return Reply.json(200, info(s, cf, loaded, true, config, now));
        });
    }

    // 5
    Reply listChangefeeds(Request r) {
        String filter = r.query("state");
        String namespace = r.namespace();
        return cluster.store.read(s -> {
            long now = cluster.now();
            ArrayNode items = JSON.arrayNode();
            s.changefeeds.values().stream()
                    .filter(cf -> cf.namespace.equals(namespace))
                    .sorted(Comparator.comparing(cf -> cf.id))
                    .forEach(cf -> {
                        Timeline.View v = Cluster.view(s, cf, now);
                        String internal = v.state();
                        // one the owner has not loaded yet is listed too, as normal
                        boolean listed = filter.isEmpty()
                                ? internal.isEmpty() || ChangefeedState.matches(internal,
                                        ChangefeedState::isListedByDefault)
                                : filter.equals("all") || filter.equals(internal);
                        if (listed) {
                            items.add(listItem(s, cf, v));
                        }
                    });
            return Reply.json(200, JSON.objectNode().put("total", items.size()).set("items", items));
        });
    }

    // 6 and 9
    Reply getChangefeed(Request r, boolean masked) {
        String id = changefeedId(r);
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = existing(s, r.namespace(), id, now);
            return Reply.json(200, info(s, cf, Cluster.view(s, cf, now), masked,
                    ReplicaConfigs.pruneForSink(cf.config, cf.sinkUri), now));
        });
    }

    // 7
    Reply updateChangefeed(Request r) {
        String id = changefeedId(r);
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            ChangefeedRecord cf = existing(s, r.namespace(), id, now);
            Timeline.View v = Cluster.view(s, cf, now);
            if (!ChangefeedState.matches(v.state(), ChangefeedState::isUpdatable)) {
                throw updateRefused("changefeed update error: can only update changefeed config when it is stopped or"
                        + " failed");
            }
            JsonNode body = r.jsonBody();
            long targetTs = Fields.uint64(body, "target_ts", "ChangefeedConfig");
            String sinkUri = Fields.string(body, "sink_uri", "ChangefeedConfig");
            JsonNode given = Fields.get(body, "replica_config");
            long newTarget = cf.targetTs;
            if (targetTs != 0) {
                if (targetTs <= v.startTs()) {
                    throw updateRefused("can not update target_ts:" + targetTs + " less than start_ts:" + v.startTs());
                }
                newTarget = targetTs;
            }
            String newSink = sinkUri.isEmpty() ? cf.sinkUri : sinkUri;
            ObjectNode newConfig = (given == null || given.isNull() ? cf.config : ReplicaConfigs.replaceFromDefaults(given))
                    .deepCopy();
            if (!newSink.equals(cf.sinkUri) || !newConfig.equals(cf.config)) {
                try {
                    ReplicaConfigs.validateForSink(newConfig, newSink);
                } catch (ApiError e) {
                    // On update TiCDC wraps validation errors, which makes them 400s.
                    throw updateRefused("changefeed update error: " + e.errorMessage());
                }
            }
            // Compared after validation, which adjusts the config as it was adjusted when stored.
            boolean sinkOrConfigChanged = !newSink.equals(cf.sinkUri) || !newConfig.equals(cf.config);
            if (!sinkOrConfigChanged && newTarget == cf.targetTs) {
                throw updateRefused("changefeed update error: changefeed config is the same with the old one, do"
                        + " nothing");
            }
            if (sinkOrConfigChanged) {
                checkEligible(s, newConfig);
                ReplicaConfigs.openSink(newSink);
            }
            cf.targetTs = newTarget;
            cf.sinkUri = newSink;
            cf.config = newConfig;
            return Reply.json(200, info(s, cf, Cluster.view(s, cf, now), true, newConfig, now));
        });
    }

    // 8: idempotent; the real server answers only once the changefeed is gone, which here is at once.
    Reply deleteChangefeed(Request r) {
        String id = changefeedId(r);
        cluster.store.write(s -> s.changefeeds.remove(ClusterState.key(r.namespace(), id)));
        return Reply.ok();
    }

    // 10
    Reply resumeChangefeed(Request r) {
        String id = changefeedId(r);
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            ChangefeedRecord cf = existing(s, r.namespace(), id, now);
            JsonNode body = r.jsonBody();
            long overwrite = Fields.uint64(body, "overwrite_checkpoint_ts", "ResumeChangefeedConfig");
            long checkpoint = overwrite != 0 ? overwrite : Cluster.view(s, cf, now).checkpointTs();
            long tso = Cluster.nextTso(s, now);
            if (checkpoint > tso) {
                throw ApiError.invalidParam("invalid checkpoint-ts " + checkpoint + ", larger than current tso " + tso);
            }
            long gc = Cluster.gcSafepoint(s, now);
            if (checkpoint <= gc) {
                throw startTsBeforeGc(checkpoint, gc);
            }
            Event e = Event.of("resume", now);
            e.overwriteTs = overwrite == 0 ? null : overwrite;
            Cluster.record(s, cf, e);
            return Reply.ok();
        });
    }

    // 11
    Reply pauseChangefeed(Request r) {
        String id = changefeedId(r);
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.record(s, existing(s, r.namespace(), id, now), Event.of("pause", now));
            return Reply.ok();
        });
    }

    // 12
    Reply changefeedStatus(Request r) {
        String id = changefeedId(r);
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = existing(s, r.namespace(), id, now);
            Timeline.View v = Cluster.view(s, cf, now);
            ObjectNode body = JSON.objectNode();
            if (!v.state().isEmpty()) {
                body.put("state", v.state());
            }
            body.put("resolved_ts", v.resolvedTs()).put("checkpoint_ts", v.checkpointTs());
            long checkpointMillis = Timeline.physical(v.checkpointTs());
            // Shown only while newer than the checkpoint: an old error is history, not the current problem.
            if (v.error() != null && v.error().at() > checkpointMillis) {
                body.set("last_error", problem(s, v.error(), true, now));
            }
            if (v.warning() != null && v.warning().at() > checkpointMillis) {
                body.set("last_warning", problem(s, v.warning(), true, now));
            }
            return Reply.json(200, body);
        });
    }

    // 13
    Reply changefeedSynced(Request r) {
        String id = changefeedId(r);
        JsonNode body = r.body.length > 0 ? r.jsonBody() : null;
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = existing(s, r.namespace(), id, now);
            Timeline.View v = Cluster.view(s, cf, now);
            long checkInterval = syncedSetting(body, cf, "synced_check_interval", 300);
            long checkpointInterval = syncedSetting(body, cf, "checkpoint_interval", 15);
            long checkpoint = Timeline.physical(v.checkpointTs());
            long resolved = Timeline.physical(v.resolvedTs());
            // No upstream writes are simulated: the last one is taken as the moment replication (re)started.
            Long resumed = cf.lastResumeAt();
            long lastSynced = Math.min(resumed != null ? resumed : cf.createdAt, checkpoint);
            boolean quiet = now - lastSynced > checkInterval * 1000;
            boolean caughtUp = now - checkpoint < checkpointInterval * 1000;
            String info = quiet && caughtUp ? "Data syncing is finished"
                    : quiet && resolved - checkpoint < checkpointInterval * 1000 ? PD_HINT
                    : "The data syncing is not finished, please wait";
            return Reply.json(200, JSON.objectNode()
                    .put("synced", quiet && caughtUp)
                    .put("sink_checkpoint_ts", GoJson.serverTime(checkpoint, cluster.zone()))
                    .put("puller_resolved_ts", GoJson.serverTime(resolved, cluster.zone()))
                    .put("last_synced_ts", GoJson.serverTime(lastSynced, cluster.zone()))
                    .put("now_ts", GoJson.serverTime(now / 1000 * 1000, cluster.zone()))
                    .put("info", info));
        });
    }

    private static final String PD_HINT = "Please check whether PD is online and TiKV Regions are all available. If PD"
            + " is offline or some TiKV regions are not available, it means that the data syncing process is complete."
            + " To check whether TiKV regions are all available, you can view 'TiKV-Details' > 'Resolved-Ts' > 'Max"
            + " Leader Resolved TS gap' on Grafana. If the gap is large, such as a few minutes, it means that some"
            + " regions in TiKV are unavailable. Otherwise, if the gap is small and PD is online, it means the data"
            + " syncing is incomplete, so please wait";

    // 14
    Reply drainCapture(Request r) {
        String captureId = r.params.get("capture_id");
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            if (s.captures.size() <= 1) {
                throw new ApiError(400, "CDC:ErrSchedulerRequestFailed",
                        "scheduler request failed, only one capture alive");
            }
            if (!s.captures.contains(captureId)) {
                throw new ApiError(400, "CDC:ErrCaptureNotExist", "capture not exists, " + captureId);
            }
            if (captureId.equals(Cluster.owner(s, now))) {
                throw new ApiError(400, "CDC:ErrSchedulerRequestFailed",
                        "scheduler request failed, cannot drain the owner");
            }
            s.drains.putIfAbsent(captureId, now);
            int held = 0;
            for (ChangefeedRecord cf : s.changefeeds.values()) {
                Timeline.View v = Cluster.view(s, cf, now);
                if (!v.visible()) {
                    held += 1; // not initialised by the owner yet: counted as one table
                } else if (ChangefeedState.NORMAL.is(v.state())) {
                    held += Cluster.placement(s, cf, now).getOrDefault(captureId, List.of()).size();
                }
            }
            return Reply.json(202, JSON.objectNode().put("current_table_count", held));
        });
    }

    // 15
    Reply listCaptures(Request r) {
        return cluster.store.read(s -> {
            String owner = Cluster.owner(s, cluster.now());
            ArrayNode items = JSON.arrayNode();
            for (String id : s.captures) {
                items.addObject().put("id", id).put("is_owner", id.equals(owner))
                        .put("address", cluster.address(id)).put("cluster_id", s.clusterId);
            }
            return Reply.json(200, JSON.objectNode().put("total", items.size()).set("items", items));
        });
    }

    // 16
    Reply getProcessor(Request r) {
        String changefeedId = r.params.get("changefeed_id");
        String captureId = r.params.get("capture_id");
        if (!Cluster.validId(changefeedId)) {
            throw ApiError.invalidParam("invalid changefeed_id: " + changefeedId);
        }
        if (!Cluster.validId(captureId)) {
            throw ApiError.invalidParam("invalid capture_id: " + captureId);
        }
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = existing(s, r.namespace(), changefeedId, now);
            Timeline.View v = Cluster.view(s, cf, now);
            if (!v.running()) {
                throw ApiError.invalidParam("invalid api parameter: changefeed in abnormal state: " + v.state()
                        + ", can'duration get processor of an abnormal changefeed");
            }
            List<Long> held = Cluster.placement(s, cf, now).get(captureId);
            if (held == null) {
                throw new ApiError(400, "CDC:ErrCaptureNotExist", "capture not exists, " + captureId);
            }
            ArrayNode ids = JSON.arrayNode();
            held.forEach(ids::add);
            return Reply.json(200, JSON.objectNode().set("table_ids", ids));
        });
    }

    // 17
    Reply listProcessors(Request r) {
        return cluster.store.read(s -> {
            long now = cluster.now();
            ArrayNode items = JSON.arrayNode();
            for (ChangefeedRecord cf : s.changefeeds.values()) {
                if (Cluster.view(s, cf, now).running()) {
                    for (String capture : Cluster.placement(s, cf, now).keySet()) {
                        items.addObject().put("namespace", cf.namespace).put("changefeed_id", cf.id)
                                .put("capture_id", capture);
                    }
                }
            }
            return Reply.json(200, JSON.objectNode().put("total", items.size()).set("items", items));
        });
    }

    // 18
    Reply verifyTable(Request r) {
        JsonNode body = r.jsonBody();
        String sinkUri = Fields.string(body, "sink_uri", "VerifyTableConfig");
        Fields.uint64(body, "start_ts", "VerifyTableConfig");
        ReplicaConfigs.mergeOverDefaults(Fields.get(body, "replica_config"));
        ReplicaConfigs.requireParsableSinkUri(sinkUri);
        return cluster.store.read(s -> {
            ObjectNode result = JSON.objectNode();
            ArrayNode ineligible = tableList(s.faults.ineligibleTables, 200);
            ArrayNode eligible = tableList(List.of("test.orders", "test.customers", "test.items"), 100);
            if (!ineligible.isEmpty()) {
                result.set("ineligible_tables", ineligible);
            }
            result.set("eligible_tables", eligible);
            return Reply.json(200, result);
        });
    }

    // 19
    Reply unsafeMetadata(Request r) {
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
                                .put("version", Cluster.VERSION).put("git-hash", Cluster.GIT_HASH)
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
                        .put("sink-uri", cf.sinkUri).put("create-time", GoJson.rfc3339Nano(cf.createdAt, cluster.zone()))
                        .put("start-ts", v.startTs()).put("target-ts", cf.targetTs)
                        .put("admin-job-type", v.adminJobType()).put("state", v.state())
                        .put("creator-version", cf.creatorVersion)));
                kvs.addObject().put("key", base + "status/" + cf.id).put("value", GoJson.compact(JSON.objectNode()
                        .put("checkpoint-ts", v.checkpointTs()).put("min-table-barrier-ts", v.checkpointTs())
                        .put("admin-job-type", v.adminJobType())));
            }
            return Reply.indented(200, kvs);
        });
    }

    // 20
    Reply resolveLock(Request r) {
        JsonNode body = r.jsonBody();
        long region = Fields.uint64(body, "region_id", "ResolveLockReq");
        long ts = Fields.uint64(body, "ts", "ResolveLockReq");
        if (region == 0 || ts == 0) {
            throw ApiError.invalidParam("invalid api parameter: region_id and ts must be greater than 0");
        }
        return Reply.ok();
    }

    // 21
    Reply deleteServiceGcSafepoint(Request r) {
        upstream(r.jsonBody());
        cluster.store.write(s -> s.serviceGcSafepoint = false);
        return Reply.ok();
    }

    // 22: the owner steps down; the next capture wins the election one tick later.
    Reply resignOwner(Request r) {
        cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            if (s.captures.size() > 1 && s.nextOwner == null) {
                int at = s.captures.indexOf(s.owner);
                s.nextOwner = s.captures.get((at + 1) % s.captures.size());
                s.electedAt = now + s.tickMillis;
            }
            return null;
        });
        return Reply.ok();
    }

    // 23
    Reply tso(Request r) {
        upstream(r.jsonBody());
        long tso = cluster.store.write(s -> Cluster.nextTso(s, cluster.now()));
        return Reply.indented(200, JSON.objectNode()
                .put("timestamp", Timeline.physical(tso))
                .put("logic_time", tso & ((1L << Timeline.LOGICAL_BITS) - 1)));
    }

    /**
     * UpstreamConfig: {@code id} 0 or the sandbox's upstream. Other PD addresses cannot be reached: the sandbox's
     * simulated PD is the only one.
     */
    private void upstream(JsonNode body) {
        long id = Fields.uint64(body, "id", "UpstreamConfig");
        long own = cluster.store.read(s -> s.upstreamId);
        if (id != 0 && id != own) {
            throw new ApiError(500, "CDC:ErrUpstreamNotFound", "upstream not found, cluster-id: " + id);
        }
        JsonNode pd = Fields.get(body, "pd_addrs");
        if (id == 0 && pd != null && pd.isArray() && !pd.isEmpty()) {
            throw new ApiError(500, "CDC:ErrInternalServerError", "internal server error: fail to create pd client,"
                    + " pd addresses " + pd + ": context deadline exceeded");
        }
    }

    private String changefeedId(Request r) {
        String id = r.params.get("changefeed_id");
        if (!Cluster.validId(id)) {
            throw ApiError.invalidParam("invalid changefeed_id: " + id);
        }
        return id;
    }

    /** A changefeed the owner knows; one created less than a tick ago is not loaded yet. */
    private static ChangefeedRecord existing(ClusterState s, String namespace, String id, long now) {
        ChangefeedRecord cf = s.changefeeds.get(ClusterState.key(namespace, id));
        if (cf == null || !Cluster.view(s, cf, now).visible()) {
            throw new ApiError(400, "CDC:ErrChangeFeedNotExists", "changefeed not exists, " + namespace + "/" + id);
        }
        return cf;
    }

    private static void checkEligible(ClusterState s, JsonNode config) {
        boolean ignore = config.path("force_replicate").asBoolean() || config.path("ignore_ineligible_table")
                .asBoolean();
        if (!s.faults.ineligibleTables.isEmpty() && !ignore) {
            throw new ApiError(400, "CDC:ErrTableIneligible", "some tables are not eligible to replicate("
                    + s.faults.ineligibleTables + "), if you want to ignore these tables, please set"
                    + " ignore_ineligible_table to true");
        }
    }

    private static ApiError startTsBeforeGc(long ts, long gc) {
        return new ApiError(400, "CDC:ErrStartTsBeforeGC", "fail to create or maintain changefeed because start-ts "
                + ts + " is earlier than or equal to GC safepoint at " + gc);
    }

    private static ApiError updateRefused(String message) {
        return new ApiError(400, "CDC:ErrChangefeedUpdateRefused", message);
    }

    private static long syncedSetting(JsonNode body, ChangefeedRecord cf, String name, long fallback) {
        JsonNode given = Fields.get(Fields.get(Fields.get(body, "replica_config"), "synced_status"), name);
        if (given != null && given.canConvertToLong() && given.longValue() > 0) {
            return given.longValue();
        }
        JsonNode own = cf.config.path("synced_status").path(name);
        return own.canConvertToLong() && own.longValue() > 0 ? own.longValue() : fallback;
    }

    private static ArrayNode tableList(List<String> names, long firstId) {
        ArrayNode tables = JSON.arrayNode();
        for (int i = 0; i < names.size(); i++) {
            String[] parts = names.get(i).split("\\.", 2);
            tables.addObject().put("database_name", parts[0]).put("table_name", parts.length > 1 ? parts[1] : "")
                    .put("table_id", firstId + i).put("is_partition", false);
        }
        return tables;
    }

    /** ChangeFeedInfo (§5.3), fields in the server's order, empty ones omitted as Go's omitempty does. */
    private ObjectNode info(ClusterState s, ChangefeedRecord cf, Timeline.View v, boolean masked, JsonNode config,
            long now) {
        ObjectNode info = JSON.objectNode()
                .put("upstream_id", s.upstreamId)
                .put("namespace", cf.namespace)
                .put("id", cf.id)
                .put("sink_uri", masked ? SinkUriMask.mask(cf.sinkUri) : cf.sinkUri)
                .put("create_time", GoJson.rfc3339Nano(cf.createdAt, cluster.zone()));
        putNonZero(info, "start_ts", v.startTs());
        putNonZero(info, "target_ts", cf.targetTs);
        putNonZero(info, "admin_job_type", v.adminJobType());
        info.set("config", config);
        if (!v.state().isEmpty()) {
            info.put("state", v.state());
        }
        if (ChangefeedState.matches(v.state(), ChangefeedState::hasError) && v.error() != null) {
            info.set("error", problem(s, v.error(), false, now));
        }
        info.put("creator_version", cf.creatorVersion)
                .put("resolved_ts", v.resolvedTs())
                .put("checkpoint_ts", v.checkpointTs())
                .put("checkpoint_time", GoJson.serverTime(Timeline.physical(v.checkpointTs()), cluster.zone()));
        if (ChangefeedState.NORMAL.is(v.state())) {
            ArrayNode tasks = info.putArray("task_status");
            for (Map.Entry<String, List<Long>> placed : Cluster.placement(s, cf, now).entrySet()) {
                ObjectNode task = tasks.addObject().put("capture_id", placed.getKey());
                placed.getValue().forEach(task.putArray("table_ids")::add);
            }
        }
        return info;
    }

    /** ChangefeedCommonInfo (§5.4): every key present; display states; error or else warning. */
    private ObjectNode listItem(ClusterState s, ChangefeedRecord cf, Timeline.View v) {
        String display = v.state().isEmpty() ? ChangefeedState.NORMAL.wire()
                : ChangefeedState.PENDING.is(v.state()) ? ChangefeedState.WARNING.wire() : v.state();
        ObjectNode item = JSON.objectNode()
                .put("upstream_id", s.upstreamId)
                .put("namespace", cf.namespace)
                .put("id", cf.id)
                .put("state", display);
        if (v.visible()) {
            item.put("checkpoint_tso", v.checkpointTs())
                    .put("checkpoint_time", GoJson.serverTime(Timeline.physical(v.checkpointTs()), cluster.zone()));
        } else {
            item.put("checkpoint_tso", 0).put("checkpoint_time", "0001-01-01 00:00:00.000");
        }
        Timeline.Problem shown = v.error() != null ? v.error() : v.warning();
        if (shown != null && ChangefeedState.matches(v.state(), ChangefeedState::hasError)) {
            item.set("error", problem(s, shown, true, cluster.now()));
        } else {
            item.putNull("error");
        }
        return item;
    }

    private ObjectNode problem(ClusterState s, Timeline.Problem p, boolean withTime, long now) {
        ObjectNode node = JSON.objectNode();
        if (withTime) {
            node.put("time", GoJson.rfc3339Nano(p.at(), cluster.zone()));
        }
        return node.put("addr", cluster.address(Cluster.owner(s, now))).put("code", p.code())
                .put("message", p.message());
    }

    private static void putNonZero(ObjectNode node, String name, long value) {
        if (value != 0) {
            node.put(name, value);
        }
    }
}
