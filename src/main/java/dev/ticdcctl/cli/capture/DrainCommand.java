package dev.ticdcctl.cli.capture;

import dev.ticdcctl.cli.CaptureRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
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
            "  # the same capture by its address",
            "  ticdcctl capture drain 10.0.0.2:8300 --yes",
            "  # before stopping the node: return once the capture holds no tables",
            "  ticdcctl capture drain 2b8e1fd4-7f4a-4bfa-9b9e-9c1b1e8a6f42 --yes --wait"})
final class DrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CAPTURE_ID", description = "The capture to drain: its ID or its address (host:port),"
            + " as 'ticdcctl capture list' shows them.")
    String capture;

    @Option(names = "--wait", description = "Repeat the drain until the capture holds no tables, showing the count.")
    boolean await;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;

    DrainCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
    }

    @Override
    public Integer call() throws InterruptedException {
        CaptureRef.Target target = CaptureRef.resolve(cluster, capture);
        String name = target.label();
        // Known only when looked up by address; for an ID the server's refusal gets the same hint (ErrorReporter).
        if (target.capture() != null && target.capture().isOwner()) {
            throw new CliException.Refused("capture " + name + " is the owner, and the owner cannot be drained",
                    CaptureRef.RESIGN_OWNER_FIRST);
        }
        cluster.client().requireDrainSupport();
        confirmations.prompter().confirm("Drain capture " + name + " of " + cluster.name()
                + "? Its tables move to the other captures.",
                "capture " + name + " was not drained");
        if (await) {
            ApiResult<DrainResult> result = new CaptureDrain(cluster.client(), printing.output(), waiting.waiter(),
                    waiting.waitTimeout(CaptureDrain.DEFAULT_TIMEOUT)).untilEmpty(target);
            printing.output().result("capture " + name + " drained: no tables left", result.json());
            return ExitCode.OK.code();
        }
        ApiResult<DrainResult> result = cluster.client().drainCapture(target.id());
        int left = result.value().currentTableCount();
        printing.output().result("capture " + name + " draining: " + CaptureDrain.tables(left)
                + " left to move", result.json());
        return ExitCode.OK.code();
    }
}
