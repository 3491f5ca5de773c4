package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ExitCode;
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
                + " by hand, in TOML, JSON or YAML.",
            "TiCDC's new architecture never reveals a stored sink-URI secret: a sink URI that matches the stored one"
                + " but for its secret keeps the server's, so an unchanged spec changes nothing; 'changefeed update ID"
                + " --sink-uri -' replaces the secret."},
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

    private final ChangefeedWriting writing;

    ApplyCommand(ChangefeedWriting writing) {
        this.writing = writing;
    }

    @Override
    public Integer call() throws InterruptedException {
        ChangefeedInput input = ChangefeedInput.read(writing.sources(), specFile, null, null, null, null, null);
        if (input.id() == null) {
            throw new CliException.InvalidInput(specFile + ": the spec has no id", "add id = \"...\" to the spec");
        }
        ChangefeedRef.check(input.id());
        ApiResult<ChangefeedDetail> current;
        try {
            current = writing.current(input);
        } catch (NotFoundException e) {
            writing.creator().createAndReport(input,
                    new ChangefeedCreator.How(dryRun, ignoreIneligible, false, false));
            return ExitCode.OK.code();
        }
        return writing.update(current, input, ChangefeedUpdater.UnreadSecret.KEEP, restart, dryRun);
    }
}
