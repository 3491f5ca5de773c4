package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.TableRoutes;
import picocli.CommandLine.Command;

@Command(name = "merge-table",
        description = {"Merge two adjacent spans of a split table into one (new architecture only).",
            "The server moves one span next to the other first if needed; a table of one span stays as it is. Run it"
                + " again to merge further. Asks for confirmation on a terminal; needs --yes otherwise. A classic"
                + " server refuses before anything is sent."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed merge-table orders --table-id 101"})
final class MergeTableCommand extends TableOperationCommand {
    MergeTableCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations) {
        super(cluster, printing, confirmations, new Wording("merge-table", "merge two spans of", "merged"));
    }

    @Override
    void operate(TableRoutes routes, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException {
        routes.mergeTable(tableId, mode);
    }
}
