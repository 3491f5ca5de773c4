package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Secrets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", aliases = {"remove", "rm"},
        description = {"Delete changefeeds and their replication progress.",
            "Asks for confirmation on a terminal; needs --yes otherwise. Returns once the changefeeds are gone.",
            "Several IDs, --all or --match (finished changefeeds included) delete many at once: the confirmation"
                + " lists every one, one result per changefeed is printed and the exit code is the worst."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed delete orders", "  # in a script, where it may already be gone",
            "  ticdcctl changefeed delete orders --yes --ignore-not-found",
            "  # every changefeed of a namespace",
            "  ticdcctl changefeed delete --all -n staging"})
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    ChangefeedSelection selection;

    @Option(names = "--ignore-not-found", description = "Succeed when a changefeed does not exist.")
    boolean ignoreNotFound;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;

    DeleteCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
    }

    @Override
    public Integer call() throws InterruptedException {
        selection.validate();
        if (selection.bulk()) {
            String namespace = cluster.namespace();
            // state=all: finished changefeeds are deleted too.
            return ChangefeedBulk.of(cluster, printing, confirmations, namespace).run(selection, "all",
                    new ChangefeedBulk.Wording("delete", "deleted", false, true), () -> {
                        ChangefeedDeleter deleter = deleter();
                        return id -> deleter.findAndDelete(namespace, id);
                    });
        }
        String id = selection.singleId();
        String namespace = cluster.namespace();
        confirmations.prompter().ensureCanConfirm();
        ChangefeedDeleter deleter = deleter();
        ApiResult<ChangefeedDetail> current = deleter.find(namespace, id);
        if (current != null) {
            ChangefeedDetail cf = current.value();
            confirmations.prompter().confirm("Delete changefeed \"" + id + "\" in namespace " + namespace + " of "
                    + cluster.name() + "? It is " + cf.state() + ", checkpoint "
                    + new Tso(cf.checkpointTs()).described() + ", sink " + Secrets.maskText(cf.sinkUri()) + ".",
                    "changefeed \"" + id + "\" was not deleted");
        }
        ChangefeedBulk.Outcome outcome = deleter.delete(namespace, id, current);
        printing.output().result(outcome.message(), outcome.resource());
        return ExitCode.OK.code();
    }

    private ChangefeedDeleter deleter() {
        return new ChangefeedDeleter(cluster.client(), waiting.statusLine(), printing.output().times(),
                ignoreNotFound);
    }
}
