package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.NotFoundException;
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
final class ChangefeedWaits {

    private final Services services;

    ChangefeedWaits(Services services) {
        this.services = services;
    }

    /**
     * What follows an accepted request: with {@code noWait}, the changefeed as it is now, fetched only when it will
     * be printed (-o json), else null; otherwise the changefeed once its state satisfies {@code accept}.
     */
    JsonNode settle(String namespace, String id, boolean noWait, Predicate<String> accept, String expectation)
            throws InterruptedException {
        if (noWait) {
            return services.output().machineReadable() ? services.client().getChangefeed(namespace, id).json() : null;
        }
        return until(namespace, id, accept, expectation).json();
    }

    /**
     * Polls GET until the state satisfies {@code accept}; {@code expectation} completes "waiting for changefeed "x"
     * to ...". A changefeed that is not visible yet (just created) counts as not there yet.
     */
    ApiResult<ChangefeedDetail> until(String namespace, String id, Predicate<String> accept, String expectation)
            throws InterruptedException {
        Duration timeout = services.waitTimeout();
        String[] lastSeen = {"nothing yet"};
        String[] status = {null};
        Waiter.Goal goal = new Waiter.Goal("changefeed \"" + id + "\" to " + expectation, () -> status[0]);
        return services.waiter().until(timeout, goal, () -> {
            try {
                ApiResult<ChangefeedDetail> result = services.client().getChangefeed(namespace, id);
                String state = result.value().state();
                lastSeen[0] = state(result.value());
                status[0] = seen(result.value(), services.output().times());
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
