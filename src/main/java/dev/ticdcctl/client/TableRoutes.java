package dev.ticdcctl.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ticdcctl.model.DispatcherCount;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.model.NodeTableInfo;

/**
 * The table-scheduling routes of one changefeed, which only the new architecture has (ticdc api/v2/api.go
 * RegisterOpenAPIV2Routes; api/v2/changefeed.go MoveTable, MoveSplitTable, SplitTableByRegionCount, MergeTable,
 * getDispatcherCount, ListTables). The receiving node proxies them to the changefeed's maintainer. The keyspace goes
 * with them when one is set (a next-gen kernel requires it; the classic kernel defaults to {@code default}).
 */
public final class TableRoutes {
    /** Which spans an operation acts on: the sink's ({@code mode=0}) or the redo log's ({@code mode=1}). */
    public enum Mode {
        SINK, REDO;

        int value() {
            return ordinal();
        }
    }

    private static final Answer.Shape<ListResult<NodeTableInfo>> TABLES = Answer.Shape.object(
            "a list of tables per node", list -> TicdcClient.items(list, n -> n.nodeId() == null ? "node_id"
                    : n.tableIds() == null ? "table_ids" : null));
    private static final Answer.Shape<DispatcherCount> COUNT = Answer.Shape.object("a dispatcher count",
            c -> c.count() == null ? "no \"count\"" : null);

    private final TicdcClient client;
    private final String id;

    TableRoutes(TicdcClient client, String changefeedId) {
        this.client = client;
        this.id = changefeedId;
    }

    public ApiResult<ListResult<NodeTableInfo>> tables(Mode mode) throws InterruptedException {
        return client.typed(client.send("GET", route("/tables", mode), null), TABLES,
                new TypeReference<ListResult<NodeTableInfo>>() {});
    }

    public ApiResult<DispatcherCount> dispatcherCount(Mode mode) throws InterruptedException {
        return client.typed(client.send("GET", route("/get_dispatcher_count", mode), null), COUNT,
                DispatcherCount.class);
    }

    /** With {@code wait} the server answers once the move finished (it polls up to 30 × 2 s). */
    public void moveTable(long table, String targetNode, Mode mode, boolean wait) throws InterruptedException {
        client.call("POST", route("/move_table", mode) + "&tableID=" + table + "&targetNodeID="
                + TicdcClient.encode(targetNode) + "&wait=" + wait, null);
    }

    /** Moves every span of a split table; the server waits for it (up to 30 × 1 s). */
    public void moveSplitTable(long table, String targetNode, Mode mode) throws InterruptedException {
        client.call("POST", route("/move_split_table", mode) + "&tableID=" + table + "&targetNodeID="
                + TicdcClient.encode(targetNode), null);
    }

    /** Splits a one-span table by its region count; needs scheduler.enable_table_across_nodes on the changefeed. */
    public void splitTable(long table, Mode mode) throws InterruptedException {
        client.call("POST", route("/split_table_by_region_count", mode) + "&tableID=" + table, null);
    }

    /** Merges two adjacent spans of a split table into one. */
    public void mergeTable(long table, Mode mode) throws InterruptedException {
        client.call("POST", route("/merge_table", mode) + "&tableID=" + table, null);
    }

    private String route(String suffix, Mode mode) {
        return "/changefeeds/" + TicdcClient.encode(id) + suffix + "?mode=" + mode.value() + client.keyspace("&");
    }
}
