package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.UserInput;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update", resourceBundle = "dev.ticdcctl.cli.changefeed.ChangefeedSpecOptions",
        description = {"Change a changefeed's sink URI, target TSO or config, after showing what changes.",
            "What you give is merged over the changefeed as it is; everything else stays as it was (the complete"
                + " config is sent, as TiCDC requires). Nothing changed: nothing is sent. TiCDC updates only stopped"
                + " or failed changefeeds: --restart pauses a running one, updates it and resumes it."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed update orders --config changefeed.toml --restart",
            "  ticdcctl changefeed update orders --target-ts 450835277488291841 --yes",
            "  # stop replicating at midnight UTC",
            "  ticdcctl changefeed update orders --target-ts 2024-07-02T00:00:00Z --yes",
            "  # review only", "  ticdcctl changefeed update orders --config changefeed.toml --dry-run"})
final class UpdateCommand implements Callable<Integer> {
    @Mixin
    ChangefeedSpecOptions spec;

    @Option(names = "--restart", order = -13, description = "Pause a running changefeed, update it, and resume it.")
    boolean restart;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;
    private final ChangefeedInput.Sources sources;

    UpdateCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting,
            UserInput input, Environment environment, GlobalOptions options) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
        this.sources = new ChangefeedInput.Sources(input, printing, environment, options, cluster);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!spec.given()) {
            throw new CliException.InvalidInput("nothing to update: give --sink-uri, --target-ts, --config or -f",
                    null);
        }
        ChangefeedInput input = spec.read(sources, null);
        if (input.id() == null) {
            spec.ref.id(); // reports the missing ID as a usage error
        }
        ChangefeedRef.check(input.id());
        ApiResult<ChangefeedDetail> current = cluster.client().getChangefeed(input.namespace(), input.id());
        ChangefeedUpdater updater = ChangefeedUpdater.of(cluster, printing, confirmations, waiting);
        return update(updater, printing, current, input, restart, spec.dryRun);
    }

    /** Shows, confirms and applies an update; shared with {@code apply}. */
    static int update(ChangefeedUpdater updater, Printing printing, ApiResult<ChangefeedDetail> current,
            ChangefeedInput input, boolean restart, boolean dryRun) throws InterruptedException {
        String id = input.id();
        ChangefeedUpdater.Plan plan = updater.plan(current, input);
        if (plan.changesNothing()) {
            printing.output().result("changefeed \"" + id + "\" already has these settings; nothing was sent",
                    current.json());
            return ExitCode.OK.code();
        }
        updater.show(plan, id);
        if (dryRun) {
            printing.output().requestBody(printing.mapper().valueToTree(plan.request()));
            return ExitCode.OK.code();
        }
        ApiResult<ChangefeedDetail> updated = updater.apply(plan, input.namespace(), id, restart);
        printing.output().result("changefeed \"" + id + "\" updated", updated.json());
        return ExitCode.OK.code();
    }
}
