package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Program;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.Version;
import dev.ticdcctl.cli.api.ApiCommand;
import dev.ticdcctl.cli.capture.CaptureCommand;
import dev.ticdcctl.cli.changefeed.ChangefeedCommand;
import dev.ticdcctl.cli.changefeed.TopCommand;
import dev.ticdcctl.cli.cluster.ClusterStatusCommand;
import dev.ticdcctl.cli.cluster.HealthCommand;
import dev.ticdcctl.cli.cluster.LogCommand;
import dev.ticdcctl.cli.cluster.OwnerCommand;
import dev.ticdcctl.cli.cluster.VersionCommand;
import dev.ticdcctl.cli.completion.CompleteCommand;
import dev.ticdcctl.cli.completion.CompletionCommand;
import dev.ticdcctl.cli.config.ConfigCommand;
import dev.ticdcctl.cli.processor.ProcessorCommand;
import dev.ticdcctl.cli.sandbox.SandboxCommand;
import dev.ticdcctl.cli.shell.ShellCommand;
import dev.ticdcctl.cli.tso.TsoCommand;
import dev.ticdcctl.cli.unsafe.UnsafeCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "ticdcctl", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Administer a TiCDC cluster over its OpenAPI v2.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # list the changefeeds of a cluster",
            "  ticdcctl --server 10.0.0.1:8300 changefeed list",
            "  # create one and wait until it runs",
            "  ticdcctl changefeed create orders \\",
            "      --sink-uri 'kafka://kafka:9092/orders?protocol=canal-json'",
            "  # help topics: exit codes, environment variables, output formats, the options above",
            "  ticdcctl help exit-codes",
            "  ticdcctl help environment",
            "  ticdcctl help formatting",
            "  ticdcctl help global-options"
        })
public final class RootCommand implements Callable<Integer>, Program {
    /** The top-level commands, in the order help lists them; {@link Cli} adds them. */
    static final List<Class<?>> COMMANDS = List.of(
            ChangefeedCommand.class, CaptureCommand.class, ProcessorCommand.class, OwnerCommand.class,
            LogCommand.class, TsoCommand.class, UnsafeCommand.class, ClusterStatusCommand.class, HealthCommand.class,
            VersionCommand.class, ApiCommand.class, ConfigCommand.class, SandboxCommand.class, ShellCommand.class,
            TopCommand.class,
            CompletionCommand.class, CompleteCommand.class, HelpCommand.class);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final Session session;

    RootCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    @Override
    public int run(Environment environment, PrintStream out, PrintStream err, String... args) {
        return Cli.run(environment, out, err, args);
    }

    @Override
    public CommandLine commandLine(String... args) {
        return Cli.commandLine(session, args);
    }

    @Override
    public CommandLine grown(CommandLine root, String... args) {
        return Cli.grown(root, session, args);
    }
}
