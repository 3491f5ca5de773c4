package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status",
        description = {"Show a changefeed's replication progress: state, checkpoint and resolved lag, last error "
            + "and warning."},
        footerHeading = "%nExamples:%n",
        footer = {"  # how far behind is it?", "  ticdcctl changefeed status orders",
            "  # the last error's message", "  ticdcctl changefeed status orders --jq .last_error.message"})
final class ChangefeedStatusCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    private final ClusterAccess cluster;
    private final Printing printing;

    ChangefeedStatusCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        ApiResult<ChangefeedStatus> result = cluster.client().changefeedStatus(cluster.namespace(), id);
        printing.output().resource(result.json(),
                () -> ChangefeedViews.status(id, result.value(), printing.output().times()));
        return ExitCode.OK.code();
    }
}
