package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new server's table scheduling over a changefeed's spans: which capture runs each dispatcher, changed by
 * move_table, move_split_table, split_table_by_region_count and merge_table, read by tables and
 * get_dispatcher_count (ticdc api/v2/changefeed.go MoveTable..getDispatcherCount and
 * maintainer/maintainer_controller_helper.go). Every capture answers alike: the real one proxies to the maintainer.
 */
final class TableScheduling {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How many spans split_table_by_region_count cuts a table into; the region count is not simulated. */
    static final int SPLIT_INTO = 3;

    private final Cluster cluster;

    TableScheduling(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Places a new changefeed: a maintainer, the DDL span (table 0) on it, the tables round-robin over the captures
     * that take new work.
     */
    static void place(ClusterState s, ChangefeedRecord cf) {
        List<String> captures = schedulable(s);
        int n = captures.size();
        int first = Math.floorMod(cf.id.hashCode(), n);
        cf.maintainer = captures.get(first);
        cf.spans.clear();
        cf.spans.add(Span.of(0, cf.maintainer));
        List<Long> tables = Cluster.tables(cf);
        for (int i = 0; i < tables.size(); i++) {
            cf.spans.add(Span.of(tables.get(i), captures.get((first + i + 1) % n)));
        }
    }

    /** A drained capture hands its spans and maintainers to the others; answers how many spans it held. */
    static int drain(ClusterState s, String capture) {
        List<String> others = new ArrayList<>(schedulable(s));
        others.remove(capture);
        if (others.isEmpty()) {
            return 0; // nowhere to go: ticdc's drain scheduler waits for a destination
        }
        int held = 0;
        int next = 0;
        for (ChangefeedRecord cf : s.changefeeds.values()) {
            if (capture.equals(cf.maintainer)) {
                cf.maintainer = others.get(next++ % others.size());
            }
            for (Span span : cf.spans) {
                if (capture.equals(span.node)) {
                    held++;
                    span.node = others.get(next++ % others.size());
                }
            }
        }
        return held;
    }

    /**
     * The captures new work goes to: not draining or stopping (ticdc v8.5.7 coordinator/scheduler/drain_liveness.go
     * filterSchedulableNodeIDs for maintainers, maintainer/scheduler/drain_common.go filterNodeIDsByDrainTarget for
     * dispatchers). All of them when every one drains, as the sandbox leaves no work unplaced.
     */
    private static List<String> schedulable(ClusterState s) {
        List<String> taking = s.captures.stream().filter(c -> !s.drains.containsKey(c)).toList();
        return taking.isEmpty() ? s.captures : taking;
    }

    /**
     * move_table and move_split_table check only that the target is a live member (checkParams), so a draining or
     * stopping target is accepted and the move done; its drain then moves the spans off again, at once here.
     */
    private static void moveTo(ClusterState s, List<Span> spans, String target) {
        spans.forEach(span -> span.node = target);
        if (s.drains.containsKey(target)) {
            drain(s, target);
        }
    }

    Reply moveTable(Request r) {
        String target = r.query("targetNodeID");
        String wait = r.query("wait");
        if (!wait.isEmpty() && !wait.matches("1|t|T|TRUE|true|True|0|f|F|FALSE|false|False")) {
            throw ApiError.plain("strconv.ParseBool: parsing " + GoJson.quote(wait) + ": invalid syntax");
        }
        return operate(r, (s, cf, table) -> {
            checkParams(s, cf, table, target);
            List<Span> spans = spansOf(cf, table);
            if (spans.size() != 1) {
                throw new ApiError(500, "CDC:ErrTableIsNotFounded", "table is not found%!(EXTRA string=unexpected"
                        + " number of replications found for table in this node; tableID is %s, replication count is"
                        + " %s, int64=" + table + ", int=" + spans.size() + ")");
            }
            moveTo(s, spans, target);
        });
    }

    Reply moveSplitTable(Request r) {
        String target = r.query("targetNodeID");
        return operate(r, (s, cf, table) -> {
            checkParams(s, cf, table, target);
            moveTo(s, spansOf(cf, table), target);
        });
    }

    Reply splitTable(Request r) {
        return operate(r, (s, cf, table) -> {
            checkTable(cf, table);
            List<Span> spans = spansOf(cf, table);
            if (spans.size() > 1) {
                return; // already split: nothing to do
            }
            int at = cf.spans.indexOf(spans.get(0));
            List<String> captures = schedulable(s);
            int node = Math.max(0, captures.indexOf(spans.get(0).node));
            for (int i = 1; i < SPLIT_INTO; i++) {
                cf.spans.add(at + i, Span.of(table, captures.get((node + i) % captures.size())));
            }
        });
    }

    Reply mergeTable(Request r) {
        return operate(r, (s, cf, table) -> {
            checkTable(cf, table);
            List<Span> spans = spansOf(cf, table);
            if (spans.size() > 1) {
                cf.spans.remove(spans.get(1)); // two adjacent spans become one, on the first one's capture
            }
        });
    }

    Reply dispatcherCount(Request r) {
        return read(r, (s, cf, redo) -> JSON.objectNode().put("count", redo ? 0 : cf.spans.size()));
    }

    Reply listTables(Request r) {
        return read(r, (s, cf, redo) -> {
            Map<String, ArrayNode> byNode = new LinkedHashMap<>();
            if (!redo) {
                for (Span span : cf.spans) {
                    byNode.computeIfAbsent(span.node, n -> JSON.arrayNode()).add(span.tableId);
                }
            }
            ObjectNode body = JSON.objectNode().put("total", byNode.size());
            ArrayNode items = body.putArray("items");
            byNode.forEach((node, ids) -> items.addObject().put("node_id", node).set("table_ids", ids));
            return body;
        });
    }

    private interface Operation {
        void apply(ClusterState s, ChangefeedRecord cf, long table);
    }

    private interface Reader {
        ObjectNode read(ClusterState s, ChangefeedRecord cf, boolean redoWithoutRedo);
    }

    /** The common flow: tableID, the changefeed ID, its maintainer, then the operation; redo without redo: no-op. */
    private Reply operate(Request r, Operation op) {
        long table = tableId(r);
        String id = r.id("changefeed_id");
        boolean split = r.path.endsWith("/split_table_by_region_count");
        return cluster.store.write(s -> {
            long now = cluster.now();
            ChangefeedRecord cf = s.changefeeds.get(ClusterState.key(r.namespace(), id));
            if (split && cf == null) {
                return Reply.text(500, ""); // the handler dereferences the missing changefeed: gin's recovery
            }
            if (split && !cf.config.path("scheduler").path("enable_table_across_nodes").asBoolean()) {
                throw ApiError.invalidParam("enable_table_across_nodes should be true when spliting one table to"
                        + " multiple spans");
            }
            requireMaintainer(s, cf, id, now);
            if (!redoIgnored(r, cf)) {
                op.apply(s, cf, table);
            }
            return Reply.ok();
        });
    }

    private Reply read(Request r, Reader reader) {
        String id = r.id("changefeed_id");
        return cluster.store.read(s -> {
            ChangefeedRecord cf = s.changefeeds.get(ClusterState.key(r.namespace(), id));
            requireMaintainer(s, cf, id, cluster.now());
            return Reply.json(200, reader.read(s, cf, redoIgnored(r, cf)));
        });
    }

    private static void requireMaintainer(ClusterState s, ChangefeedRecord cf, String id, long now) {
        if (cf == null || !ChangefeedJson.hasMaintainer(Cluster.view(s, cf, now))) {
            // sic: ticdc api/v2/changefeed.go writes "Can't not", as a plain error
            throw ApiError.plain("Can't not find maintainer for changefeed: " + id);
        }
    }

    /** {@code mode=1} asks for the redo spans, which a changefeed without redo does not have. */
    private static boolean redoIgnored(Request r, ChangefeedRecord cf) {
        boolean redoMode = r.query("mode").equals("1");
        String level = cf.config.path("consistent").path("level").asText("none");
        return redoMode && (level.isEmpty() || level.equals("none"));
    }

    private static long tableId(Request r) {
        String given = r.query("tableID");
        try {
            return Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw ApiError.plain("strconv.ParseInt: parsing " + GoJson.quote(given) + ": invalid syntax");
        }
    }

    /** maintainer_controller_helper.go checkParams: the table, then the target node. */
    private static void checkParams(ClusterState s, ChangefeedRecord cf, long table, String target) {
        checkTable(cf, table);
        if (!s.captures.contains(target)) {
            throw new ApiError(500, "CDC:ErrNodeIsNotFound", "node is not found%!(EXTRA string=targetNode, node.ID="
                    + target + ")");
        }
    }

    private static void checkTable(ChangefeedRecord cf, long table) {
        if (spansOf(cf, table).isEmpty()) {
            throw new ApiError(500, "CDC:ErrTableIsNotFounded", "table is not found%!(EXTRA string=tableID, int64="
                    + table + ")");
        }
        if (table == 0) {
            throw new ApiError(500, "CDC:ErrTableNotSupportMove", "table is not supported to move%!(EXTRA"
                    + " string=tableID, int64=0)");
        }
    }

    private static List<Span> spansOf(ChangefeedRecord cf, long table) {
        return cf.spans.stream().filter(span -> span.tableId == table).toList();
    }
}
