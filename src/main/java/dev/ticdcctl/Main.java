package dev.ticdcctl;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.root.AnnotationWarmUp;
import dev.ticdcctl.cli.root.Cli;
import dev.ticdcctl.cli.shell.TerminalConsole;
import dev.ticdcctl.client.Json;
import java.io.PrintStream;

/** Entry point. {@link #main} is the only caller of {@code System.exit}; everything else returns exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Preparation.start(Cli.buildsModel(args), Cli.mayUseServer(args));
        PrintStream stdout = Cli.systemStdout();
        int code = run(Environment.system(TerminalConsole::system), stdout, System.err, args);
        stdout.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * What a run will need, made ready on the second core while the main thread starts: the annotation types of the
     * command model first (needed within milliseconds), then the HTTP client (needed once the command runs). One
     * thread: a second would only compete for the same core.
     */
    private record Preparation(boolean model, boolean server) implements Runnable {
        static void start(boolean model, boolean server) {
            if (model || server) {
                Thread thread = new Thread(new Preparation(model, server), "ticdcctl-prepare");
                thread.setDaemon(true);
                thread.start();
            }
        }

        @Override
        public void run() {
            if (model) {
                AnnotationWarmUp.run();
            }
            if (server) {
                Json.prepare();
            }
        }
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
