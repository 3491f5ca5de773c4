package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.DurationConverter;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "wait",
        description = {"Wait until a changefeed is in a state, is synced, or has its checkpoint at or past a point.",
            "CONDITION is state=normal|warning|pending|error|stopped|failed|finished (error: TiCDC v7.1's retrying"
                + " state), synced (everything written upstream so far is downstream), or checkpoint=TSO|TIME."
                + " Polls every --interval, for at most --timeout (default 10m). Exit status: 0 when the condition"
                + " holds, 6 on timeout, 1 when the changefeed fails meanwhile (its error is shown), 3 when it does"
                + " not exist. With -o json prints the changefeed as last seen.",
            "On a terminal, a status line on stderr shows how long it has waited and what it saw last: the state"
                + " and the checkpoint's lag, and for checkpoint= how far the checkpoint still is from it."},
        footerHeading = "%nExamples:%n",
        footer = {"  # a CI step: create a changefeed, then block until it has caught up",
            "  ticdcctl changefeed create orders --sink-uri 'mysql://root@tidb-b:4000/'",
            "  ticdcctl changefeed wait orders --for synced --timeout 15m",
            "  # until the checkpoint passes a TSO",
            "  ticdcctl changefeed wait orders --for checkpoint=450835120160243700",
            "  # until a resumed changefeed runs again",
            "  ticdcctl changefeed wait orders --for state=normal --timeout 2m"})
final class WaitCommand implements Callable<Integer> {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    @Mixin
    ChangefeedRef ref;

    @Option(names = "--for", required = true, paramLabel = "CONDITION",
            completionCandidates = ChangefeedCondition.Candidates.class,
            description = "state=STATE, synced, or checkpoint=TSO|TIME.")
    String condition;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Time between polls (default ${DEFAULT-VALUE}).")
    Duration interval;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Waiting waiting;

    WaitCommand(ClusterAccess cluster, Printing printing, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.waiting = waiting;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        ChangefeedCondition wanted = ChangefeedCondition.parse(condition);
        ApiResult<ChangefeedDetail> result = new WaitForCondition(cluster, printing, waiting).await(
                cluster.namespace(), id, wanted, interval, waiting.waitTimeout(DEFAULT_TIMEOUT));
        printing.output().result("changefeed \"" + id + "\" " + wanted.reached(result.value()), result.json());
        return ExitCode.OK.code();
    }
}
