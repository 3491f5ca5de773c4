package dev.ticdcctl.cli.capture;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.output.Style;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", aliases = "ls", description = "List the captures (TiCDC nodes) of the cluster and its owner.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl capture list", "  # the owner's address",
            "  ticdcctl capture list --jq '.items[] | select(.is_owner) | .address'"})
final class CaptureListCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;

    CaptureListCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiResult<ListResult<Capture>> result = cluster.client().listCaptures();
        printing.output().resource(result.json(), () -> {
            Table table = new Table(Column.id("ID"), Column.of("OWNER").styled(v -> v.equals("true") ? Style.BOLD
                    : Style.PLAIN), Column.of("ADDRESS"), Column.of("CLUSTER_ID"));
            result.value().items().forEach(c -> table.row(c.id(), c.isOwner(), c.address(), c.clusterId()));
            return table;
        });
        return ExitCode.OK.code();
    }
}
