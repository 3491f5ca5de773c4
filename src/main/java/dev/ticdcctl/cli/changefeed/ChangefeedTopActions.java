package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.cli.top.Action;
import dev.ticdcctl.cli.top.TopActions;
import dev.ticdcctl.output.Page;
import dev.ticdcctl.output.StatusLine;

/**
 * Top's actions done by the classes the commands use, with their checks and waits: a pause or resume is done when
 * the state is seen, a delete when the server answered; the detail view is {@code changefeed get}'s page.
 */
final class ChangefeedTopActions implements TopActions {
    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;

    ChangefeedTopActions(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
    }

    @Override
    public String perform(Action action, String id) throws InterruptedException {
        String namespace = cluster.namespace();
        ChangefeedBulk.Outcome outcome = switch (action) {
            case PAUSE -> new ChangefeedPauser(cluster.client(), settle(), false).pause(namespace, id);
            // without a checkpoint to overwrite, a resume asks nothing
            case RESUME -> new ChangefeedResumer(cluster.client(), settle(), confirmations.prompter(), cluster.name(),
                    false).resume(namespace, id, null);
            // the screen is top's: no status line on stderr
            case DELETE -> new ChangefeedDeleter(cluster.client(), StatusLine.OFF, printing.output().times(), false)
                    .findAndDelete(namespace, id);
        };
        return outcome.message();
    }

    private ChangefeedSettle settle() {
        return ChangefeedSettle.of(cluster, printing, waiting);
    }

    @Override
    public Page page(String id) throws InterruptedException {
        return ChangefeedPage.of(cluster, cluster.client().getChangefeed(cluster.namespace(), id).value(),
                printing.output().times());
    }
}
