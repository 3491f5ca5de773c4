package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The routes that change a changefeed: create, update, delete, pause and resume, as tiflow cdc/api/v2/changefeed.go
 * handles them, with the checks of cdc/api/v2/api_helpers.go in their order.
 */
final class ChangefeedLifecycleRoutes {

    private final Cluster cluster;
    private final ChangefeedJson json;

    ChangefeedLifecycleRoutes(Cluster cluster) {
        this.cluster = cluster;
        this.json = new ChangefeedJson(cluster);
    }

    /**
     * POST /changefeeds: {@code createChangefeed}, checks of {@code verifyCreateChangefeedConfig}; on the new
     * server in the order of ticdc api/v2/changefeed.go {@code CreateChangefeed} (the name before the sink URI, the
     * config before the GC check).
     */
    Reply createChangefeed(Request r) {
        JsonNode body = r.jsonBodyViaPointer("v2.ChangefeedConfig");
        String sinkUri = Fields.string(body, "sink_uri", "ChangefeedConfig");
        String requestedId = Fields.string(body, "changefeed_id", "ChangefeedConfig");
        String namespace = Fields.string(body, "namespace", "ChangefeedConfig");
        long requestedStart = Fields.uint64(body, "start_ts", "ChangefeedConfig");
        long targetTs = Fields.uint64(body, "target_ts", "ChangefeedConfig");
        boolean newArch = cluster.dialect.isNew();
        JsonNode given = Fields.get(body, "replica_config");
        ObjectNode config = newArch ? NewReplicaConfigs.forCreate(given) : ReplicaConfigs.mergeOverDefaults(given);
        if (!newArch) {
            requireSinkUri(sinkUri);
        }
        long gidLow = ThreadLocalRandom.current().nextLong();
        long gidHigh = ThreadLocalRandom.current().nextLong();
        // ticdc pkg/common/types.go NewChangefeedID: a generated name is the GID's halves in decimal, not a UUID
        String generated = newArch ? Long.toUnsignedString(gidLow) + Long.toUnsignedString(gidHigh)
                : UUID.randomUUID().toString();
        String id = requestedId.isEmpty() ? generated : requestedId;
        if (!Cluster.validId(id)) {
            throw ApiError.invalidParam("invalid changefeed_id: " + id);
        }
        // The new server takes the keyspace from the query and ignores the body's.
        String ns = newArch ? r.namespace() : namespace.isEmpty() ? "default" : namespace;
        if (!Cluster.validId(ns)) {
            throw ApiError.invalidParam("invalid namespace: " + ns);
        }
        return cluster.store.write(s -> {
            Instant created = cluster.clock.instant();
            long now = created.toEpochMilli();
            Cluster.settle(s, now);
            Keyspaces.requireEnabled(s, ns);
            if (s.changefeeds.containsKey(ClusterState.key(ns, id))) {
                throw new ApiError(500, "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, " + id);
            }
            if (newArch) {
                requireSinkUri(sinkUri);
                ReplicaConfigs.requireParsableSinkUri(sinkUri);
            }
            long tso = Cluster.nextTso(s, now);
            long startTs = requestedStart == 0 ? tso : requestedStart;
            requireNotAfterTso(tso, startTs, "start-ts");
            if (!newArch) {
                requireAfterGc(s, startTs, now);
            }
            if (targetTs != 0 && Long.compareUnsigned(targetTs, startTs) <= 0) {
                throw new ApiError(400, "CDC:ErrTargetTsBeforeStartTs", "fail to create changefeed because target-ts "
                        + targetTs + " is earlier than start-ts " + startTs);
            }
            if (given != null && given.isNull()) {
                // The bind replaced the default config with nil, which ToInternalReplicaConfig dereferences.
                throw ApiError.panic("\"replica_config\": null");
            }
            ReplicaConfigs.validateForSink(config, sinkUri, cluster.dialect);
            FilterRules.check(config, sinkUri, cluster.dialect);
            if (newArch) {
                requireAfterGc(s, startTs, now);
            }
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
            cf.createdNanos = created.getNano() % 1_000_000;
            cf.creatorVersion = cluster.dialect.version();
            s.changefeeds.put(ClusterState.key(ns, id), cf);
            if (newArch) {
                cf.gidLow = gidLow;
                cf.gidHigh = gidHigh;
                TableScheduling.place(s, cf);
                return Reply.json(200, json.newInfo(s, cf, Cluster.view(s, cf, now), config, false));
            }
            // Answered before the owner loads it: state normal, checkpoint and resolved at start, the config as
            // validated, no task status.
            return Reply.json(200, json.info(s, cf, Timeline.View.created(startTs), true, config, false, now));
        });
    }

