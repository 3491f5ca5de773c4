package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import java.math.BigInteger;
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
     * omitempty does. {@code tasks}: GET and meta_info pass the processors' task status (filled while normal);
     * create and update pass none ({@code createChangefeed}, {@code updateChangefeed}).
     */
    ObjectNode info(ClusterState s, ChangefeedRecord cf, Timeline.View v, boolean masked, JsonNode config,
            boolean tasks, long now) {
        if (s.dialect().isNew()) {
            return newInfo(s, cf, v, config, true);
        }
        ObjectNode info = JSON.objectNode()
                .put("upstream_id", s.upstreamId)
                .put("namespace", cf.namespace)
                .put("id", cf.id)
                .put("sink_uri", masked ? SinkUriMask.mask(cf.sinkUri) : cf.sinkUri)
                .put("create_time", GoJson.rfc3339Nano(cf.createdAt, cf.createdNanos, cluster.zone()));
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
        if (tasks && ChangefeedState.NORMAL.is(v.state())) {
            ArrayNode taskStatus = info.putArray("task_status");
            for (Map.Entry<String, List<Long>> placed : Cluster.placement(s, cf, now).entrySet()) {
                ObjectNode task = taskStatus.addObject().put("capture_id", placed.getKey());
                placed.getValue().forEach(task.putArray("table_ids")::add);
            }
        }
        return info;
    }

    /**
     * ChangefeedCommonInfo of a changefeed the owner has loaded: every key present; the display state of its
     * {@code MarshalJSON} (pending shows as warning); the error, or else the warning.
     */
    ObjectNode listItem(ClusterState s, ChangefeedRecord cf, Timeline.View v) {
        if (s.dialect().isNew()) {
            return newListItem(s, cf, v);
        }
        String display = ChangefeedState.PENDING.is(v.state()) ? ChangefeedState.WARNING.wire() : v.state();
        ObjectNode item = JSON.objectNode()
                .put("upstream_id", s.upstreamId)
                .put("namespace", cf.namespace)
                .put("id", cf.id)
                .put("state", display)
                .put("checkpoint_tso", v.checkpointTs())
                .put("checkpoint_time", GoJson.serverTime(Timeline.physical(v.checkpointTs()), cluster.zone()));
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
            node.put("time", GoJson.rfc3339Nano(p.at(), p.nanos(), cluster.zone()));
        }
        return node.put("addr", cluster.address(Cluster.owner(s, now))).put("code", p.code())
                .put("message", p.message());
    }

    /**
     * The new server's ChangeFeedInfo (ticdc api/v2/model.go ChangeFeedInfo, api/v2/changefeed.go GetChangeFeed):
     * {@code keyspace} after {@code id}, no {@code admin_job_type} or {@code task_status}, the error with a zero
     * time, {@code resolved_ts} equal to the checkpoint, the GID as two unsigned halves and the maintainer's address
     * once it is scheduled (never in the create reply: {@code scheduled} false).
     */
    ObjectNode newInfo(ClusterState s, ChangefeedRecord cf, Timeline.View v, JsonNode config, boolean scheduled) {
        ObjectNode info = JSON.objectNode()
                .put("upstream_id", s.upstreamId)
                .put("id", cf.id)
                .put("keyspace", cf.namespace)
                .put("sink_uri", SinkUriMask.mask(cf.sinkUri))
                .put("create_time", GoJson.rfc3339Nano(cf.createdAt, cf.createdNanos, cluster.zone()));
        putNonZero(info, "start_ts", v.startTs());
        putNonZero(info, "target_ts", cf.targetTs);
        info.set("config", config);
        info.put("state", v.state());
        Timeline.Problem shown = v.error() != null ? v.error() : v.warning();
        if (shown != null && ChangefeedState.matches(v.state(), ChangefeedState::hasError)) {
            info.set("error", newProblem(cf, shown, false));
        }
        info.put("creator_version", cf.creatorVersion)
                .put("resolved_ts", v.checkpointTs())
                .put("checkpoint_ts", v.checkpointTs())
                .put("checkpoint_time", GoJson.serverTime(Timeline.physical(v.checkpointTs()), cluster.zone()));
        info.set("gid", JSON.objectNode().put("low", unsigned(cf.gidLow)).put("high", unsigned(cf.gidHigh)));
        if (scheduled && hasMaintainer(v)) {
            info.put("maintainer_addr", cluster.address(cf.maintainer));
        }
        return info;
    }

    /** A maintainer runs while the changefeed replicates; pausing, failing or finishing stops it. */
    static boolean hasMaintainer(Timeline.View v) {
        return v.visible() && v.running();
    }

    /** ChangefeedCommonInfo of ticdc api/v2/model.go: the error, else the warning, whatever the state. */
    private ObjectNode newListItem(ClusterState s, ChangefeedRecord cf, Timeline.View v) {
        ObjectNode item = JSON.objectNode()
                .put("upstream_id", s.upstreamId)
                .put("id", cf.id)
                .put("keyspace", cf.namespace)
                .put("state", ChangefeedState.PENDING.is(v.state()) ? ChangefeedState.WARNING.wire() : v.state())
                .put("checkpoint_tso", v.checkpointTs())
                .put("checkpoint_time", GoJson.serverTime(Timeline.physical(v.checkpointTs()), cluster.zone()));
        Timeline.Problem shown = v.error() != null ? v.error() : v.warning();
        if (shown != null) {
            item.set("error", newProblem(cf, shown, true));
        } else {
            item.putNull("error");
        }
        return item;
    }

    /**
     * The new server's RunningError, as the changefeed's maintainer reported it; GET copies it without its time,
     * which Go then writes as the zero time (ticdc api/v2/changefeed.go CfInfoToAPIModel).
     */
    ObjectNode newProblem(ChangefeedRecord cf, Timeline.Problem p, boolean withTime) {
        return JSON.objectNode().put("time", withTime ? GoJson.rfc3339Nano(p.at(), p.nanos(), cluster.zone())
                : GoJson.ZERO_TIME)
                .put("addr", cluster.address(cf.maintainer)).put("code", p.code()).put("message", p.message());
    }

    static BigInteger unsigned(long half) {
        return new BigInteger(Long.toUnsignedString(half));
    }

    /** A uint64 held in a long (a target-ts may be 2^63 or more), omitted when zero as Go's omitempty does. */
    private static void putNonZero(ObjectNode node, String name, long value) {
        if (value != 0) {
            node.put(name, unsigned(value));
        }
    }
}
