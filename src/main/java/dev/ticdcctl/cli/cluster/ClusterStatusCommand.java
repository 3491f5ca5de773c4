package dev.ticdcctl.cli.cluster;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ServerStatus;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Show the capture that answers at --server: version, ID, owner or not.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl status", "  ticdcctl --server 10.0.0.2:8300 status -o json"})
public final class ClusterStatusCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;

    ClusterStatusCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiResult<ServerStatus> result = cluster.client().status();
        ServerStatus s = result.value();
        printing.output().resource(result.json(), () -> new Table(Column.id("ID"), Column.of("VERSION"),
                Column.of("OWNER"), Column.of("LIVENESS"), Column.of("CLUSTER_ID"), Column.wide("PID"),
                Column.wide("GIT_HASH"))
                .row(s.id(), s.version(), s.isOwner(), liveness(s.liveness()), s.clusterId(), s.pid(), s.gitHash()));
        return ExitCode.OK.code();
    }

    private static String liveness(int liveness) {
        return switch (liveness) {
            case 0 -> "alive";
            case 1 -> "stopping";
            default -> "unknown(" + liveness + ")";
        };
    }
}
