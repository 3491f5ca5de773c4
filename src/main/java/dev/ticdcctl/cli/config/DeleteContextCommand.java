package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.ConfigFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete-context", description = "Remove a context (if it was the current one, none is current).",
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl config delete-context staging"})
final class DeleteContextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The context.")
    String name;

    private final Printing printing;
    private final Configuration configuration;

    DeleteContextCommand(Printing printing, Configuration configuration) {
        this.printing = printing;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        ConfigFile.update(configuration.configFile(), file -> {
            ConfigCommands.requireContext(file, name);
            return file.remove(name);
        });
        printing.output().result("context \"" + name + "\" deleted", null);
        return ExitCode.OK.code();
    }
}
