package dev.ticdcctl.cli.unsafe;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "delete-service-gc-safepoint",
        description = {"Remove this TiCDC cluster's service GC safepoint from the upstream PD.",
            "Upstream GC may then remove data that changefeeds still need; use it only when TiCDC is being removed."},
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl unsafe delete-service-gc-safepoint --yes"})
final class DeleteServiceGcSafepointCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;

    DeleteServiceGcSafepointCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
    }

    @Override
    public Integer call() throws InterruptedException {
        confirmations.prompter().confirm("Delete TiCDC's service GC safepoint of " + cluster.name()
                + "? Changefeeds may lose data they still need.",
                "the service GC safepoint was not deleted");
        cluster.client().deleteServiceGcSafepoint();
        printing.output().result("deleted the TiCDC service GC safepoint", printing.mapper().createObjectNode());
        return ExitCode.OK.code();
    }
}
