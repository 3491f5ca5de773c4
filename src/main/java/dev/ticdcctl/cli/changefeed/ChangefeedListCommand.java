package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Watch;
import dev.ticdcctl.cli.WatchOptions;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.ListResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
    /**
     * The values of {@code --state}: the states TiCDC stores and "all", the server's own wildcard (tiflow
     * cdc/model/changefeed.go FeedState.IsNeeded); read regardless of case, sent as TiCDC spells them.
     */
    static final class StateFilter implements Iterable<String>, ITypeConverter<String> {
        private static final String ALL = "all";

        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Arrays.stream(ChangefeedState.values()).map(ChangefeedState::wire), Stream.of(ALL))
                    .iterator();
        }

        @Override
        public String convert(String value) {
            String wire = value.toLowerCase(Locale.ROOT);
            if (!wire.equals(ALL) && ChangefeedState.of(wire).isEmpty()) {
                List<String> names = new ArrayList<>();
                forEach(names::add);
                // as picocli words it for an enum, which this option was
                throw new TypeConversionException(
                        "expected one of " + names + " (case-insensitive) but was '" + value + "'");
            }
            return wire;
        }
    }

    static final class Filter {
        @Option(names = "--state", paramLabel = "STATE", converter = StateFilter.class,
                completionCandidates = StateFilter.class,
                description = "Only changefeeds in STATE: ${COMPLETION-CANDIDATES}.")
        String state;

        @Option(names = {"-a", "--all"}, description = "Include finished changefeeds.")
        boolean all;
    }

    @ArgGroup(exclusive = true)
    Filter filter;

    @Mixin
    WatchOptions watch;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Environment environment;

    ChangefeedListCommand(ClusterAccess cluster, Printing printing, Environment environment) {
        this.cluster = cluster;
        this.printing = printing;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        String state = filter == null ? null : filter.all ? StateFilter.ALL : filter.state;
        if (watch.enabled()) {
            return watch.watch(printing, environment, cluster).run(() -> {
                ApiResult<ListResult<ChangefeedSummary>> result =
                        cluster.client().listChangefeeds(cluster.namespace(), state);
                return new Watch.Snapshot(result::json,
                        () -> ChangefeedViews.list(result.value().items(), printing.output().times()));
            });
        }
        ApiResult<ListResult<ChangefeedSummary>> result =
                cluster.client().listChangefeeds(cluster.namespace(), state);
        printing.output().resource(result,
                () -> ChangefeedViews.list(result.value().items(), printing.output().times()));
        return ExitCode.OK.code();
    }
}
