package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.TableRoutes;
import picocli.CommandLine.Command;

@Command(name = "split-table", aliases = "split-table-by-region-count",
        description = {"Split a table of a changefeed into spans by its region count (new architecture only).",
            "The server cuts the table into spans and spreads them over the captures; a table already split stays"
                + " as it is. Needs scheduler.enable_table_across_nodes = true in the changefeed's configuration."
                + " Asks for confirmation on a terminal; needs --yes otherwise. The server answers once it is split"
                + " (it waits up to 30s). A classic server refuses before anything is sent."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed split-table orders --table-id 101",
            "  # as cdc cli spells it", "  ticdcctl changefeed split-table-by-region-count -c orders -t 101 --yes"})
final class SplitTableCommand extends TableOperationCommand {
    SplitTableCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations) {
        super(cluster, printing, confirmations, new Wording("split-table", "split", "split"));
    }

    @Override
    void operate(TableRoutes routes, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException {
        routes.splitTable(tableId, mode);
    }
}
