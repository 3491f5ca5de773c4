package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;

/**
 * Creates a changefeed as an operator expects: tables that cannot be replicated are listed first and the user
 * decides; then create, wait until the owner runs it, and optionally pause it.
 */
final class ChangefeedCreator {
    /** How to create: dry run, skip ineligible tables without asking, wait, leave paused. */
    record How(boolean dryRun, boolean ignoreIneligible, boolean noWait, boolean paused) {}

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;

    ChangefeedCreator(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        this.waiting = waiting;
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
    }

    /** The POST body for {@code input}. */
    Requests.CreateChangefeed request(ChangefeedInput input) {
        if (input.sinkUri() == null) {
            throw new CliException.InvalidInput("a sink URI is required: give --sink-uri or sink-uri in the spec",
                    null);
        }
        if (input.id() != null) {
            ChangefeedRef.check(input.id());
        }
        return new Requests.CreateChangefeed(input.namespace(), input.id(), input.startTs(), input.targetTs(),
                input.sinkUri(), input.config());
    }

    /** Creates what {@code input} describes and prints the result line (or the body, for a dry run). */
    void createAndReport(ChangefeedInput input, How how) throws InterruptedException {
        ApiResult<ChangefeedDetail> result = create(request(input), how);
        if (result == null) {
            return;
        }
        ChangefeedDetail cf = result.value(); // read before printing, which masks the JSON's secrets
        printing.output().result("changefeed \"" + cf.id() + "\" created" + (how.paused() ? " (paused)" : ""),
                result.json());
        if (!how.noWait() && !how.paused() && !ChangefeedState.NORMAL.is(cf.state())) {
            printing.output().warn("changefeed \"" + cf.id() + "\" is " + cf.state()
                    + (cf.error() == null ? "" : ": " + cf.error().message()));
        }
    }

    /** Creates; returns null for a dry run (the body was printed). */
    ApiResult<ChangefeedDetail> create(Requests.CreateChangefeed request, How how) throws InterruptedException {
        if (how.dryRun()) {
            printing.output().requestBody(printing.mapper().valueToTree(request));
            return null;
        }
        request = withIneligibleTablesDecided(request, how.ignoreIneligible());
        ApiResult<ChangefeedDetail> created = cluster.client().createChangefeed(request);
        String id = created.value().id();
        String namespace = request.namespace();
        ChangefeedSettle settle = ChangefeedSettle.of(cluster, printing, waiting);
        if (how.paused()) {
            settle.until(namespace, id, state -> true, "start");
            cluster.client().pauseChangefeed(namespace, id);
            return how.noWait() ? created : settle.until(namespace, id, ChangefeedState.STOPPED::is, "stop");
        }
        return how.noWait() ? created : settle.until(namespace, id, state -> true, "start");
    }

    /**
     * Asks the server which tables cannot be replicated (no primary key, no not-null unique key) and lets the user
     * decide, instead of failing the create; {@code force-replicate} in the config replicates them anyway.
     */
    private Requests.CreateChangefeed withIneligibleTablesDecided(Requests.CreateChangefeed request, boolean ignore)
            throws InterruptedException {
        JsonNode config = request.replicaConfig();
        if (config != null && (config.path("force_replicate").asBoolean()
                || config.path("ignore_ineligible_table").asBoolean())) {
            return request;
        }
        long startTs = request.startTs() != null ? request.startTs()
                : cluster.client().tso().value().compose().value();
        ObjectNode verify = printing.mapper().createObjectNode().put("sink_uri", request.sinkUri())
                .put("start_ts", startTs);
        if (config != null) {
            verify.set("replica_config", config);
        }
        JsonNode ineligible = cluster.client().verifyTable(verify).path("ineligible_tables");
        if (!ineligible.isArray() || ineligible.isEmpty()) {
            return request;
        }
        Table table = new Table(Column.of("DATABASE"), Column.of("TABLE"), Column.of("TABLE_ID"));
        ineligible.forEach(t -> table.row(t.path("database_name").asText(), t.path("table_name").asText(),
                t.path("table_id").asText()));
        printing.output().progress(ineligible.size() + " table(s) have neither a primary key nor a not-null unique"
                + " key and cannot be replicated:\n" + table.render(false, true, false, 0).stripTrailing());
        if (!ignore) {
            confirmations.prompter().confirm("Create the changefeed without these tables?",
                    "no changefeed was created; add --ignore-ineligible to skip these tables, or set"
                            + " force-replicate in the config to replicate them anyway");
        }
        ObjectNode adjusted = config == null ? printing.mapper().createObjectNode() : ((ObjectNode) config).deepCopy();
        adjusted.put("ignore_ineligible_table", true);
        return new Requests.CreateChangefeed(request.namespace(), request.changefeedId(), request.startTs(),
                request.targetTs(), request.sinkUri(), adjusted);
    }
}
