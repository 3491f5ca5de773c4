package dev.ticdcctl.cli.processor;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.model.ProcessorSummary;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", aliases = "ls", description = {"List the processors of every namespace.",
            "TiCDC's new architecture keeps no processors to list: see 'changefeed tables' there."},
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl processor list"})
final class ProcessorListCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;

    ProcessorListCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        NoProcessorDetail.refuseIfKnownNew(cluster, null);
        ApiResult<ListResult<ProcessorSummary>> result = cluster.client().listProcessors();
        if (result.value().items().isEmpty()) {
            NoProcessorDetail.refuseIfNew(cluster, null);
        }
        printing.output().resource(result.json(), () -> {
            Table table = new Table(Column.id("CHANGEFEED_ID"), Column.id("CAPTURE_ID"), Column.of("NAMESPACE"));
            result.value().items().forEach(p -> table.row(p.changefeedId(), p.captureId(), p.namespace()));
            return table;
        });
        return ExitCode.OK.code();
    }
}
