package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.Watch;
import dev.ticdcctl.cli.WatchOptions;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.Times;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "get", aliases = "query",
        description = {"Show a changefeed: state, checkpoint, lag, error and (with -o json|yaml) its full config.",
            "Secrets in the sink URI and the config are masked (see 'ticdcctl help formatting')."},
        footerHeading = "%nExamples:%n",
        footer = {"  # one line with the essentials", "  ticdcctl changefeed get orders",
            "  # the whole changefeed, config included", "  ticdcctl changefeed get orders -o yaml",
            "  # its state and lag, refreshed every 2s until Ctrl-C", "  ticdcctl changefeed get orders --watch",
            "  # state, checkpoint and error only (cdc cli's query --simple)", "  ticdcctl changefeed get orders -s",
            "  # one JSON line per 10s for a log", "  ticdcctl changefeed get orders -w --interval 10s -o json >> orders.jsonl"})
final class GetCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Mixin
    WatchOptions watch;

    @Option(names = {"-s", "--simple"},
            description = "Only the state, checkpoint and error, as cdc cli's 'changefeed query --simple'.")
    boolean simple;

    private final Services services;

    GetCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        if (watch.enabled()) {
            return watch.watch(services).run(() -> {
                ApiResult<ChangefeedDetail> result = services.client().getChangefeed(services.namespace(), id);
                return new Watch.Snapshot(() -> json(result), () -> table(result));
            });
        }
        ApiResult<ChangefeedDetail> result = services.client().getChangefeed(services.namespace(), id);
        services.output().resource(json(result), () -> table(result));
        return ExitCode.OK;
    }

    private JsonNode json(ApiResult<ChangefeedDetail> result) {
        return simple ? summary(result.json()) : result.json();
    }

    private Table table(ApiResult<ChangefeedDetail> result) {
        Times times = services.output().times();
        return simple ? ChangefeedViews.simple(result.value(), times) : ChangefeedViews.detail(result.value(), times);
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
