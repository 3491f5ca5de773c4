package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Prompter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.Tso;

/**
 * Resumes one changefeed and waits until it runs (unless told not to wait); a no-op when it runs already. An
 * overwritten checkpoint is confirmed first, as it skips or repeats changes.
 */
final class ChangefeedResumer {
    private final TicdcClient client;
    private final ChangefeedSettle settle;
    private final Prompter prompter;
    /** The cluster as confirmations name it. */
    private final String cluster;
    private final boolean noWait;

    ChangefeedResumer(TicdcClient client, ChangefeedSettle settle, Prompter prompter, String cluster, boolean noWait) {
        this.client = client;
        this.settle = settle;
        this.prompter = prompter;
        this.cluster = cluster;
        this.noWait = noWait;
    }

    /** {@code requested} is the checkpoint to restart at (TSO 0 for the server's current TSO), or null to keep it. */
    ChangefeedBulk.Outcome resume(String namespace, String id, Tso requested) throws InterruptedException {
        ApiResult<ChangefeedDetail> current = client.getChangefeed(namespace, id);
        String state = current.value().state();
        // v7.1's error state is both: a resume restarts it at once, resetting the back-off
        if (ChangefeedState.matches(state, s -> s.isActive() && !s.isResumable())) {
            if (requested != null) {
                throw new CliException.Refused("changefeed \"" + id + "\" is " + state
                        + "; TiCDC ignores a checkpoint overwrite of a running changefeed",
                        "pause it first with 'ticdcctl changefeed pause " + id + "'");
            }
            return new ChangefeedBulk.Outcome("changefeed \"" + id + "\" is already running (" + state + ")",
                    current.json(), false);
        }
        Long overwrite = null;
        if (requested != null) {
            Tso target = requested.value() == 0 ? client.tso().value().compose() : requested;
            prompter.confirm("Overwrite the checkpoint of changefeed \"" + id + "\" in namespace "
                    + namespace + " of " + cluster + " from "
                    + new Tso(current.value().checkpointTs()).described() + " to " + target.described() + "?"
                    + " Changes in between are skipped or replicated twice.",
                    "changefeed \"" + id + "\" was not resumed");
            overwrite = target.value();
        }
        client.resumeChangefeed(namespace, id, new Requests.ResumeChangefeed(overwrite));
        JsonNode result = settle.settle(namespace, id, noWait,
                ChangefeedSettle::active, "run");
        return new ChangefeedBulk.Outcome("changefeed \"" + id + "\" " + (noWait ? "resume requested" : "resumed"),
                result, true);
    }
}
