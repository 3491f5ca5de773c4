package dev.ticdcctl.build;

import dev.ticdcctl.Main;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.root.Cli;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.sandbox.Sandbox;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The class-data-sharing training run of the build: runs the commands people run most against an in-memory sandbox,
 * so that {@code -XX:ArchiveClassesAtExit} records the classes they load. The launcher then maps that archive at
 * start, which saves the JVM from loading and verifying them again. Not part of the command line.
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws Exception {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults())) {
            String server = sandbox.url().toString();
            String[][] runs = {
                {"changefeed", "create", "train", "--sink-uri", "blackhole://", "--yes"},
                {"changefeed", "list"},
                {"changefeed", "list", "-o", "json"},
                {"changefeed", "list", "--jq", ".items[].id"},
                {"changefeed", "get", "train", "-o", "yaml"},
                {"changefeed", "status", "train"},
                {"changefeed", "pause", "train"},
                {"changefeed", "resume", "train"},
                {"changefeed", "get", "missing"},
                {"changefeed", "wait", "train", "--for", "state=normal"},
                {"capture", "list"},
                {"status"},
                {"__complete", "--", "--server", server, "changefeed", "pause", ""},
            };
            for (String[] run : runs) {
                invoke("--server", server, run);
            }
        }
        // as main runs it, so that the launcher's first classes (Main, the system environment) are archived too
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Main.run(sink, sink, "--version");
        invoke("help", new String[0]);
        invoke("-q", new String[] {"--help"}); // the root's usage built from the model, as on a terminal
        invoke("help", new String[] {"changefeed", "create"});
        invoke("tso", new String[] {"decode", "450835120160243717"});
        invoke("tso", new String[] {"encode", "now"});
        invoke("__complete", new String[] {"--", "changefeed", "p"});
        invoke("changefeed", new String[] {"lsit"});
    }

    private static void invoke(String first, String second, String[] rest) {
        String[] args = new String[rest.length + 2];
        args[0] = first;
        args[1] = second;
        System.arraycopy(rest, 0, args, 2, rest.length);
        run(args);
    }

    private static void invoke(String first, String[] rest) {
        String[] args = new String[rest.length + 1];
        args[0] = first;
        System.arraycopy(rest, 0, args, 1, rest.length);
        run(args);
    }

    private static void run(String... args) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Environment environment = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), Terminal.NONE,
                Clock.systemDefaultZone(), d -> Thread.sleep(d.toMillis()), prompt -> new char[0]);
        Cli.run(environment, sink, sink, args);
    }
}
