package dev.ticdcctl.cli.cluster;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.ServerDialect;
import dev.ticdcctl.client.ServerVersion;
import dev.ticdcctl.model.ServerStatus;
import dev.ticdcctl.output.Table.Column;
import java.util.List;
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
        ServerDialect dialect = cluster.client().dialect(); // not in the JSON, which is the server's as received
        printing.output().resource(result.json(), () -> DialectColumns.table(List.of(Column.id("ID"),
                Column.of("VERSION"), Column.of("OWNER"), Column.of("LIVENESS"), Column.of("CLUSTER_ID"),
                Column.wide("PID"), Column.wide("GIT_HASH")), dialect, s.id(), s.version(), s.isOwner(),
                liveness(s.liveness(), dialect.arch(), s.version()), s.clusterId(), s.pid(), s.gitHash()));
        return ExitCode.OK.code();
    }

    /**
     * The word for a capture's liveness, which the new architecture renumbered from v8.5.7 on: 0 alive, 1 draining,
     * 2 stopping (ticdc pkg/liveness/liveness.go); classic servers and earlier releases: 0 alive, 1 stopping (tiflow
     * cdc/model/http_model.go Liveness, ticdc@v8.5.6 pkg/api/util.go). A 1 from a server of unknown architecture whose
     * version could be either is shown as both.
     */
    static String liveness(int liveness, ServerDialect.Arch arch, String version) {
        ServerVersion release = ServerVersion.parse(version);
        boolean drains = release == null || release.drainsNodes();
        boolean renumbered = arch == ServerDialect.Arch.NEW && drains;
        boolean maybe = arch == ServerDialect.Arch.UNKNOWN && drains;
        return switch (liveness) {
            case 0 -> "alive";
            case 1 -> renumbered ? "draining" : maybe ? "draining-or-stopping" : "stopping";
            case 2 -> renumbered || maybe ? "stopping" : "unknown(2)";
            default -> "unknown(" + liveness + ")";
        };
    }
}
