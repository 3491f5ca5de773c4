package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.Tso;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update",
        description = {"Change a stopped or failed changefeed's sink URI or target TSO.",
            "TiCDC refuses updates of a running changefeed: pause it first; the change takes effect on resume."
                + " Only what you give is sent; the rest of the changefeed stays as it is."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed pause orders",
            "  ticdcctl changefeed update orders \\",
            "      --sink-uri 'kafka://kafka-2:9092/orders?protocol=canal-json'",
            "  ticdcctl changefeed resume orders"})
final class UpdateCommand implements Callable<Integer> {
    private static final Set<String> UPDATABLE = Set.of("stopped", "failed");

    @Mixin
    ChangefeedRef ref;

    @Option(names = "--sink-uri", paramLabel = "URI", description = SinkUriArgument.DESCRIPTION)
    String sinkUri;

    @Option(names = "--target-ts", paramLabel = "TSO", converter = TsoConverter.class,
            description = "The new target TSO; it must be later than the start TSO.")
    Tso targetTs;

    private final Services services;

    UpdateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        if (sinkUri == null && targetTs == null) {
            throw new CliException.InvalidInput("nothing to update: give --sink-uri or --target-ts", null);
        }
        String uri = SinkUriArgument.resolve(sinkUri, services);
        String namespace = services.namespace();
        ApiResult<ChangefeedDetail> found = services.client().getChangefeed(namespace, id);
        ChangefeedDetail current = found.value();
        if (!UPDATABLE.contains(current.state())) {
            throw new CliException.Refused("changefeed \"" + id + "\" is " + current.state()
                    + "; only a stopped or failed changefeed can be updated",
                    "pause it first with 'ticdcctl changefeed pause " + id + "'");
        }
        boolean sameTarget = targetTs == null || targetTs.value() == current.targetTs();
        if (sameTarget && (uri == null || uri.equals(current.sinkUri()))) {
            services.output().result("changefeed \"" + id + "\" already has these settings; nothing was sent",
                    found.json());
            return ExitCode.OK;
        }
        // Never send the masked sink URI that GET returned: the server would store "xxxxx" as the password.
        Requests.UpdateChangefeed request = new Requests.UpdateChangefeed(
                targetTs == null ? null : targetTs.value(), uri, null);
        ApiResult<ChangefeedDetail> updated = services.client().updateChangefeed(namespace, id, request);
        services.output().result("changefeed \"" + id + "\" updated", updated.json());
        return ExitCode.OK;
    }
}
