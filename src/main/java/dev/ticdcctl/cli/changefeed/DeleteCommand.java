package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.output.SinkUris;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", aliases = {"remove", "rm"},
        description = {"Delete a changefeed and its replication progress.",
            "Asks for confirmation on a terminal; needs --yes otherwise. Returns once the changefeed is gone."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed delete orders", "  # in a script, where it may already be gone",
            "  ticdcctl changefeed delete orders --yes --ignore-not-found"})
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--ignore-not-found", description = "Succeed when the changefeed does not exist.")
    boolean ignoreNotFound;

    private final Services services;

    DeleteCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        String namespace = services.namespace();
        services.prompter().ensureCanConfirm();
        ApiResult<ChangefeedDetail> current;
        try {
            current = services.client().getChangefeed(namespace, id);
        } catch (NotFoundException e) {
            if (!ignoreNotFound) {
                throw e;
            }
            services.output().result("changefeed \"" + id + "\" does not exist; nothing to delete", null);
            return ExitCode.OK;
        }
        ChangefeedDetail cf = current.value();
        services.prompter().confirm("Delete changefeed \"" + id + "\" (namespace " + namespace + ", " + cf.state()
                + ", checkpoint " + cf.checkpointTs() + ", sink " + SinkUris.mask(cf.sinkUri()) + ")?",
                "changefeed \"" + id + "\" was not deleted");
        services.client().deleteChangefeed(namespace, id);
        services.output().result("changefeed \"" + id + "\" deleted", current.json());
        return ExitCode.OK;
    }
}
