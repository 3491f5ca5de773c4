package dev.ticdcctl;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.root.Cli;
import dev.ticdcctl.cli.shell.TerminalConsole;
import dev.ticdcctl.client.Json;
import java.io.PrintStream;

/** Entry point. {@link #main} is the only caller of {@code System.exit}; everything else returns exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (Cli.mayUseServer(args)) {
            Json.prepareInBackground();
        }
        PrintStream stdout = Cli.systemStdout();
        int code = run(Environment.system(TerminalConsole::system), stdout, System.err, args);
        stdout.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs one invocation against the real environment; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(Environment.system(TerminalConsole::system), out, err, args);
    }

    /** Runs one invocation against the given environment (tests supply terminals, stdin and clocks). */
    public static int run(Environment environment, PrintStream out, PrintStream err, String... args) {
        return Cli.run(environment, out, err, args);
    }
}
