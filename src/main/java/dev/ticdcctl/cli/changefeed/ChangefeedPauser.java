package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;

/** Pauses one changefeed and waits until it is stopped (unless told not to wait); a no-op when it is not running. */
final class ChangefeedPauser {
    private final TicdcClient client;
    private final ChangefeedSettle settle;
    private final boolean noWait;

    ChangefeedPauser(TicdcClient client, ChangefeedSettle settle, boolean noWait) {
        this.client = client;
        this.settle = settle;
        this.noWait = noWait;
    }

    ChangefeedBulk.Outcome pause(String namespace, String id) throws InterruptedException {
        ApiResult<ChangefeedDetail> current = client.getChangefeed(namespace, id);
        String state = current.value().state();
        // v7.1's error state is both: a pause stops its retries
        if (ChangefeedState.matches(state, s -> s.isResumable() && !s.isActive())) {
            return new ChangefeedBulk.Outcome("changefeed \"" + id + "\" is already " + state + "; nothing to pause",
                    current.json(), false);
        }
        client.pauseChangefeed(namespace, id);
        JsonNode result = settle.settle(namespace, id, noWait, ChangefeedState.STOPPED::is, "stop");
        return new ChangefeedBulk.Outcome("changefeed \"" + id + "\" " + (noWait ? "pause requested" : "paused"),
                result, true);
    }
}
