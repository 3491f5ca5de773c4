package dev.ticdcctl.cli.tso;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.model.TsoParts;
import dev.ticdcctl.output.Format;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "query", description = {"Print the upstream PD's current TSO, asked through TiCDC (no --pd needed)."},
        footerHeading = "%nExamples:%n",
        footer = {"  # start a changefeed exactly here", "  ts=$(ticdcctl tso query)",
            "  ticdcctl changefeed create orders --sink-uri blackhole:// --start-ts \"$ts\""})
final class QueryCommand implements Callable<Integer> {
    private final ClusterAccess cluster;
    private final Printing printing;
    private final Environment environment;

    QueryCommand(ClusterAccess cluster, Printing printing, Environment environment) {
        this.environment = environment;
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiResult<TsoParts> result = cluster.client().tso();
        Tso tso = result.value().compose();
        if (printing.output().format() == Format.table && !printing.output().machineReadable()) {
            printing.output().data(tso.toString()); // a bare number, for $(ticdcctl tso query)
        } else {
            printing.output().resource(result.json(), () -> DecodeCommand.table(tso, DecodeCommand.zone(environment)));
        }
        return ExitCode.OK.code();
    }
}
