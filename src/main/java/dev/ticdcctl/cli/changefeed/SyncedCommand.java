package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.FeatureReleases;
import dev.ticdcctl.model.SyncedStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "synced",
        description = {"Show whether a changefeed has replicated everything written upstream so far.",
            "Times are the server's local times. Exit status is 0 whether or not it is synced; use"
                + " --jq .synced to branch on it. Needs " + FeatureReleases.SYNCED_NEEDS + "."},
        footerHeading = "%nExamples:%n",
        footer = {"  # is the downstream caught up?", "  ticdcctl changefeed synced orders",
            "  # in a script", "  [ \"$(ticdcctl changefeed synced orders --jq .synced)\" = true ]"})
final class SyncedCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    private final ClusterAccess cluster;
    private final Printing printing;

    SyncedCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        ApiResult<SyncedStatus> result = cluster.client().changefeedSynced(cluster.namespace(), id);
        printing.output().resource(result.json(), () -> ChangefeedViews.synced(id, result.value()));
        return ExitCode.OK.code();
    }
}
