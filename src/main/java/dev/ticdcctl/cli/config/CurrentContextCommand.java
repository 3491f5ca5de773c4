package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.ConfigFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "current-context", description = "Print the name of the current context.",
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl config current-context"})
final class CurrentContextCommand implements Callable<Integer> {
    private final Printing printing;
    private final Configuration configuration;

    CurrentContextCommand(Printing printing, Configuration configuration) {
        this.printing = printing;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        ConfigFile file = ConfigFile.load(configuration.configFile());
        if (file.currentContext() == null) {
            throw new CliException.NotFound("no current context in " + file.path(),
                    "choose one with 'ticdcctl config use-context NAME'");
        }
        printing.output().data(file.currentContext());
        return ExitCode.OK.code();
    }
}
