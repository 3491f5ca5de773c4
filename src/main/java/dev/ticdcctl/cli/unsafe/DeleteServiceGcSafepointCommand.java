package dev.ticdcctl.cli.unsafe;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "delete-service-gc-safepoint",
        description = {"Remove this TiCDC cluster's service GC safepoint from the upstream PD.",
            "Upstream GC may then remove data that changefeeds still need; use it only when TiCDC is being removed."},
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl unsafe delete-service-gc-safepoint --yes"})
final class DeleteServiceGcSafepointCommand implements Callable<Integer> {
    private final Services services;

    DeleteServiceGcSafepointCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        services.prompter().confirm("Delete TiCDC's service GC safepoint of " + services.cluster()
                + "? Changefeeds may lose data they still need.",
                "the service GC safepoint was not deleted");
        services.client().deleteServiceGcSafepoint();
        services.output().result("deleted the TiCDC service GC safepoint", services.mapper().createObjectNode());
        return ExitCode.OK.code();
    }
}
