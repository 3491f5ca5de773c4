package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pause",
        description = {"Pause a changefeed and wait until it is stopped.",
            "A paused changefeed keeps its checkpoint and still holds back upstream GC."
                + " Pausing a changefeed that is not running changes nothing and succeeds."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed pause orders", "  # return as soon as the server accepted",
            "  ticdcctl changefeed pause orders --no-wait"})
final class PauseCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--no-wait", description = "Return once the server accepted the request.")
    boolean noWait;

    private final Services services;

    PauseCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        String namespace = services.namespace();
        ApiResult<ChangefeedDetail> current = services.client().getChangefeed(namespace, id);
        String state = current.value().state();
        if (ChangefeedWaits.NOT_RUNNING.contains(state)) {
            services.output().result("changefeed \"" + id + "\" is already " + state + "; nothing to pause",
                    current.json());
            return ExitCode.OK;
        }
        services.client().pauseChangefeed(namespace, id);
        ApiResult<ChangefeedDetail> result = noWait ? services.client().getChangefeed(namespace, id)
                : new ChangefeedWaits(services).until(namespace, id, "stopped"::equals, "stop");
        services.output().result("changefeed \"" + id + "\" " + (noWait ? "pause requested" : "paused"),
                result.json());
        return ExitCode.OK;
    }
}
