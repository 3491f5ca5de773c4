package dev.ticdcctl.cli.tso;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
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
    private final Services services;

    QueryCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiResult<TsoParts> result = services.client().tso();
        Tso tso = result.value().compose();
        if (services.output().format() == Format.table && !services.output().machineReadable()) {
            services.output().data(tso.toString()); // a bare number, for $(ticdcctl tso query)
        } else {
            services.output().resource(result.json(), () -> DecodeCommand.table(tso, services));
        }
        return ExitCode.OK.code();
    }
}
