package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Program;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Print the shell completion script for bash, zsh or fish. It completes commands, options,"
            + " their values, file paths, and the changefeed and capture IDs of the configured cluster.",
            "Commands, options and fixed values are answered by the script itself; only live values (changefeed"
            + " and capture IDs, contexts) run 'ticdcctl __complete'.",
            "Its first lines say how to install it."},
        footerHeading = "%nExamples:%n",
        footer = {"  # bash: this shell only (add the line to ~/.bashrc to keep it)",
            "  source <(ticdcctl completion bash)",
            "  # zsh: as _ticdcctl in a directory on $fpath, then start a new shell",
            "  ticdcctl completion zsh > /usr/local/share/zsh/site-functions/_ticdcctl",
            "  # fish",
            "  ticdcctl completion fish > ~/.config/fish/completions/ticdcctl.fish"})
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    CompletionShell shell;

    @Spec
    CommandSpec spec;

    private final Printing printing;

    CompletionCommand(Printing printing) {
        this.printing = printing;
    }

    @Override
    public Integer call() {
        // The whole tree, not the branch this line names: the script answers for every command.
        printing.output().data(shell.script(Program.of(spec).commandLine()).stripTrailing());
        return ExitCode.OK.code();
    }
}
