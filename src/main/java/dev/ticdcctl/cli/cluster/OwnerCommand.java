package dev.ticdcctl.cli.cluster;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GroupCommand;
import dev.ticdcctl.cli.Services;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "owner", description = "Act on the owner capture.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl owner resign --yes"})
public final class OwnerCommand extends GroupCommand {
    @Override
    protected List<Class<?>> verbs() {
        return List.of(OwnerCommand.Resign.class);
    }

    @Command(name = "resign",
            description = {"Make the owner step down so that the captures elect another owner.",
                "Used before stopping the owner's node. Asks for confirmation on a terminal; needs --yes otherwise."},
            footerHeading = "%nExamples:%n", footer = {"  ticdcctl owner resign --yes"})
    static final class Resign implements Callable<Integer> {
        private final Services services;

        Resign(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws InterruptedException {
            services.prompter().confirm("Make the owner resign? Changefeeds pause briefly while a new owner is"
                    + " elected.", "the owner did not resign");
            services.client().resignOwner();
            services.output().result("owner resigned; the captures are electing a new owner",
                    services.mapper().createObjectNode());
            return ExitCode.OK;
        }
    }
}
