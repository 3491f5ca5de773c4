package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
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
                + " or failed changefeeds: --restart pauses a running one, updates it and resumes it.",
            "TiCDC's new architecture never reveals a stored sink-URI secret, so a --sink-uri that matches the"
                + " stored URI but for its secret is sent as given; a spec's (-f) keeps the server's."},
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

    private final ChangefeedWriting writing;

    UpdateCommand(ChangefeedWriting writing) {
        this.writing = writing;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!spec.given()) {
            throw new CliException.InvalidInput("nothing to update: give --sink-uri, --target-ts, --config or -f",
                    null);
        }
        ChangefeedInput input = spec.read(writing.sources(), null);
        if (input.id() == null) {
            spec.ref.id(); // reports the missing ID as a usage error
        }
        ChangefeedRef.check(input.id());
        ApiResult<ChangefeedDetail> current = writing.current(input);
        // --sink-uri asks to set the URI, its secret included; a spec's URI is a state to keep (see UnreadSecret).
        return writing.update(current, input, spec.sinkUri != null ? ChangefeedUpdater.UnreadSecret.SEND
                : ChangefeedUpdater.UnreadSecret.KEEP, restart, spec.dryRun);
    }
}
