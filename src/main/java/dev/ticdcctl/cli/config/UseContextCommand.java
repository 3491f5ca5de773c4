package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.config.ConfigFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "use-context", description = "Make a context the current one, used when no --context is given.",
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl config use-context prod"})
final class UseContextCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The context.")
    String name;

    private final Services services;

    UseContextCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        ConfigFile.update(services.configFile(), file -> {
            ConfigCommands.requireContext(file, name);
            file.use(name);
            return null;
        });
        if (services.environment().console() != null) {
            services.environment().console().currentContextChanged(name);
        }
        services.output().result("switched to context \"" + name + "\"", null);
        return ExitCode.OK.code();
    }
}
