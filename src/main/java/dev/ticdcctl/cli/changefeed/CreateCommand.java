package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.Tso;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create",
        description = {"Create a changefeed and wait until the owner runs it.",
            "Without an ID the server generates one. Without --start-ts replication starts now."},
        footerHeading = "%nExamples:%n",
        footer = {"  # replicate everything to Kafka from now on",
            "  ticdcctl changefeed create orders \\",
            "      --sink-uri 'kafka://kafka:9092/orders?protocol=canal-json'",
            "  # a MySQL sink whose password stays out of the process list",
            "  printf '%%s\\n' \"$SINK_URI\" | ticdcctl changefeed create orders --sink-uri -",
            "  # replicate a fixed range of history",
            "  ticdcctl changefeed create backfill --sink-uri blackhole:// \\",
            "      --start-ts 450835120160243717 --target-ts 450835277488291841"})
final class CreateCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--sink-uri", required = true, paramLabel = "URI", description = SinkUriArgument.DESCRIPTION)
    String sinkUri;

    @Option(names = "--start-ts", paramLabel = "TSO", converter = TsoConverter.class,
            description = "Replicate changes committed after this TSO (default: now).")
    Tso startTs;

    @Option(names = "--target-ts", paramLabel = "TSO", converter = TsoConverter.class,
            description = "Stop (state finished) once this TSO is replicated (default: never).")
    Tso targetTs;

    @Option(names = "--no-wait", description = "Return once the server accepted the changefeed.")
    boolean noWait;

    private final Services services;

    CreateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.optionalId();
        String uri = SinkUriArgument.resolve(sinkUri, services);
        Requests.CreateChangefeed request = new Requests.CreateChangefeed(services.namespace(), id,
                startTs == null ? null : startTs.value(), targetTs == null ? null : targetTs.value(), uri, null);
        ApiResult<ChangefeedDetail> created = services.client().createChangefeed(request);
        String createdId = created.value().id();
        ApiResult<ChangefeedDetail> result = noWait ? created
                : new ChangefeedWaits(services).until(services.namespace(), createdId, state -> true, "start");
        services.output().result("changefeed \"" + createdId + "\" created", result.json());
        String state = result.value().state();
        if (!noWait && !"normal".equals(state)) {
            services.output().warn("changefeed \"" + createdId + "\" is " + state
                    + (result.value().error() == null ? "" : ": " + result.value().error().message()));
        }
        return ExitCode.OK;
    }
}
