package dev.ticdcctl.cli.processor;

import dev.ticdcctl.cli.CaptureRef;
import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ProcessorDetail;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "get", aliases = "query",
        description = {"Show the tables a capture replicates for a running changefeed.",
            "TiCDC's new architecture keeps no processor detail: 'changefeed tables' shows its tables per capture."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl processor get orders 2b8e1fd4-7f4a-4bfa-9b9e-9c1b1e8a6f42",
            "  # the capture by its address", "  ticdcctl processor get orders 10.0.0.2:8300",
            "  # cdc cli spelling", "  ticdcctl processor query -c orders -p \"$CAPTURE_ID\""})
final class ProcessorGetCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "CHANGEFEED_ID CAPTURE_ID",
            description = "The changefeed and the capture (its ID or its address, host:port), unless given with -c"
                    + " and -p.")
    List<String> arguments = List.of();

    @Option(names = {"-c", "--changefeed-id"}, paramLabel = "ID", description = "The changefeed (cdc cli spelling).")
    String changefeedOption;

    @Option(names = {"-p", "--capture-id"}, paramLabel = "CAPTURE_ID",
            description = "The capture, by ID or address (cdc cli spelling).")
    String captureOption;

    @Spec
    CommandSpec spec;

    private final ClusterAccess cluster;
    private final Printing printing;

    ProcessorGetCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        // The arguments fill whatever the options left open, in order: changefeed, then capture.
        Deque<String> rest = new ArrayDeque<>(arguments);
        String changefeedId = changefeedOption != null ? changefeedOption : rest.poll();
        String capture = captureOption != null ? captureOption : rest.poll();
        if (!rest.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unexpected argument '" + rest.peek()
                    + "': the changefeed and the capture are already given");
        }
        if (changefeedId == null || capture == null) {
            throw new ParameterException(spec.commandLine(), "missing " + (changefeedId == null ? "changefeed" : "capture")
                    + " ID: give CHANGEFEED_ID CAPTURE_ID, or -c and -p");
        }
        ChangefeedRef.check(changefeedId);
        NoProcessorDetail.refuseIfKnownNew(cluster, changefeedId);
        String captureId = CaptureRef.resolve(cluster, capture).id();
        ApiResult<ProcessorDetail> result =
                cluster.client().getProcessor(cluster.namespace(), changefeedId, captureId);
        if (result.value().tableIds().isEmpty()) {
            NoProcessorDetail.refuseIfNew(cluster, changefeedId);
        }
        printing.output().resource(result.json(), () -> new Table(Column.id("CHANGEFEED_ID"),
                Column.id("CAPTURE_ID"), Column.of("TABLES"), Column.of("TABLE_IDS"))
                .row(changefeedId, captureId, result.value().tableIds().size(),
                        result.value().tableIds().stream().map(String::valueOf).collect(Collectors.joining(","))));
        return ExitCode.OK.code();
    }
}
