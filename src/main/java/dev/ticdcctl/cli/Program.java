package dev.ticdcctl.cli;

import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * The whole program, for the commands that run or complete other command lines (the shell, {@code __complete}).
 * The tree's root implements it, so those commands reach it through picocli's model instead of importing the root.
 */
public interface Program {
    /** Runs one command line as {@code ticdcctl ARGS} would, with this environment and these streams. */
    int run(Environment environment, PrintStream out, PrintStream err, String... args);

    /**
     * The command tree for {@code args}, sharing this invocation's connections: only the branch they name when they
     * name one, else the whole tree.
     */
    CommandLine commandLine(String... args);

    /**
     * {@code root}, the tree this invocation parsed, with the branch {@code args} name added: what completion walks,
     * without building the root's model a second time on every TAB.
     */
    CommandLine grown(CommandLine root, String... args);

    /** The program whose command tree holds {@code spec}. */
    static Program of(CommandSpec spec) {
        return (Program) spec.root().userObject();
    }
}
