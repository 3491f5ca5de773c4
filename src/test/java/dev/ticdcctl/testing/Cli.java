package dev.ticdcctl.testing;

import dev.ticdcctl.Main;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.output.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs the real CLI in-process with a chosen environment and captures what a user would see. */
public final class Cli {
    /** 2024-07-01T02:05:10.123Z: ten seconds after the checkpoint of {@link Fixtures#CHECKPOINT_TSO}. */
    public static final Instant NOW = Instant.parse("2024-07-01T02:05:10.123Z");

    private final Map<String, String> env = new HashMap<>();

    /** A cache directory of its own (made only when written), so no test sees what another's server answered. */
    public Cli() {
        env.put("XDG_CACHE_HOME", Path.of(System.getProperty("java.io.tmpdir"), "ticdcctl-test-cache",
                UUID.randomUUID().toString()).toString());
    }
    private final List<String> baseArgs = new ArrayList<>();
    private Terminal terminal = Terminal.NONE;
    private String stdin = "";
    private InputStream stdinStream;
    private PrintStream stdout;
    private ZoneId zone = ZoneOffset.UTC;
    private TestClock sharedClock;
    private Environment.Sleeper sleeper;
    private volatile ByteArrayOutputStream running;
    private volatile ByteArrayOutputStream runningErr;
    private String typedPassword = "";
    private Environment.Console console;
    /** The password prompts shown, in order. */
    public final List<String> prompts = new CopyOnWriteArrayList<>();

    /** The outcome of one run; {@code toString} shows everything, for assertion messages. */
    public record Result(int exitCode, String out, String err, List<String> args) {
        @Override
        public String toString() {
            return "ticdcctl " + String.join(" ", args) + "\n-- exit " + exitCode + "\n-- stdout:\n" + out
                    + "-- stderr:\n" + err;
        }
    }

    public static Cli against(StubServer server) {
        return new Cli().args("--server", server.url());
    }

    public Cli args(String... args) {
        baseArgs.addAll(List.of(args));
        return this;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    /** All three streams on a terminal of the given width. */
    public Cli onTerminal(int width) {
        return terminal(new Terminal(true, true, true, width));
    }

    /** What the user types at a password prompt. */
    public Cli typesPassword(String password) {
        this.typedPassword = password;
        return this;
    }

    /** Asks questions through this console (a line editor on a terminal) instead of stderr and stdin. */
    public Cli console(Environment.Console console) {
        this.console = console;
        return this;
    }

    public Cli stdin(String input) {
        this.stdin = input;
        return this;
    }

    /** Reads stdin from this stream (an endless one, say) instead of a string. */
    public Cli stdin(InputStream input) {
        this.stdinStream = input;
        return this;
    }

    /** Runs as the launcher does when the shell closed stdin ({@code <&-}). */
    public Cli stdinClosed() {
        return stdin(Environment.closedStdin());
    }

    /** Writes stdout to this stream (a failing one, say); {@link Result#out} is then empty. */
    public Cli stdout(PrintStream target) {
        this.stdout = target;
        return this;
    }

    /** Runs every invocation on this clock (shared with a sandbox) instead of a fresh one at {@link #NOW}. */
    public Cli clock(TestClock clock) {
        this.sharedClock = clock;
        return this;
    }

    /**
     * Waits with this sleeper instead of only moving the clock: a test acts between two polls here, and ends a
     * watch by throwing {@link InterruptedException}, as Ctrl-C does.
     */
    public Cli sleeper(Environment.Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /** What the run in progress has written to stdout so far (from a sleeper, say); flushed output only. */
    public String outSoFar() {
        return running == null ? "" : running.toString(StandardCharsets.UTF_8);
    }

    /** What the run in progress has written to stderr so far (from a sleeper, say); flushed output only. */
    public String errSoFar() {
        return runningErr == null ? "" : runningErr.toString(StandardCharsets.UTF_8);
    }

    /** Sets the zone of local times (UTC by default). */
    public Cli zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(baseArgs);
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        running = out;
        runningErr = err;
        TestClock clock = sharedClock != null ? sharedClock : new TestClock(NOW, zone);
        Environment environment = new Environment(Map.copyOf(env),
                stdinStream != null ? stdinStream : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                terminal, clock,
                sleeper != null ? sleeper : clock::sleep,
                prompt -> {
                    prompts.add(prompt);
                    return typedPassword.toCharArray();
                }, console);
        int code = Main.run(environment, stdout != null ? stdout : new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), all);
    }
}
