package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import java.util.Comparator;
import java.util.List;

/**
 * The routes that read changefeeds without changing them: list, get, meta_info, status, synced and verify_table, as
 * tiflow cdc/api/v2/changefeed.go handles them.
 */
final class ChangefeedQueryRoutes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The states a list without {@code ?state=} shows. */

    private final Cluster cluster;
    private final ChangefeedJson json;

    ChangefeedQueryRoutes(Cluster cluster) {
        this.cluster = cluster;
        this.json = new ChangefeedJson(cluster);
    }

    /** GET /changefeeds: {@code listChangeFeeds}. */
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
                        // One the owner has not loaded yet is not listed: the list and GET both ask the owner's
                        // changefeeds (cdc/owner/owner.go handleQueries), so they agree.
                        boolean listed = v.visible() && (filter.isEmpty()
                                ? ChangefeedState.matches(internal, ChangefeedState::isListedByDefault)
                                : filter.equals("all") || filter.equals(internal));
                        if (listed) {
                            items.add(json.listItem(s, cf, v));
                        }
                    });
            return Reply.json(200, JSON.objectNode().put("total", items.size()).set("items", items));
        });
    }

    /**
     * GET /changefeeds/{id} ({@code getChangeFeed}, sink URI masked) and /changefeeds/{id}/meta_info
     * ({@code getChangeFeedMetaInfo}, unmasked).
     */
    Reply getChangefeed(Request r, boolean masked) {
        String id = r.id("changefeed_id");
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = Cluster.loadedChangefeed(s, r.namespace(), id, now);
            if (cluster.dialect.isNew()) {
                // ticdc api/v2/changefeed.go GetChangeFeed prunes nothing from the config
                return Reply.json(200, json.newInfo(s, cf, Cluster.view(s, cf, now), cf.config, true));
            }
            return Reply.json(200, json.info(s, cf, Cluster.view(s, cf, now), masked,
                    ReplicaConfigs.pruneForSink(cf.config, cf.sinkUri), true, now));
        });
    }

    /** GET /changefeeds/{id}/status: {@code status}. */
    Reply changefeedStatus(Request r) {
        String id = r.id("changefeed_id");
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = Cluster.loadedChangefeed(s, r.namespace(), id, now);
            Timeline.View v = Cluster.view(s, cf, now);
            ObjectNode body = JSON.objectNode();
            if (!v.state().isEmpty()) {
                body.put("state", v.state());
            }
            boolean newArch = cluster.dialect.isNew();
            // ticdc api/v2/changefeed.go status: resolved is the checkpoint; its one problem is the last error while
            // failed and the last warning while warning. tiflow's resolved is 0 unless it runs.
            body.put("resolved_ts", newArch ? v.checkpointTs() : v.resolvedTs()).put("checkpoint_ts", v.checkpointTs());
            long checkpointMillis = Timeline.physical(v.checkpointTs());
            // Shown only while newer than the checkpoint: an old error is history, not the current problem.
            if (newArch) {
                // the changefeed's one error, as last_error when failed and as last_warning when warning
                Timeline.Problem shown = v.error() != null ? v.error() : v.warning();
                String field = ChangefeedState.FAILED.is(v.state()) ? "last_error"
                        : ChangefeedState.WARNING.is(v.state()) ? "last_warning" : null;
                if (field != null && shown != null && shown.at() > checkpointMillis) {
                    body.set(field, json.newProblem(cf, shown, true));
                }
                return Reply.json(200, body);
            }
            if (v.error() != null && v.error().at() > checkpointMillis) {
                body.set("last_error", json.problem(s, v.error(), true, now));
            }
            if (v.warning() != null && v.warning().at() > checkpointMillis) {
                body.set("last_warning", json.problem(s, v.warning(), true, now));
            }
            return Reply.json(200, body);
        });
    }

    /** GET /changefeeds/{id}/synced: {@code synced}. */
    Reply changefeedSynced(Request r) {
        String id = r.id("changefeed_id");
        JsonNode body = r.body.length > 0 ? r.jsonBody("v2.ChangefeedConfig") : null;
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = Cluster.loadedChangefeed(s, r.namespace(), id, now);
            Timeline.View v = Cluster.view(s, cf, now);
            long checkInterval = syncedSetting(body, cf, "synced_check_interval", 300);
            long checkpointInterval = syncedSetting(body, cf, "checkpoint_interval", 15);
            long checkpoint = Timeline.physical(v.checkpointTs());
            // The puller's resolved TSO outlives the changefeed's, which is 0 once it stops
            long resolved = Timeline.physical(v.running() ? v.resolvedTs() : v.checkpointTs());
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

    /** POST /verify_table: {@code verifyTable}. */
    Reply verifyTable(Request r) {
        return verifyTable(r, false);
    }

    /**
     * verify_table, or the new server's get_all_tables ({@code allOnly}: no sink URI checks, each list omitted
     * when empty); the new server adds {@code all_tables} to both (ticdc api/v2/changefeed.go VerifyTable,
     * GetAllTables).
     */
    Reply verifyTable(Request r, boolean allOnly) {
        // tiflow binds into a *VerifyTableConfig; ticdc into the address of a *ChangefeedConfig
        JsonNode body = cluster.dialect.isNew() ? r.jsonBodyViaPointer("v2.ChangefeedConfig")
                : r.jsonBody("v2.VerifyTableConfig");
        String sinkUri = Fields.string(body, "sink_uri", "VerifyTableConfig");
        Fields.uint64(body, "start_ts", "VerifyTableConfig");
        JsonNode given = Fields.get(body, "replica_config");
        // ToInternalReplicaConfig dereferences a null config: tiflow after parsing the sink URI, ticdc before
        boolean nullConfig = given != null && given.isNull();
        if (nullConfig && cluster.dialect.isNew()) {
            throw ApiError.panic("\"replica_config\": null");
        }
        ObjectNode config = cluster.dialect.isNew() ? NewReplicaConfigs.forCreate(given)
                : ReplicaConfigs.mergeOverDefaults(given);
        if (!allOnly) {
            ReplicaConfigs.requireParsableSinkUri(sinkUri);
        }
        if (nullConfig) {
            throw ApiError.panic("\"replica_config\": null");
        }
        FilterRules.check(config, allOnly ? "" : sinkUri, cluster.dialect);
        return cluster.store.read(s -> {
            ObjectNode result = JSON.objectNode();
            ArrayNode ineligible = tableList(s.faults.ineligibleTables, 200);
            ArrayNode eligible = tableList(List.of("test.orders", "test.customers", "test.items"), 100);
            if (!ineligible.isEmpty()) {
                result.set("ineligible_tables", ineligible);
            }
            result.set("eligible_tables", eligible);
            if (cluster.dialect.isNew()) {
                ArrayNode all = result.putArray("all_tables");
                all.addAll(ineligible);
                all.addAll(eligible);
            }
            return Reply.json(200, result);
        });
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
}
