package dev.ticdcctl.cli.changefeed;

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

/**
 * What the commands that write a changefeed's settings (create, update, apply) share: reading what the user asked
 * for, creating, and updating. The root's factory builds it from the views its constructor names.
 */
final class ChangefeedWriting {
    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;
    private final ChangefeedInput.Sources sources;

    ChangefeedWriting(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting,
            UserInput input, Environment environment, GlobalOptions options) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
        this.sources = new ChangefeedInput.Sources(input, printing, environment, options, cluster);
    }

    /** Where the changefeed the user describes is read from. */
    ChangefeedInput.Sources sources() {
        return sources;
    }

    ChangefeedCreator creator() {
        return creator(cluster);
    }

    /** Creates in {@code access}, which an index of clusters may have chosen instead of the invocation's. */
    ChangefeedCreator creator(ClusterAccess access) {
        return new ChangefeedCreator(access, printing, confirmations, waiting);
    }

    ChangefeedUpdater updater(ClusterAccess access) {
        return ChangefeedUpdater.of(access, printing, confirmations, waiting);
    }

    /** Deletes in {@code access}; one already gone is not a failure. */
    ChangefeedDeleter deleter(ClusterAccess access) {
        return new ChangefeedDeleter(access.client(), waiting.statusLine(), printing.output().times(), true);
    }

    Printing printing() {
        return printing;
    }

    Confirmations confirmations() {
        return confirmations;
    }

    /** The changefeed {@code input} names, as the server has it now. */
    ApiResult<ChangefeedDetail> current(ChangefeedInput input) throws InterruptedException {
        return cluster.client().getChangefeed(input.namespace(), input.id());
    }

    /**
     * Shows, confirms and applies an update of {@code current} to what {@code input} asks for; a sink-URI secret the
     * server does not reveal is sent or kept as {@code unreadSecret} says.
     */
    int update(ApiResult<ChangefeedDetail> current, ChangefeedInput input, ChangefeedUpdater.UnreadSecret unreadSecret,
            boolean restart, boolean dryRun) throws InterruptedException {
        ChangefeedUpdater updater = updater(cluster);
        String id = input.id();
        ChangefeedUpdater.Plan plan = updater.plan(current, input, unreadSecret);
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
