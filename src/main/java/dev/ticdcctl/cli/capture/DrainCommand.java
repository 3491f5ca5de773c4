package dev.ticdcctl.cli.capture;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.DrainResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "drain",
        description = {"Move the tables of a capture to the other captures, before stopping it for maintenance.",
            "Prints how many tables the capture still holds; repeat until it is 0, or let --wait repeat it (for at"
                + " most --timeout, default 5m; exit status 6 when tables are left). The owner cannot be drained:"
                + " resign it first ('ticdcctl owner resign')."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl capture drain 2b8e1fd4-7f4a-4bfa-9b9e-9c1b1e8a6f42 --yes",
            "  # before stopping the node: return once the capture holds no tables",
            "  ticdcctl capture drain 2b8e1fd4-7f4a-4bfa-9b9e-9c1b1e8a6f42 --yes --wait"})
final class DrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CAPTURE_ID", description = "The capture to drain (see 'ticdcctl capture list').")
    String captureId;

    @Option(names = "--wait", description = "Repeat the drain until the capture holds no tables, showing the count.")
    boolean await;

    private final Services services;

    DrainCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        services.prompter().confirm("Drain capture " + captureId + " of " + services.cluster()
                + "? Its tables move to the other captures.",
                "capture " + captureId + " was not drained");
        if (await) {
            ApiResult<DrainResult> result = new CaptureDrain(services).untilEmpty(captureId);
            services.output().result("capture " + captureId + " drained: no tables left", result.json());
            return ExitCode.OK;
        }
        ApiResult<DrainResult> result = services.client().drainCapture(captureId);
        int left = result.value().currentTableCount();
        services.output().result("capture " + captureId + " draining: " + CaptureDrain.tables(left)
                + " left to move", result.json());
        return ExitCode.OK;
    }
}
