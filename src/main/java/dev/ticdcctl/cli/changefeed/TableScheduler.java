package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CaptureRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.client.ServerDialect;
import dev.ticdcctl.client.TableRoutes;
import dev.ticdcctl.client.UnexpectedResponseException;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.NodeTableInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the table-scheduling commands share: the new-architecture check before any table route, the target capture,
 * and the server's failures as messages that say what to do (ticdc api/v2/changefeed.go MoveTable..MergeTable and
 * maintainer/maintainer_controller_helper.go name the errors).
 */
final class TableScheduler {
    @FunctionalInterface
    interface Call<T> {
        T run() throws InterruptedException;
    }

    private final ClusterAccess cluster;
    private final String id;
    private final TableRoutes routes;

    private TableScheduler(ClusterAccess cluster, String id) {
        this.cluster = cluster;
        this.id = id;
        this.routes = cluster.client().tableRoutes(id);
    }

    /** For {@code command}; refuses a classic server before any table route is requested. */
    static TableScheduler open(ClusterAccess cluster, String id, String command) throws InterruptedException {
        TableScheduler scheduler = new TableScheduler(cluster, id);
        // The shared detection asks GET .../meta_info at most once per server and cache period; nothing else is sent.
        if (cluster.client().dialect().arch() == ServerDialect.Arch.CLASSIC) {
            throw new CliException.Refused("'changefeed " + command + "' needs TiCDC's new architecture (v8.5.4 or"
                    + " newer, started with --newarch); " + cluster.name() + " runs the classic one, nothing was"
                    + " changed", "the classic architecture schedules tables itself; 'ticdcctl capture drain'"
                    + " moves every table off one capture");
        }
        return scheduler;
    }

    TableRoutes routes() {
        return routes;
    }

    /** The capture a table goes to, given by its ID or address. */
    CaptureRef.Target target(String node) throws InterruptedException {
        return CaptureRef.resolve(cluster, node);
    }

    /** Capture ID → address, for naming the nodes the table routes give by ID. */
    Map<String, String> addresses() throws InterruptedException {
        Map<String, String> addresses = new HashMap<>();
        for (Capture c : cluster.client().listCaptures().value().items()) {
            addresses.putIfAbsent(c.id(), c.address() == null ? c.id() : c.address());
        }
        return addresses;
    }

    /** The nodes whose spans include {@code table}, one entry per span. */
    static List<String> nodesOf(List<NodeTableInfo> nodes, long table) {
        return nodes.stream().flatMap(n -> n.tableIds().stream().filter(t -> t == table).map(t -> n.nodeId()))
                .toList();
    }

    /** Runs a read or an operation on table {@code table}, turning the server's refusals into clear failures. */
    <T> T run(long table, String node, Call<T> call) throws InterruptedException {
        try {
            return call.run();
        } catch (ApiException e) {
            throw translate(e, table, node);
        } catch (UnexpectedResponseException e) {
            // split_table_by_region_count answers an absent changefeed with an empty 500
            requireChangefeed();
            throw e;
        }
    }

    private RuntimeException translate(ApiException e, long table, String node) throws InterruptedException {
        String tables = "see its tables with 'ticdcctl changefeed tables " + id + "'";
        String message = e.getMessage();
        return switch (e.errorCode()) {
            case "CDC:ErrTableIsNotFounded" -> message.contains("replication count")
                    ? new CliException.Refused("table " + table + " of changefeed \"" + id + "\" is split into"
                            + " several spans: move it with 'ticdcctl changefeed move-split-table'", tables)
                    : new CliException.NotFound("changefeed \"" + id + "\" replicates no table " + table, tables);
            case "CDC:ErrNodeIsNotFound" -> new CliException.NotFound("no live capture '" + node + "' runs"
                    + " changefeed \"" + id + "\"", "see the captures with 'ticdcctl capture list'");
            case "CDC:ErrTableNotSupportMove" -> new CliException.Refused("the server cannot move, split or merge"
                    + " table " + table + " (" + message + ")", tables);
            case "CDC:ErrOperatorIsNil" -> new CliException.Failed("the maintainer of changefeed \"" + id + "\" is"
                    + " busy with another operation on table " + table, "try again shortly");
            case "CDC:ErrTimeout" -> new CliException.WaitTimedOut("the server did not finish the operation on"
                    + " table " + table + " of changefeed \"" + id + "\" in time", "it may still finish; " + tables);
            case "CDC:ErrMaintainerNotFounded" -> new CliException.Failed("the maintainer of changefeed \"" + id
                    + "\" is not running yet (" + message + ")", "try again shortly");
            default -> message.contains("enable_table_across_nodes")
                    ? new CliException.Refused("changefeed \"" + id + "\" does not split tables across nodes",
                            "set scheduler.enable_table_across_nodes = true in its configuration"
                                    + " ('ticdcctl changefeed update " + id + " --config FILE'), then split")
                    : message.startsWith("Can't not find maintainer") ? noMaintainer(e) : e;
        };
    }

    /** ticdc answers "Can't not find maintainer" (sic) both for an absent changefeed and one that is not running. */
    private RuntimeException noMaintainer(ApiException e) throws InterruptedException {
        ChangefeedDetail cf = requireChangefeed();
        return new CliException.Refused("changefeed \"" + id + "\" has no maintainer"
                + (cf.state() == null ? "" : ": it is " + cf.state()), "tables are scheduled only while a changefeed"
                + " runs; resume it with 'ticdcctl changefeed resume " + id + "'");
    }

    private ChangefeedDetail requireChangefeed() throws InterruptedException {
        try {
            return cluster.client().getChangefeed(cluster.namespace(), id).value();
        } catch (NotFoundException e) {
            throw new CliException.NotFound("changefeed \"" + id + "\" does not exist",
                    "'ticdcctl changefeed list --all' lists the changefeeds");
        }
    }
}
