package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", aliases = "query",
        description = {"Show a changefeed: state, checkpoint, lag, error and (with -o json|yaml) its full config.",
            "The sink URI's password is masked by the server."},
        footerHeading = "%nExamples:%n",
        footer = {"  # one line with the essentials", "  ticdcctl changefeed get orders",
            "  # the whole changefeed, config included", "  ticdcctl changefeed get orders -o yaml"})
final class GetCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    private final Services services;

    GetCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiResult<ChangefeedDetail> result = services.client().getChangefeed(services.namespace(), ref.id());
        services.output().resource(result.json(),
                () -> ChangefeedViews.detail(result.value(), services.output().times()));
        return ExitCode.OK;
    }
}
