package dev.ticdcctl.cli.cluster;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GroupCommand;
import dev.ticdcctl.cli.Services;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "log", description = "Change the log level of a capture.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl log set debug"})
public final class LogCommand extends GroupCommand {
    @Override
    protected List<Class<?>> verbs() {
        return List.of(LogCommand.Set.class);
    }

    /** The zap levels TiCDC accepts. */
    enum Level { debug, info, warn, error, dpanic, panic, fatal }

    @Command(name = "set",
            description = {"Set the log level of the capture at --server (only that node; it is not forwarded)."},
            footerHeading = "%nExamples:%n", footer = {"  ticdcctl --server 10.0.0.2:8300 log set debug"})
    static final class Set implements Callable<Integer> {
        @Parameters(paramLabel = "LEVEL", description = "One of: ${COMPLETION-CANDIDATES}.")
        Level level;

        private final Services services;

        Set(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws InterruptedException {
            services.client().setLogLevel(level.name());
            services.output().result("log level of " + services.server() + " set to " + level,
                    services.mapper().createObjectNode());
            return ExitCode.OK;
        }
    }
}
