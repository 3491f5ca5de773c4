package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.ServerDialect;
import dev.ticdcctl.client.TableRoutes;
import dev.ticdcctl.client.UnexpectedResponseException;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status",
        description = {"Show a changefeed's replication progress: state, checkpoint and resolved lag, last error "
            + "and warning.", "On TiCDC's new architecture the table adds its dispatcher count (one per table span,"
                + " one for DDL)."},
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
        // json and yaml print the status as received; the count is a column of the table only
        String dispatchers = printing.output().machineReadable() ? null : dispatchers(id, result.value());
        printing.output().resource(result.json(),
                () -> ChangefeedViews.status(id, result.value(), printing.output().times(), dispatchers));
        return ExitCode.OK.code();
    }

    /**
     * The new architecture's dispatcher count (ticdc api/v2/changefeed.go getDispatcherCount), or null on another
     * server. The architecture is asked as {@code ticdcctl status} asks it (once, then remembered); the count only of
     * a running changefeed, the only one with a maintainer to answer, and "" when that fails: the status is what the
     * command is for.
     */
    private String dispatchers(String id, ChangefeedStatus status) throws InterruptedException {
        if (cluster.client().dialect().arch() != ServerDialect.Arch.NEW) {
            return null;
        }
        if (!ChangefeedState.matches(status.state(), ChangefeedState::isRunning)) {
            return "";
        }
        try {
            return String.valueOf(cluster.client().tableRoutes(id).dispatcherCount(TableRoutes.Mode.SINK).value()
                    .count());
        } catch (ApiException | UnexpectedResponseException e) {
            return ""; // such as a maintainer that moved or stopped since the status was read
        }
    }
}
