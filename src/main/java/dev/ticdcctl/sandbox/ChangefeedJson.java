package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import java.util.List;
import java.util.Map;

/**
 * The JSON the changefeed routes answer with, in the server's field order: tiflow cdc/api/v2/model.go
 * {@code ChangeFeedInfo}, {@code ChangefeedCommonInfo} and {@code RunningError}.
 */
final class ChangefeedJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Cluster cluster;

    ChangefeedJson(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * ChangeFeedInfo as tiflow cdc/api/v2/changefeed.go {@code toAPIModel} builds it, empty fields omitted as Go's
     * omitempty does.
     */
    ObjectNode info(ClusterState s, ChangefeedRecord cf, Timeline.View v, boolean masked, JsonNode config, long now) {
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

    /**
     * ChangefeedCommonInfo: every key present; the display state of its {@code MarshalJSON} (uninitialized shows as
     * normal, pending as warning); the error, or else the warning.
     */
    ObjectNode listItem(ClusterState s, ChangefeedRecord cf, Timeline.View v) {
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
        // tiflow cdc/api/v2/changefeed.go shouldShowRunningError: only the states that carry an error show it
        if (shown != null && ChangefeedState.matches(v.state(), ChangefeedState::hasError)) {
            item.set("error", problem(s, shown, true, cluster.now()));
        } else {
            item.putNull("error");
        }
        return item;
    }

    /** RunningError, reported by the owner's address; the time only where the route shows it. */
    ObjectNode problem(ClusterState s, Timeline.Problem p, boolean withTime, long now) {
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
