package dev.ticdcctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code top} in a real pseudo-terminal: the packaged launcher in a detached tmux session of a fixed size, against the
 * embedded sandbox, read back with capture-pane. What in-process tests cannot show: the system terminal opened, put
 * in raw mode and given back, and the process exiting.
 */
class TopIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/ticdcctl");
    /** A tmux server of its own: its socket name, so that nothing touches the user's sessions. */
    private final String socket = "ticdcctl-top-it-" + UUID.randomUUID();

    @TempDir
    Path tmp;

    private boolean started;

    @AfterEach
    void killTheTmuxServer() throws Exception {
        if (started) {
            tmux("kill-server");
        }
    }

    @Test
    void top_draws_the_dashboard_and_q_gives_the_terminal_back_with_exit_0() throws Exception {
        Requirements.requireProgram("tmux");
        Path exit = tmp.resolve("exit");
        // the shell records the exit code and keeps the pane open, to be read once top has left it
        String command = "echo before top; '" + LAUNCHER + "' --sandbox top; echo $? > '" + exit + "'; sleep 600";
        started = true;
        tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "20", "-s", "top", "sh", "-c", command);

        String dashboard = capture(screen -> screen.contains("healthy · 0 changefeeds"));
        assertTrue(dashboard.contains("sandbox"), dashboard);
        assertTrue(dashboard.contains("architecture, classic kernel"), dashboard);
        assertFalse(dashboard.contains("before top"), "on the alternate screen:\n" + dashboard);

        tmux("send-keys", "-t", "top", "q");
        String status = poll(() -> Files.exists(exit) ? Files.readString(exit) : "", s -> s.endsWith("\n"));
        assertEquals("0", status.strip(), "exited 0");
        String after = tmux("capture-pane", "-p", "-t", "top");
        assertTrue(after.startsWith("before top\n"), after);
        assertFalse(after.contains("changefeeds"), "the dashboard is gone:\n" + after);
    }

    private String capture(Predicate<String> condition) throws Exception {
        return poll(() -> tmux("capture-pane", "-p", "-t", "top"), condition);
    }

    @FunctionalInterface
    private interface Look {
        String get() throws Exception;
    }

    /** Looks until {@code condition} holds (at most 60s: the JVM and the sandbox start first). */
    private static String poll(Look look, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Launches.TIMEOUT_SECONDS);
        String seen = look.get();
        while (!condition.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; last seen:\n" + seen);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            seen = look.get();
        }
        return seen;
    }

    /** Runs a tmux command on this test's server; its environment is the server's, for the session it starts. */
    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", tmp.toString());
        env.put("JAVA_HOME", Launches.JAVA_HOME.toString());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process process = pb.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(Launches.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
        return out;
    }
}
