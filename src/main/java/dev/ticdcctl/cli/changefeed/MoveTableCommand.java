package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.TableRoutes;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "move-table",
        description = {"Move a table of a changefeed to another capture (new architecture only).",
            "The target is a capture's ID or address, as 'capture list' shows them. Asks for confirmation on a"
                + " terminal; needs --yes otherwise. Waits until 'changefeed tables' shows the table on the target"
                + " (bounded by --timeout, 60s by default); --no-wait returns once the server scheduled the move.",
            "A table split into several spans moves with 'changefeed move-split-table'. The spelling of cdc cli"
                + " (-c ID -t TABLE -d NODE) works too. A classic server refuses before anything is sent."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed move-table orders --table-id 101 \\",
            "      --target-node-id 10.0.1.12:8300",
            "  # by capture ID, without waiting, in a script",
            "  ticdcctl changefeed move-table -c orders -t 101 \\",
            "      -d 6a3c8f2e-3b1d-4a52-9a53-0f1e2d3c4b5a --no-wait --yes"})
final class MoveTableCommand extends TableOperationCommand {
    @Mixin
    TargetNode target;

    @Option(names = "--no-wait", description = "Return once the server scheduled the move.")
    boolean noWait;

    @Option(names = "--wait", arity = "0..1", hidden = true, description = "cdc cli's --wait=false is --no-wait.")
    Boolean wait;

    private final Waiting waiting;

    MoveTableCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        super(cluster, printing, confirmations, new Wording("move-table", "move", "moved"));
        this.waiting = waiting;
    }

    @Override
    String targetNode() {
        return target.node;
    }

    private boolean waits() {
        return !noWait && (wait == null || wait);
    }

    /**
     * The server would wait up to 30 x 2 s (ticdc api/v2/changefeed.go MoveTable), past the request timeout; so it is
     * asked not to, and this command polls the tables route instead, within --timeout.
     */
    @Override
    void operate(TableRoutes routes, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException {
        routes.moveTable(tableId, targetId, mode, false);
    }

    @Override
    boolean await(TableScheduler scheduler, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException {
        if (!waits()) {
            return false;
        }
        AtomicReference<List<String>> seen = new AtomicReference<>();
        waiting.waiter().until(waiting.waitTimeout(), new Waiter.Goal("table " + tableId + " on " + targetId,
                () -> seen.get() == null ? null : "on " + String.join(", ", seen.get())), () -> {
                    List<String> nodes = TableScheduler.nodesOf(
                            scheduler.run(tableId, targetId, () -> scheduler.routes().tables(mode)).value().items(),
                            tableId);
                    seen.set(nodes);
                    // a redo move on a changefeed without redo lists nothing: the server did nothing to wait for
                    return nodes.stream().allMatch(targetId::equals) ? Boolean.TRUE : null;
                }, () -> "table " + tableId + " is not on " + targetId + " yet" + (seen.get() == null ? ""
                        : ": it runs on " + String.join(", ", seen.get())));
        return true;
    }
}
