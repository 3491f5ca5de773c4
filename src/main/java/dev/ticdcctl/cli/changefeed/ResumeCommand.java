package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.Tso;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "resume",
        description = {"Resume a stopped, failed or finished changefeed and wait until it runs.",
            "Resuming a running changefeed changes nothing and succeeds.",
            "--overwrite-checkpoint-ts restarts replication at another TSO: changes between the old and the new"
                + " checkpoint are skipped or replicated twice, so it asks for confirmation."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed resume orders",
            "  # skip everything up to now (data loss downstream!)",
            "  ticdcctl changefeed resume orders --overwrite-checkpoint-ts now"})
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--overwrite-checkpoint-ts", paramLabel = "now|TSO",
            description = "Restart replication at this TSO, or at the current TSO with 'now'.")
    String overwriteCheckpointTs;

    @Option(names = "--no-wait", description = "Return once the server accepted the request.")
    boolean noWait;

    private final Services services;

    ResumeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        String namespace = services.namespace();
        Tso requested = parseOverwrite();
        if (requested != null) {
            services.prompter().ensureCanConfirm();
        }
        ApiResult<ChangefeedDetail> current = services.client().getChangefeed(namespace, id);
        String state = current.value().state();
        if (ChangefeedWaits.RUNNING.contains(state)) {
            if (requested != null) {
                throw new CliException.Refused("changefeed \"" + id + "\" is " + state
                        + "; TiCDC ignores a checkpoint overwrite of a running changefeed",
                        "pause it first with 'ticdcctl changefeed pause " + id + "'");
            }
            services.output().result("changefeed \"" + id + "\" is already running (" + state + ")", current.json());
            return ExitCode.OK;
        }
        Long overwrite = null;
        if (requested != null) {
            Tso target = requested.value() == 0 ? services.client().tso().value().compose() : requested;
            services.prompter().confirm("Overwrite the checkpoint of changefeed \"" + id + "\" from "
                    + current.value().checkpointTs() + " to " + target + " (" + target.instant() + ")?"
                    + " Changes in between are skipped or replicated twice.",
                    "changefeed \"" + id + "\" was not resumed");
            overwrite = target.value();
        }
        services.client().resumeChangefeed(namespace, id, new Requests.ResumeChangefeed(overwrite));
        ApiResult<ChangefeedDetail> result = noWait ? services.client().getChangefeed(namespace, id)
                : new ChangefeedWaits(services).until(namespace, id, ChangefeedWaits.RUNNING::contains, "run");
        services.output().result("changefeed \"" + id + "\" " + (noWait ? "resume requested" : "resumed"),
                result.json());
        return ExitCode.OK;
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
            Tso tso = Tso.parse(overwriteCheckpointTs);
            if (tso.value() > 0) {
                return tso;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CliException.InvalidInput("invalid --overwrite-checkpoint-ts '" + overwriteCheckpointTs
                + "': give 'now' or a positive TSO", null);
    }
}
