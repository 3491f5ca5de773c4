package dev.ticdcctl.cli.shell;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.Program;
import dev.ticdcctl.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "shell",
        description = {"Work interactively: type commands as on the command line, without 'ticdcctl'. The global"
            + " options given to 'shell' (--server, --context, -n, TLS, credentials, -o, ...) apply to every command;"
            + " one typed on a line replaces them for that line. The shell keeps the context it started on, whatever"
            + " another 'config use-context' does; 'config use-context' typed in the shell moves it.",
            "Tab completes commands, options and changefeed IDs; history is kept in $XDG_STATE_HOME/ticdcctl/history"
                + " (lines with --password are not). Ctrl-C cancels the running command, Ctrl-D or 'exit' leaves."},
        footerHeading = "%nExamples:%n",
        footer = {"  # a shell on the production cluster", "  ticdcctl --context prod shell",
            "  # then, at its prompt", "  changefeed list", "  changefeed pause orders",
            "  changefeed get orders -o yaml"})
public final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Session session;

    ShellCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Environment environment = session.environment();
        if (environment.insideShell()) {
            throw new CliException.InvalidInput("already in the shell", "type the command itself, e.g. 'changefeed list'");
        }
        if (!environment.terminal().stdin() || !environment.terminal().stdout()) {
            throw new CliException.InvalidInput("the shell needs a terminal",
                    "run commands directly, e.g. 'ticdcctl changefeed list'");
        }
        TerminalConsole console = environment.console() instanceof TerminalConsole given ? given
                : TerminalConsole.systemForShell();
        Program program = Program.of(spec);
        return new InteractiveShell(console, session, program, program.commandLine(), startArgs()).run();
    }

    /**
     * The global options as given, wherever they stood: before 'shell' or after it. {@code --sandbox} becomes the
     * address of the embedded sandbox, started once for the whole shell rather than once for every line.
     */
    private List<String> startArgs() {
        List<String> args = new ArrayList<>();
        for (ParseResult result = spec.root().commandLine().getParseResult(); result != null;
                result = result.subcommand()) {
            for (OptionSpec option : result.matchedOptions()) {
                if (option.longestName().equals("--sandbox")) {
                    args.addAll(List.of("--server", session.server().toString()));
                    args.addAll(session.sandboxDialect());
                } else if (option.arity().max() == 0) {
                    args.add(option.longestName());
                } else {
                    for (String value : option.originalStringValues()) {
                        args.add(option.longestName());
                        args.add(value);
                    }
                }
            }
        }
        return args;
    }
}