    /**
     * PUT /changefeeds/{id}: {@code updateChangefeed}, checks of {@code verifyUpdateChangefeedConfig}; the new server
     * (ticdc api/v2/changefeed.go {@code UpdateChangefeed}) refuses {@code start_ts}, decodes a new config into an
     * empty struct and does not wrap its refusals as update refusals.
     */
    Reply updateChangefeed(Request r) {
        String id = r.id("changefeed_id");
        boolean newArch = cluster.dialect.isNew();
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            Keyspaces.requireEnabled(s, r.namespace());
            ChangefeedRecord cf = Cluster.loadedChangefeed(s, r.namespace(), id, now);
            Timeline.View v = Cluster.view(s, cf, now);
            if (!ChangefeedState.matches(v.state(), ChangefeedState::isUpdatable)) {
                throw updateRefused("changefeed update error: can only update changefeed config when it is stopped or"
                        + " failed");
            }
            JsonNode body = r.jsonBody("v2.ChangefeedConfig");
            long targetTs = Fields.uint64(body, "target_ts", "ChangefeedConfig");
            String sinkUri = Fields.string(body, "sink_uri", "ChangefeedConfig");
            JsonNode given = Fields.get(body, "replica_config");
            boolean configGiven = given != null && !given.isNull();
            // The new server decodes the whole body before its first check.
            ObjectNode decoded = !configGiven ? null
                    : newArch ? NewReplicaConfigs.forUpdate(given) : ReplicaConfigs.replaceFromDefaults(given);
            long newTarget = cf.targetTs;
            if (targetTs != 0) {
                if (Long.compareUnsigned(targetTs, v.startTs()) <= 0) {
                    throw updateRefused("can not update target_ts:" + Long.toUnsignedString(targetTs)
                            + " less than start_ts:" + v.startTs());
                }
                newTarget = targetTs;
            }
            // ticdc api/v2/changefeed.go UpdateChangefeed refuses start_ts, which tiflow ignores
            if (newArch && Fields.uint64(body, "start_ts", "ChangefeedConfig") != 0) {
                throw ApiError.invalidParam("start_ts can not be updated");
            }
            // tiflow starts from the changefeed as its owner holds it, the config pruned for its sink
            // (cdc/model/changefeed.go RmUnusedFields), and compares the result with that
            ObjectNode old = newArch ? (ObjectNode) cf.config : ReplicaConfigs.pruneForSink(cf.config, cf.sinkUri);
            String newSink = sinkUri.isEmpty() ? cf.sinkUri : sinkUri;
            ObjectNode newConfig = configGiven ? decoded : old.deepCopy();
            // Both servers check a config or sink URI that is given, changed or not (verifyUpdateChangefeedConfig).
            if (configGiven || !sinkUri.isEmpty()) {
                if (newArch) {
                    // ticdc does not wrap its refusals as update refusals
                    ReplicaConfigs.validateForSink(newConfig, newSink, cluster.dialect);
                    FilterRules.check(newConfig, newSink, cluster.dialect);
                    checkEligible(s, newConfig);
                    ReplicaConfigs.openSink(newSink);
                } else {
                    refusedAsUpdate(() -> SinkRules.checkUpdateCompatibility(newConfig, old, newSink));
                    refusedAsUpdate(() -> ReplicaConfigs.validateForSink(newConfig, newSink, cluster.dialect));
                    refusedAsUpdate(() -> FilterRules.check(newConfig, newSink, cluster.dialect));
                    checkEligible(s, newConfig);
                    refusedAsUpdate(() -> ReplicaConfigs.openSink(newSink));
                }
            }
            boolean changed = !newSink.equals(cf.sinkUri) || !newConfig.equals(old) || newTarget != cf.targetTs;
            // The new server has no such refusal: an identical update answers 200.
            if (!newArch && !changed) {
                throw updateRefused("changefeed update error: changefeed config is the same with the old one, do"
                        + " nothing");
            }
            cf.targetTs = newTarget;
            cf.sinkUri = newSink;
            cf.config = newConfig;
            Timeline.View after = Cluster.view(s, cf, now);
            return Reply.json(200, newArch ? json.newInfo(s, cf, after, newConfig, true)
                    : json.info(s, cf, after, true, newConfig, false, now));
        });
    }

    /**
     * DELETE /changefeeds/{id}: {@code deleteChangefeed}; idempotent. The real server answers only once the
     * changefeed is gone, which here is at once.
     */
    Reply deleteChangefeed(Request r) {
        String id = r.id("changefeed_id");
        ChangefeedRecord removed = cluster.store.write(s -> s.changefeeds.remove(ClusterState.key(r.namespace(), id)));
        // ticdc api/v2/changefeed.go DeleteChangefeed answers a missing changefeed with a JSON null
        return removed == null && cluster.dialect.isNew() ? Reply.json(200, NullNode.getInstance()) : Reply.ok();
    }

    /** POST /changefeeds/{id}/resume: {@code resumeChangefeed}, checks of {@code verifyResumeChangefeedConfig}. */
    Reply resumeChangefeed(Request r) {
        String id = r.id("changefeed_id");
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            ChangefeedRecord cf = Cluster.loadedChangefeed(s, r.namespace(), id, now);
            // The new server treats an empty body as {} and unmarshals any other (ticdc api/v2/changefeed.go
            // ResumeChangefeed); tiflow binds it into &cfg.
            String type = "v2.ResumeChangefeedConfig";
            JsonNode body = !cluster.dialect.isNew() ? r.jsonBodyViaPointer(type)
                    : r.body.length == 0 ? NullNode.getInstance() : r.unmarshalledBody(type);
            if (cluster.dialect.isNew()) {
                Keyspaces.requireEnabled(s, r.namespace());
                if (Cluster.view(s, cf, now).running()) {
                    return Reply.ok(); // v8.5.5 to v8.5.7 answer a resume of a running changefeed as done
                }
            }
            long overwrite = Fields.uint64(body, "overwrite_checkpoint_ts", "ResumeChangefeedConfig");
            long checkpoint = overwrite != 0 ? overwrite : Cluster.view(s, cf, now).checkpointTs();
            requireSafeStart(s, now, Cluster.nextTso(s, now), checkpoint, "checkpoint-ts");
            Event e = Event.of("resume", now);
            e.overwriteTs = overwrite == 0 ? null : overwrite;
            Cluster.record(s, cf, e);
            return Reply.ok();
        });
    }

    /** POST /changefeeds/{id}/pause: {@code pauseChangefeed}. */
    Reply pauseChangefeed(Request r) {
        String id = r.id("changefeed_id");
        return cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.record(s, Cluster.loadedChangefeed(s, r.namespace(), id, now), Event.of("pause", now));
            return Reply.ok();
        });
    }

    /** Table eligibility, as cdc/api/v2/api_helpers.go {@code getVerifiedTables} reports it. */
    private static void checkEligible(ClusterState s, JsonNode config) {
        boolean ignore = config.path("force_replicate").asBoolean() || config.path("ignore_ineligible_table")
                .asBoolean();
        if (!s.faults.ineligibleTables.isEmpty() && !ignore) {
            throw new ApiError(400, "CDC:ErrTableIneligible", "some tables are not eligible to replicate("
                    + s.faults.ineligibleTables + "), if you want to ignore these tables, please set"
                    + " ignore_ineligible_table to true");
        }
    }

    private static void requireSinkUri(String sinkUri) {
        if (sinkUri.isEmpty()) {
            throw ApiError.sinkUriInvalid("sink_uri is empty, cannot create a changefeed without sink_uri");
        }
    }

    /**
     * Where create and resume let a changefeed start (cdc/api/v2/api_helpers.go): not after the current TSO, and
     * after the GC safepoint (pkg/txnutil/gc/gc_service.go EnsureChangefeedStartTsSafety).
     */
    private static void requireSafeStart(ClusterState s, long now, long tso, long ts, String what) {
        requireNotAfterTso(tso, ts, what);
        requireAfterGc(s, ts, now);
    }

    /** TSOs are uint64, so one of 2^63 or more is later than any. */
    private static void requireNotAfterTso(long tso, long ts, String what) {
        if (Long.compareUnsigned(ts, tso) > 0) {
            throw ApiError.invalidParam("invalid " + what + " " + Long.toUnsignedString(ts)
                    + ", larger than current tso " + tso);
        }
    }

    private static void requireAfterGc(ClusterState s, long ts, long now) {
        long gc = Cluster.gcSafepoint(s, now);
        if (ts <= gc) {
            throw startTsBeforeGc(ts, gc);
        }
    }

    private static ApiError startTsBeforeGc(long ts, long gc) {
        return new ApiError(400, "CDC:ErrStartTsBeforeGC", "fail to create or maintain changefeed because start-ts "
                + ts + " is earlier than or equal to GC safepoint at " + gc);
    }

    /** An update wraps validation errors in ErrChangefeedUpdateRefused (GenWithStackByCause): they are 400s. */
    private static void refusedAsUpdate(Runnable check) {
        try {
            check.run();
        } catch (ApiError e) {
            throw updateRefused("changefeed update error: " + e.errorMessage());
        }
    }

    private static ApiError updateRefused(String message) {
        return new ApiError(400, "CDC:ErrChangefeedUpdateRefused", message);
    }
}
