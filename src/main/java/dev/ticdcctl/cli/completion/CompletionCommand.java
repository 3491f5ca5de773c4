package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion",
        description = {"Print the shell completion script for bash, zsh or fish. It completes commands, options,"
            + " their values, file paths, and the changefeed and capture IDs of the configured cluster.",
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

    private final Printing printing;

    CompletionCommand(Printing printing) {
        this.printing = printing;
    }

    @Override
    public Integer call() {
        printing.output().data(shell.script().stripTrailing());
        return ExitCode.OK.code();
    }
}
