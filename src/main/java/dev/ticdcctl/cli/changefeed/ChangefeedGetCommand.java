package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Watch;
import dev.ticdcctl.cli.WatchOptions;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.Times;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "get", aliases = "query",
        description = {"Show a changefeed: its page on a terminal, one table row otherwise.",
            "On a terminal the page has the state, checkpoint and lags, sink URI, start and target, creator version,"
                + " the last error and warning with their messages, the tables on each capture and the config in"
                + " short. Piped, with -o table or --no-headers: one row, as 'changefeed list' prints it; -o wide"
                + " adds every column, -o json|yaml prints the whole answer, config included.",
            "Secrets in the sink URI, the config and messages are masked unless --show-secrets"
                + " (see 'ticdcctl help formatting')."},
        footerHeading = "%nExamples:%n",
        footer = {"  # its page on a terminal (one table row when piped)", "  ticdcctl changefeed get orders",
            "  # one table row on a terminal too", "  ticdcctl changefeed get orders -o table",
            "  # the whole changefeed, config included", "  ticdcctl changefeed get orders -o yaml",
            "  # its state and lag, refreshed every 2s until Ctrl-C", "  ticdcctl changefeed get orders --watch",
            "  # state, checkpoint and error only (cdc cli's query --simple)", "  ticdcctl changefeed get orders -s",
            "  # one JSON line per 10s for a log", "  ticdcctl changefeed get orders -w --interval 10s -o json >> orders.jsonl"})
final class ChangefeedGetCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Mixin
    WatchOptions watch;

    @Option(names = {"-s", "--simple"},
            description = "Only the state, checkpoint and error, as cdc cli's 'changefeed query --simple'.")
    boolean simple;

    @Option(names = "--show-secrets",
            description = "Show the sink-URI password and config secrets in clear (the URI is read from the server's"
                    + " unmasked meta_info route, which TiCDC's new architecture does not have: its URI stays"
                    + " masked).")
    boolean showSecrets;

    @Spec
    CommandSpec spec;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Environment environment;

    ChangefeedGetCommand(ClusterAccess cluster, Printing printing, Environment environment) {
        this.cluster = cluster;
        this.printing = printing;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        if (showSecrets && watch.enabled()) {
            throw new ParameterException(spec.commandLine(), "--show-secrets does not apply to --watch");
        }
        if (watch.enabled()) {
            return watch.watch(printing, environment, cluster).run(() -> {
                ApiResult<ChangefeedDetail> result = cluster.client().getChangefeed(cluster.namespace(), id);
                return new Watch.Snapshot(() -> json(result), () -> table(result.value()));
            });
        }
        ApiResult<ChangefeedDetail> result = cluster.client().getChangefeed(cluster.namespace(), id);
        // The detail masks the sink URI; meta_info is the one route that gives it in clear, on classic servers only.
        String sinkUri = showSecrets ? cluster.client().storedSinkUri(cluster.namespace(), id).orElse(null) : null;
        if (showSecrets && sinkUri == null && Secrets.holdsMask(result.json().path("sink_uri").asText(""))) {
            printing.output().warn("the sink URI is shown with its secret masked (" + Secrets.MASK + "): this server"
                    + " (TiCDC's new architecture) never returns it");
        }
        if (sinkUri != null && result.json() instanceof ObjectNode answer) {
            answer.put("sink_uri", sinkUri);
        }
        // The typed detail is read only for the views: json and yaml print any answer as received.
        Supplier<ChangefeedDetail> cf = () -> sinkUri == null ? result.value() : result.value().withSinkUri(sinkUri);
        if (!simple && printing.output().showsPages() && !tableAsked()) {
            printing.output().page(ChangefeedPage.of(cluster, cf.get(), printing.output().times()), showSecrets);
        } else {
            printing.output().resource(json(result), () -> table(cf.get()), showSecrets);
        }
        return ExitCode.OK.code();
    }

    /** Whether {@code -o table} was given, before or after the command: it asks for the row, even on a terminal. */
    private boolean tableAsked() {
        for (ParseResult parsed = spec.root().commandLine().getParseResult(); parsed != null;
                parsed = parsed.subcommand()) {
            if (parsed.hasMatchedOption("--output")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode json(ApiResult<ChangefeedDetail> result) {
        return simple ? summary(result.json()) : result.json();
    }

    private Table table(ChangefeedDetail cf) {
        Times times = printing.output().times();
        return simple ? ChangefeedViews.simple(cf, times) : ChangefeedViews.detail(cf, times);
    }

    /** The keys of cdc cli's simple query (tiflow pkg/cmd/cli/cli_changefeed_query.go), taken from the detail. */
    private static ObjectNode summary(JsonNode detail) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        for (String key : List.of("upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time")) {
            if (detail.has(key)) {
                summary.set(key, detail.get(key));
            }
        }
        summary.set("error", detail.hasNonNull("error") ? detail.get("error") : NullNode.getInstance());
        return summary;
    }
}
