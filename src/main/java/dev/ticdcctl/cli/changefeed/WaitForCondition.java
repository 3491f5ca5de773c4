package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.RunningError;
import dev.ticdcctl.output.Times;
import dev.ticdcctl.util.Durations;
import java.time.Duration;

/**
 * Polls a changefeed at a fixed interval until a {@link ChangefeedCondition} holds. A changefeed that does not exist
 * ends the wait at once (not found); one that fails ends it with its error, unless the wait is for the failed state.
 */
final class WaitForCondition {
    private final ClusterAccess cluster;
    private final Printing printing;
    private final Waiting waiting;

    WaitForCondition(ClusterAccess cluster, Printing printing, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.waiting = waiting;
    }

    /** The changefeed as last seen, once the condition holds. */
    ApiResult<ChangefeedDetail> await(String namespace, String id, ChangefeedCondition condition, Duration interval,
            Duration timeout) throws InterruptedException {
        String name = "changefeed \"" + id + "\"";
        printing.output().progress("waiting up to " + Durations.format(timeout) + " for " + name + " to "
                + condition.goal() + " (every " + Durations.format(interval) + ")");
        String[] lastState = {null};
        String[] lastSeen = {"nothing yet"};
        String[] status = {null};
        Times times = printing.output().times();
        Waiter.Goal goal = new Waiter.Goal(name + " to " + condition.shortGoal(times), () -> status[0]);
        return waiting.waiter().every(interval, timeout, goal, () -> {
            ApiResult<ChangefeedDetail> result = cluster.client().getChangefeed(namespace, id);
            ChangefeedDetail changefeed = result.value();
            String state = ChangefeedSettle.state(changefeed);
            if (!state.equals(lastState[0])) {
                printing.output().progress(name + ": " + state);
                lastState[0] = state;
            }
            if (ChangefeedState.FAILED.is(state) && condition.endsOnFailure()) {
                throw new CliException.Failed(name + " failed while waiting for it to " + condition.goal() + ": "
                        + describe(changefeed.error()), "see 'ticdcctl changefeed status " + id + "'; once the"
                        + " cause is fixed, 'ticdcctl changefeed resume " + id + "'");
            }
            ChangefeedCondition.Check check = condition.check(changefeed, state,
                    () -> cluster.client().changefeedSynced(namespace, id).value());
            lastSeen[0] = check.seen();
            status[0] = condition.progress(changefeed, times);
            return check.holds() ? result : null;
        }, () -> name + " did not " + condition.goal() + " within " + Durations.format(timeout) + " (last seen: "
                + lastSeen[0] + ")", "wait longer with --timeout, or see 'ticdcctl changefeed status " + id + "'");
    }

    private static String describe(RunningError error) {
        if (error == null || error.message() == null) {
            return "no error recorded";
        }
        return error.code() == null || error.code().isEmpty() ? error.message()
                : error.message() + " (" + error.code() + ")";
    }
}
