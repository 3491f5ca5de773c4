package dev.ticdcctl.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Builds the command tree for one invocation and runs it. */
public final class Cli {
    private Cli() {}

    public static int run(Environment environment, PrintStream out, PrintStream err, String... args) {
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), false);
        try (Services services = new Services(environment, stdout, stderr, new GlobalOptions())) {
            return commandLine(services).execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    static CommandLine commandLine(Services services) {
        CommandLine cl = new CommandLine(RootCommand.class, new CommandFactory(services));
        cl.setOut(services.out());
        cl.setErr(services.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(services));
        cl.setParameterExceptionHandler(new UsageErrorHandler(services));
        HelpLayout.install(cl);
        return cl;
    }
}
