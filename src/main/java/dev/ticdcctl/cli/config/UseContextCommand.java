package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.ConfigFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "use-context", description = "Make a context the current one, used when no --context is given.",
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl config use-context prod"})
final class UseContextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The context.")
    String name;

    private final Printing printing;
    private final Configuration configuration;
    private final Environment environment;

    UseContextCommand(Printing printing, Configuration configuration, Environment environment) {
        this.printing = printing;
        this.configuration = configuration;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ConfigFile.update(configuration.configFile(), file -> {
            ConfigCommands.requireContext(file, name);
            file.use(name);
            return null;
        });
        if (environment.console() != null) {
            environment.console().currentContextChanged(name);
        }
        printing.output().result("switched to context \"" + name + "\"", null);
        return ExitCode.OK.code();
    }
}
