package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pause",
        description = {"Pause changefeeds and wait until they are stopped.",
            "A paused changefeed keeps its checkpoint and still holds back upstream GC."
                + " Pausing a changefeed that is not running changes nothing and succeeds.",
            "Several IDs, --all or --match act on many changefeeds at once (finished ones are left out):"
                + " asks for confirmation listing them (needs --yes off a terminal), prints one result per"
                + " changefeed and exits with the worst (see 'ticdcctl help exit-codes')."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed pause orders", "  # return as soon as the server accepted",
            "  ticdcctl changefeed pause orders --no-wait",
            "  # every changefeed whose ID starts with 'orders-', 16 at a time",
            "  ticdcctl changefeed pause --match '^orders-' --parallel 16 --yes"})
final class PauseCommand implements Callable<Integer> {
    @Mixin
    ChangefeedSelection selection;

    @Option(names = "--no-wait", description = "Return once the server accepted the request.")
    boolean noWait;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;

    PauseCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
    }

    @Override
    public Integer call() throws InterruptedException {
        selection.validate();
        if (selection.bulk()) {
            String namespace = cluster.namespace();
            // The server's default list leaves finished changefeeds out; pausing them would change nothing.
            return ChangefeedBulk.of(cluster, printing, confirmations, namespace).run(selection, null,
                    new ChangefeedBulk.Wording("pause", "paused", noWait, false), () -> {
                        ChangefeedPauser pauser = pauser();
                        return id -> pauser.pause(namespace, id);
                    });
        }
        ChangefeedBulk.Outcome outcome = pauser().pause(cluster.namespace(), selection.singleId());
        printing.output().result(outcome.message(), outcome.resource());
        return ExitCode.OK.code();
    }

    private ChangefeedPauser pauser() {
        return new ChangefeedPauser(cluster.client(), ChangefeedSettle.of(cluster, printing, waiting), noWait);
    }
}
