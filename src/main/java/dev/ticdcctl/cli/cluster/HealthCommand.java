package dev.ticdcctl.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "health",
        description = {"Check the cluster's health: exit 0 when healthy, 1 with the server's message when not.",
            "Stopped or failed changefeeds do not make a cluster unhealthy."},
        footerHeading = "%nExamples:%n",
        footer = {"  # in a readiness probe or a CI step", "  ticdcctl health -q && echo ok"})
public final class HealthCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;

    HealthCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        JsonNode body = cluster.client().health();
        printing.output().result("cluster at " + cluster.server() + " is healthy", body);
        return ExitCode.OK.code();
    }
}
