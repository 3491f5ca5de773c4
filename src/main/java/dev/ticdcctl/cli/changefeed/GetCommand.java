package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.Watch;
import dev.ticdcctl.cli.WatchOptions;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", aliases = "query",
        description = {"Show a changefeed: state, checkpoint, lag, error and (with -o json|yaml) its full config.",
            "Secrets in the sink URI and the config are masked (see 'ticdcctl help formatting')."},
        footerHeading = "%nExamples:%n",
        footer = {"  # one line with the essentials", "  ticdcctl changefeed get orders",
            "  # the whole changefeed, config included", "  ticdcctl changefeed get orders -o yaml",
            "  # its state and lag, refreshed every 2s until Ctrl-C", "  ticdcctl changefeed get orders --watch",
            "  # one JSON line per 10s for a log", "  ticdcctl changefeed get orders -w --interval 10s -o json >> orders.jsonl"})
final class GetCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Mixin
    WatchOptions watch;

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
                return new Watch.Snapshot(result::json,
                        () -> ChangefeedViews.detail(result.value(), services.output().times()));
            });
        }
        ApiResult<ChangefeedDetail> result = services.client().getChangefeed(services.namespace(), id);
        services.output().resource(result.json(),
                () -> ChangefeedViews.detail(result.value(), services.output().times()));
        return ExitCode.OK;
    }
}
