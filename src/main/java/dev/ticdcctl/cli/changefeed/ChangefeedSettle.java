package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Times;
import dev.ticdcctl.util.Durations;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits for the owner to apply an accepted request. TiCDC answers create, pause and resume at once and changes the
 * state on the owner's next tick, so a command is done only when GET shows the new state.
 */
final class ChangefeedSettle {

    private final TicdcClient client;
    private final Waiter waiter;
    private final Duration timeout;
    private final Times times;
    /** Whether the changefeed is printed after a request not waited for (-o json): then it is fetched. */
    private final boolean printsResource;

    ChangefeedSettle(TicdcClient client, Waiter waiter, Duration timeout, Times times, boolean printsResource) {
        this.client = client;
        this.waiter = waiter;
        this.timeout = timeout;
        this.times = times;
        this.printsResource = printsResource;
    }

    /** Waits bounded by {@code --timeout} (else 60s), shown on the status line as it is now. */
    static ChangefeedSettle of(ClusterAccess cluster, Printing printing, Waiting waiting) {
        return new ChangefeedSettle(cluster.client(), waiting.waiter(), waiting.waitTimeout(),
                printing.output().times(), printing.output().machineReadable());
    }

    /**
     * What follows an accepted request: with {@code noWait}, the changefeed as it is now, fetched only when it will
     * be printed (-o json), else null; otherwise the changefeed once its state satisfies {@code accept}.
     */
    JsonNode settle(String namespace, String id, boolean noWait, Predicate<String> accept, String expectation)
            throws InterruptedException {
        if (noWait) {
            return printsResource ? client.getChangefeed(namespace, id).json() : null;
        }
        return until(namespace, id, accept, expectation).json();
    }

    /**
     * Polls GET until the state satisfies {@code accept}; {@code expectation} completes "waiting for changefeed "x"
     * to ...". A changefeed that is not visible yet (just created) counts as not there yet.
     */
    ApiResult<ChangefeedDetail> until(String namespace, String id, Predicate<String> accept, String expectation)
            throws InterruptedException {
        String[] lastSeen = {"nothing yet"};
        String[] status = {null};
        Waiter.Goal goal = new Waiter.Goal("changefeed \"" + id + "\" to " + expectation, () -> status[0]);
        return waiter.until(timeout, goal, () -> {
            try {
                ApiResult<ChangefeedDetail> result = client.getChangefeed(namespace, id);
                String state = result.value().state();
                lastSeen[0] = state(result.value());
                status[0] = seen(result.value(), times);
                return state != null && accept.test(state) ? result : null;
            } catch (NotFoundException e) {
                lastSeen[0] = "not visible yet";
                status[0] = lastSeen[0];
                return null;
            }
        }, () -> "changefeed \"" + id + "\" did not " + expectation + " within " + Durations.format(timeout)
                + " (last seen: " + lastSeen[0] + ")");
    }

    /** Whether the server's state is one a resume leads to: running or retrying. */
    static boolean active(String state) {
        return ChangefeedState.matches(state, ChangefeedState::isActive);
    }

    /** The state as messages name it: the server omits it until the changefeed is initialized. */
    static String state(ChangefeedDetail changefeed) {
        return changefeed.state().isEmpty() ? "not initialized" : changefeed.state();
    }

    /** What a wait's status line says it saw: the state and, once there is a checkpoint, how far it lags. */
    static String seen(ChangefeedDetail changefeed, Times times) {
        return changefeed.checkpointTs() <= 0 ? state(changefeed)
                : state(changefeed) + ", checkpoint lag " + times.lag(new Tso(changefeed.checkpointTs()).instant());
    }
}
