package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import java.util.List;

/**
 * The routes of captures, their processors and the owner: tiflow cdc/api/v2/capture.go, processor.go and owner.go.
 */
final class CaptureRoutes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Cluster cluster;

    CaptureRoutes(Cluster cluster) {
        this.cluster = cluster;
    }

    /** POST /captures/{id}/drain: capture.go {@code drainCapture}. */
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

    /** GET /captures: capture.go {@code listCaptures}. */
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

    /** GET /processors/{changefeed_id}/{capture_id}: processor.go {@code getProcessor}. */
    Reply getProcessor(Request r) {
        String changefeedId = r.id("changefeed_id");
        String captureId = r.id("capture_id");
        return cluster.store.read(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = Cluster.loadedChangefeed(s, r.namespace(), changefeedId, now);
            Timeline.View v = Cluster.view(s, cf, now);
            if (!v.running()) {
                // "can'duration" is in TiCDC's own message.
                throw ApiError.invalidParam("invalid api parameter: changefeed in abnormal state: " + v.state()
                        + ", can'duration get processor of an abnormal changefeed");
            }
            // The capture must run a processor of some changefeed (GetProcessors lists them all); one that runs
            // none of this changefeed's tables has no task status for it, and the detail is null.
            boolean hostsProcessors = s.changefeeds.values().stream().anyMatch(other -> Cluster.view(s, other, now)
                    .running() && Cluster.placement(s, other, now).containsKey(captureId));
            if (!hostsProcessors) {
                throw new ApiError(400, "CDC:ErrCaptureNotExist", "capture not exists, " + captureId);
            }
            List<Long> held = Cluster.placement(s, cf, now).get(captureId);
            if (held == null) {
                return Reply.json(200, JSON.objectNode().putNull("table_ids"));
            }
            ArrayNode ids = JSON.arrayNode();
            held.forEach(ids::add);
            return Reply.json(200, JSON.objectNode().set("table_ids", ids));
        });
    }

    /** GET /processors: processor.go {@code listProcessors}. */
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

    /**
     * POST /owner/resign: owner.go {@code resignOwner}. The owner steps down; the next capture wins the election
     * one tick later. With transient windows the election takes a few ticks, during which the old owner answers
     * {@code CDC:ErrOwnerNotFound}, and a lone capture resigns too, to be elected again.
     */
    Reply resignOwner(Request r) {
        cluster.store.write(s -> {
            long now = cluster.now();
            Cluster.settle(s, now);
            if ((s.captures.size() > 1 || cluster.windows) && s.nextOwner == null) {
                int at = s.captures.indexOf(s.owner);
                s.nextOwner = s.captures.get((at + 1) % s.captures.size());
                s.electedAt = now + s.tickMillis * (cluster.windows ? Cluster.WINDOW_TICKS : 1);
            }
            return null;
        });
        return Reply.ok();
    }
}
