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
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.model.ChangefeedDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply",
        description = {"Make a changefeed what a spec file says: create it when it does not exist, update it (after"
            + " showing the changes) when it differs, do nothing when it matches.",
            "Keys the spec leaves out keep their current values. Specs come from 'changefeed export' or are written"
                + " by hand, in TOML, JSON or YAML."},
        footerHeading = "%nExamples:%n",
        footer = {"  # move a changefeed to another cluster", "  ticdcctl --context old changefeed export orders > orders.toml",
            "  ticdcctl --context new changefeed apply -f orders.toml",
            "  # from Git, in a CI step", "  ticdcctl changefeed apply -f changefeeds/orders.yaml --yes --restart"})
final class ApplyCommand implements Callable<Integer> {
    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "The changefeed spec (TOML, JSON or YAML; '-' = stdin).")
    String specFile;

    @Option(names = "--restart", description = "Pause a running changefeed to update it, and resume it.")
    boolean restart;

    @Option(names = "--ignore-ineligible", description = "On create, skip tables that cannot be replicated.")
    boolean ignoreIneligible;

    @Option(names = "--dry-run",
            description = "Show what would change and the request body (secrets masked); send nothing.")
    boolean dryRun;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;
    private final ChangefeedInput.Sources sources;

    ApplyCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting,
            UserInput input, Environment environment, GlobalOptions options) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
        this.sources = new ChangefeedInput.Sources(input, printing, environment, options, cluster);
    }

    @Override
    public Integer call() throws InterruptedException {
        ChangefeedInput input = ChangefeedInput.read(sources, specFile, null, null, null, null, null);
        if (input.id() == null) {
            throw new CliException.InvalidInput(specFile + ": the spec has no id", "add id = \"...\" to the spec");
        }
        ChangefeedRef.check(input.id());
        ApiResult<ChangefeedDetail> current;
        try {
            current = cluster.client().getChangefeed(input.namespace(), input.id());
        } catch (NotFoundException e) {
            new ChangefeedCreator(cluster, printing, confirmations, waiting).createAndReport(input,
                    new ChangefeedCreator.How(dryRun, ignoreIneligible, false, false));
            return ExitCode.OK.code();
        }
        ChangefeedUpdater updater = ChangefeedUpdater.of(cluster, printing, confirmations, waiting);
        return UpdateCommand.update(updater, printing, current, input, restart, dryRun);
    }
}
