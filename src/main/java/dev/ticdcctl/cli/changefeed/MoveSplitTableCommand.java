package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.TableRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "move-split-table",
        description = {"Move every span of a split table to another capture (new architecture only).",
            "The target is a capture's ID or address. Asks for confirmation on a terminal; needs --yes otherwise."
                + " The server answers once the spans moved (it waits up to 30s). A classic server refuses before"
                + " anything is sent."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed move-split-table orders --table-id 101 \\",
            "      --target-node-id 10.0.1.12:8300"})
final class MoveSplitTableCommand extends TableOperationCommand {
    @Mixin
    TargetNode target;

    MoveSplitTableCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations) {
        super(cluster, printing, confirmations, new Wording("move-split-table", "move every span of", "moved"));
    }

    @Override
    String targetNode() {
        return target.node;
    }

    @Override
    void operate(TableRoutes routes, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException {
        routes.moveSplitTable(tableId, targetId, mode);
    }
}
