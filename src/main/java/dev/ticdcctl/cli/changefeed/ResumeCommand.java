package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.model.Tso;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "resume",
        description = {"Resume stopped, failed or finished changefeeds and wait until they run.",
            "Resuming a running changefeed changes nothing and succeeds.",
            "Several IDs, --all or --match act on many changefeeds at once (finished ones only when named):"
                + " asks for confirmation listing them (needs --yes off a terminal), prints one result per"
                + " changefeed and exits with the worst.",
            "--overwrite-checkpoint-ts (one changefeed only) restarts replication at another TSO: changes between"
                + " the old and the new checkpoint are skipped or replicated twice, so it asks for confirmation."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed resume orders",
            "  # skip everything up to now (data loss downstream!)",
            "  ticdcctl changefeed resume orders --overwrite-checkpoint-ts now",
            "  # everything paused during the incident",
            "  ticdcctl changefeed resume --all --yes"})
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    ChangefeedSelection selection;

    @Option(names = "--overwrite-checkpoint-ts", paramLabel = "now|TSO|TIME",
            description = "Restart replication at this TSO, at an ISO-8601 time with its zone, or at the current"
                    + " TSO with 'now'.")
    String overwriteCheckpointTs;

    @Option(names = "--no-wait", description = "Return once the server accepted the request.")
    boolean noWait;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;

    ResumeCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
    }

    @Override
    public Integer call() throws InterruptedException {
        selection.validate();
        Tso requested = parseOverwrite();
        if (selection.bulk()) {
            if (requested != null) {
                throw new CliException.InvalidInput("--overwrite-checkpoint-ts applies to one changefeed at a time",
                        "give a single changefeed ID");
            }
            String namespace = cluster.namespace();
            // The server's default list leaves finished changefeeds out: --all does not restart completed work.
            return ChangefeedBulk.of(cluster, printing, confirmations, namespace).run(selection, null,
                    new ChangefeedBulk.Wording("resume", "resumed", noWait, false), () -> {
                        ChangefeedResumer resumer = resumer();
                        return id -> resumer.resume(namespace, id, null);
                    });
        }
        String id = selection.singleId();
        if (requested != null) {
            confirmations.prompter().ensureCanConfirm();
        }
        ChangefeedBulk.Outcome outcome = resumer().resume(cluster.namespace(), id, requested);
        printing.output().result(outcome.message(), outcome.resource());
        return ExitCode.OK.code();
    }

    private ChangefeedResumer resumer() {
        return new ChangefeedResumer(cluster.client(), ChangefeedSettle.of(cluster, printing, waiting),
                confirmations.prompter(), cluster.name(), noWait);
    }

    /** "now" is TSO 0 here and is fetched from the server after the checks; null when the option is absent. */
    private Tso parseOverwrite() {
        if (overwriteCheckpointTs == null) {
            return null;
        }
        if (overwriteCheckpointTs.equalsIgnoreCase("now")) {
            return new Tso(0);
        }
        try {
            return new TsoConverter().convert(overwriteCheckpointTs);
        } catch (TypeConversionException e) {
            throw new CliException.InvalidInput("invalid --overwrite-checkpoint-ts '" + overwriteCheckpointTs
                    + "': give 'now' or a positive TSO, or an ISO-8601 time with its zone (" + e.getMessage() + ")",
                    null);
        }
    }
}
