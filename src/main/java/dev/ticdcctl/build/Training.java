package dev.ticdcctl.build;

import dev.ticdcctl.Main;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.root.Cli;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The class-data-sharing training run of the build: runs the commands people run most against a sandbox, so that
 * {@code -XX:ArchiveClassesAtExit} records the classes they load. The launcher then maps that archive at start,
 * which saves the JVM from loading and verifying them again. Not part of the command line.
 *
 * <p>The sandbox runs in a JVM of its own, so that its server's classes stay out of the archive: every start pays
 * for relocating the archive's pointers (JDK 17+ maps it at a random address), in proportion to its size, and only
 * {@code ticdcctl sandbox} and {@code --sandbox} need those classes. Where no second JVM can be started, the sandbox
 * runs in this one.
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws Exception {
        Process child = sandboxProcess();
        String childUrl = child == null ? null : firstLine(child);
        try (Sandbox sandbox = childUrl != null ? null : Sandbox.start(Sandbox.Options.defaults())) {
            String server = childUrl != null ? childUrl : sandbox.url().toString();
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
        } finally {
            if (child != null) {
                child.destroy();
                child.waitFor();
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

    /** {@code ticdcctl sandbox} on a free port, in a JVM like this one; null when none can be started. */
    private static Process sandboxProcess() {
        String java = ProcessHandle.current().info().command().orElse(null);
        if (java == null) {
            return null;
        }
        try {
            return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "sandbox", "--port", "0",
                    "--captures", "1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
    }

    /** The sandbox's address, the first line it prints; null (and the process stopped) when it prints none. */
    private static String firstLine(Process child) throws InterruptedException {
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line != null && line.startsWith("http")) {
                return line;
            }
        } catch (IOException e) {
            // below
        }
        child.destroy();
        child.waitFor();
        return null;
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
