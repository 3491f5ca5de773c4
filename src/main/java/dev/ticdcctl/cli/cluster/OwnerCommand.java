package dev.ticdcctl.cli.cluster;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GroupCommand;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "owner", description = "Act on the owner capture.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl owner resign --yes", "  # return once another capture is owner",
            "  ticdcctl owner resign --yes --wait"})
public final class OwnerCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(OwnerCommand.Resign.class);
    }

    @Command(name = "resign",
            description = {"Make the owner step down so that the captures elect another owner.",
                "Used before stopping the owner's node. Asks for confirmation on a terminal; needs --yes otherwise.",
                "With --wait, returns once a different capture is owner (for at most --timeout, default 60s; exit"
                    + " status 6 otherwise). A cluster of one capture elects the same capture again: --wait then"
                    + " returns once it is owner again."},
            footerHeading = "%nExamples:%n", footer = {"  ticdcctl owner resign --yes",
                "  # before stopping the owner's node: return once another capture took over",
                "  ticdcctl owner resign --yes --wait"})
    static final class Resign implements Callable<Integer> {
        @Option(names = "--wait", description = "Wait until a different capture is owner, and name it.")
        boolean await;

        private final ClusterAccess cluster;
        private final Printing printing;
        private final Confirmations confirmations;
        private final Waiting waiting;

        Resign(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting) {
            this.cluster = cluster;
            this.printing = printing;
            this.confirmations = confirmations;
            this.waiting = waiting;
        }

        @Override
        public Integer call() throws InterruptedException {
            confirmations.prompter().confirm("Make the owner of " + cluster.name() + " resign? Changefeeds pause"
                    + " briefly while a new owner is elected.", "the owner did not resign");
            if (await) {
                OwnerHandover.Elected elected = new OwnerHandover(cluster, printing, waiting).resignAndWait();
                String owner = elected.owner().id() + " (" + elected.owner().address() + ")";
                printing.output().result(elected.same() ? "owner resigned; " + owner + " is owner again"
                        : "owner resigned; new owner is " + owner, elected.json());
                return ExitCode.OK.code();
            }
            cluster.client().resignOwner();
            printing.output().result("owner resigned; the captures are electing a new owner",
                    printing.mapper().createObjectNode());
            return ExitCode.OK.code();
        }
    }
}
