package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.Watch;
import dev.ticdcctl.cli.WatchOptions;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.ListResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", aliases = "ls",
        description = {"List the changefeeds of a namespace.",
            "By default finished changefeeds are left out, as TiCDC does; --all includes them."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the changefeeds that are not finished", "  ticdcctl changefeed list",
            "  # the IDs of the failed ones", "  ticdcctl changefeed list --state failed --jq '.items[].id'",
            "  # everything, with more columns", "  ticdcctl changefeed list --all -o wide",
            "  # follow the lag during an incident, refreshed every 5s until Ctrl-C",
            "  ticdcctl changefeed list --watch --interval 5s"})
final class ChangefeedListCommand implements Callable<Integer> {
    /** The states TiCDC stores; "all" is the server's own wildcard. */
    enum State { normal, warning, pending, stopped, failed, finished, removed, all }

    static final class Filter {
        @Option(names = "--state", paramLabel = "STATE",
                description = "Only changefeeds in STATE: ${COMPLETION-CANDIDATES}.")
        State state;

        @Option(names = {"-a", "--all"}, description = "Include finished changefeeds.")
        boolean all;
    }

    @ArgGroup(exclusive = true)
    Filter filter;

    @Mixin
    WatchOptions watch;

    private final Services services;

    ChangefeedListCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String state = filter == null ? null : filter.all ? "all" : filter.state.name();
        if (watch.enabled()) {
            return watch.watch(services).run(() -> {
                ApiResult<ListResult<ChangefeedSummary>> result =
                        services.client().listChangefeeds(services.namespace(), state);
                return new Watch.Snapshot(result::json,
                        () -> ChangefeedViews.list(result.value().items(), services.output().times()));
            });
        }
        ApiResult<ListResult<ChangefeedSummary>> result =
                services.client().listChangefeeds(services.namespace(), state);
        services.output().resource(result,
                () -> ChangefeedViews.list(result.value().items(), services.output().times()));
        return ExitCode.OK.code();
    }
}
