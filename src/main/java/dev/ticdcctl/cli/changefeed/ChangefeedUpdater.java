package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Prompter;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.util.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reviewed update: what the user gave is merged over the changefeed as it is, the differences are shown, and only
 * then is the complete config sent, after confirmation. TiCDC replaces the whole config on update (tiflow#10830), so
 * sending only the changed keys would reset the others.
 */
final class ChangefeedUpdater {

    /**
     * What to do with a sink URI equal to the server's but for a secret the server does not reveal (the new
     * architecture masks it everywhere): {@code changefeed update --sink-uri} asked to set it, so it is sent; a spec
     * ({@code apply -f}, {@code update -f}) keeps the server's, so that applying an unchanged spec changes nothing.
     */
    enum UnreadSecret { SEND, KEEP }

    /** The PUT to send and the differences it makes; empty differences mean nothing to do. */
    record Plan(ApiResult<ChangefeedDetail> current, Requests.UpdateChangefeed request, List<String> differences) {
        boolean changesNothing() {
            return differences.isEmpty();
        }
    }

    private final TicdcClient client;
    private final Output output;
    private final Prompter prompter;
    /** The cluster as the confirmation names it. */
    private final String cluster;
    private final ChangefeedSettle settle;

    ChangefeedUpdater(TicdcClient client, Output output, Prompter prompter, String cluster, ChangefeedSettle settle) {
        this.client = client;
        this.output = output;
        this.prompter = prompter;
        this.cluster = cluster;
        this.settle = settle;
    }

    /** An updater for the cluster of the invocation, waiting as {@code waiting} says. */
    static ChangefeedUpdater of(ClusterAccess cluster, Printing printing, Confirmations confirmations,
            Waiting waiting) {
        return new ChangefeedUpdater(cluster.client(), printing.output(), confirmations.prompter(), cluster.name(),
                ChangefeedSettle.of(cluster, printing, waiting));
    }

    Plan plan(ApiResult<ChangefeedDetail> current, ChangefeedInput input, UnreadSecret unreadSecret)
            throws InterruptedException {
        ChangefeedDetail cf = current.value();
        List<String> differences = new ArrayList<>();
        String sinkUri = input.sinkUri() == null ? null : sinkUri(cf, input, unreadSecret, differences);
        Long targetTs = null;
        if (input.targetTs() != null && input.targetTs() != cf.targetTs()) {
            targetTs = input.targetTs();
            differences.add("target-ts: " + cf.targetTs() + " → " + targetTs);
        }
        ObjectNode config = null;
        if (input.config() != null && cf.config() instanceof ObjectNode currentConfig) {
            ObjectNode merged = JsonTrees.merge(currentConfig, input.config());
            List<JsonTrees.Change> changes = JsonTrees.diff(currentConfig, merged);
            if (!changes.isEmpty()) {
                config = merged;
                changes.forEach(c -> differences.add("config." + c.path() + ": " + show(c.path(), c.before()) + " → "
                        + show(c.path(), c.after())));
            }
        }
        return new Plan(current, new Requests.UpdateChangefeed(targetTs, sinkUri, config), differences);
    }

    /**
     * The sink URI to send, or null to keep the server's. URIs are compared as TiCDC reads them. GET masks a URI's
     * secrets, so a URI with one is compared with the stored one from meta_info, read but never shown. The new
     * architecture has no meta_info: then masked forms that differ mean the URI changed, and equal ones say nothing
     * about the secret, which is sent or kept as {@code unreadSecret} says.
     */
    private String sinkUri(ChangefeedDetail cf, ChangefeedInput input, UnreadSecret unreadSecret,
            List<String> differences) throws InterruptedException {
        String given = input.sinkUri();
        Optional<String> stored = Secrets.hasSecret(given)
                ? client.storedSinkUri(input.namespace(), input.id()) : Optional.empty();
        String before = Secrets.maskText(cf.sinkUri());
        String after = Secrets.maskText(given);
        String change = "sink-uri: " + before + " → " + after + (MaskedSinkUri.same(given, cf.sinkUri(), true)
                ? " (a secret changed)" : "");
        boolean same = stored.isPresent() ? MaskedSinkUri.same(given, stored.get(), false)
                : MaskedSinkUri.same(given, cf.sinkUri(), true);
        if (!same) {
            differences.add(change);
            return given;
        }
        if (stored.isPresent() || !MaskedSinkUri.hidesSecret(given)) {
            return null;
        }
        if (unreadSecret == UnreadSecret.SEND) {
            differences.add("sink-uri: " + after + " (its secret is replaced as given: the server does not reveal the"
                    + " stored one to compare)");
            return given;
        }
        output.warn("the sink URI's secret was not compared, and the server's is kept: this server does not reveal"
                + " it; to replace it, run 'ticdcctl changefeed update " + input.id() + " --sink-uri -'");
        return null;
    }

    /**
     * Applies a plan that changes something: confirms, and with {@code restart} pauses a running changefeed first
     * and resumes it after, leaving it running if the update fails.
     */
    ApiResult<ChangefeedDetail> apply(Plan plan, String namespace, String id, boolean restart)
            throws InterruptedException {
        String state = plan.current().value().state();
        boolean running = needsPause(plan);
        if (running && !restart) {
            throw new CliException.Refused("changefeed \"" + id + "\" is " + state
                    + "; only a stopped or failed changefeed can be updated",
                    "pause it first with 'ticdcctl changefeed pause " + id + "', or add --restart");
        }
        prompter.confirm("Apply these changes to changefeed \"" + id + "\" in namespace " + namespace
                + " of " + cluster
                + (running ? " (it is paused, updated and resumed)" : "") + "?", "changefeed \"" + id
                + "\" was not changed");
        return carryOut(plan, namespace, id);
    }

    /** Whether TiCDC updates the changefeed only once it is paused: it is neither stopped nor failed. */
    static boolean needsPause(Plan plan) {
        return !ChangefeedState.matches(plan.current().value().state(), ChangefeedState::isUpdatable);
    }

    /**
     * Sends a plan that was confirmed: a changefeed that {@link #needsPause} is paused first and resumed after,
     * whether or not the update worked.
     */
    ApiResult<ChangefeedDetail> carryOut(Plan plan, String namespace, String id) throws InterruptedException {
        boolean running = needsPause(plan);
        if (running) {
            client.pauseChangefeed(namespace, id);
            settle.until(namespace, id, ChangefeedState.STOPPED::is, "stop");
        }
        ApiResult<ChangefeedDetail> updated;
        try {
            updated = client.updateChangefeed(namespace, id, plan.request());
        } finally {
            if (running) {
                // Resumed whether or not the update worked: the changefeed is left as it was found.
                client.resumeChangefeed(namespace, id, new Requests.ResumeChangefeed(null));
            }
        }
        return running ? settle.until(namespace, id, ChangefeedSettle::active, "run") : updated;
    }

    /** Prints the differences for review, secrets masked. */
    void show(Plan plan, String id) {
        output.progress("Changes to changefeed \"" + id + "\":");
        plan.differences().forEach(d -> output.progress("  " + d));
    }

    private static String show(String path, JsonNode value) {
        if (value == null || value.isNull()) {
            return "(unset)";
        }
        // Masked as a field of its own name, so that a secret-named key hides its value.
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set(path.substring(path.lastIndexOf('.') + 1), value.deepCopy());
        Secrets.maskTree(holder);
        JsonNode shown = holder.elements().next();
        return shown instanceof TextNode t ? "\"" + t.textValue() + "\"" : shown.toString();
    }
}
