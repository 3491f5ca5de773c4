package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sandbox}: one command at a time against a simulated cluster whose state lives in a directory. */
class EmbeddedSandboxTest {
    @TempDir
    Path stateDir;

    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);

    private Cli cli() {
        return new Cli().clock(clock).env("TICDCCTL_SANDBOX_DIR", stateDir.toString()).args("--sandbox");
    }

    @Test
    void state_persists_from_one_invocation_to_the_next() {
        Cli.Result created = cli().run("changefeed", "create", "demo", "--sink-uri", "blackhole://");
        assertEquals(0, created.exitCode(), created::toString);

        Cli.Result listed = cli().run("changefeed", "list", "--jq", ".items[].id");
        assertEquals(0, listed.exitCode(), listed::toString);
        assertEquals("demo\n", listed.out());
        assertTrue(Files.exists(stateDir.resolve("state.json")));
    }

    /** Like {@code ticdcctl sandbox}, the embedded one has a real cluster's short windows. */
    @Test
    void health_is_unhealthy_while_a_new_changefeed_initialises() {
        assertEquals(0, cli().run("changefeed", "create", "demo", "--sink-uri", "blackhole://", "--no-wait")
                .exitCode());

        Cli.Result initialising = cli().run("health");
        assertEquals(1, initialising.exitCode(), initialising::toString);
        assertTrue(initialising.err().contains("CDC:ErrClusterIsUnhealthy"), initialising::toString);

        clock.sleep(Duration.ofSeconds(5));
        Cli.Result healthy = cli().run("health");
        assertEquals(0, healthy.exitCode(), healthy::toString);
    }

    @Test
    void concurrent_invocations_lose_no_changefeed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Cli.Result>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "cf-" + i;
            // Each invocation is its own process in real life: its own clock, its own embedded servers.
            results.add(pool.submit(() -> new Cli().env("TICDCCTL_SANDBOX_DIR", stateDir.toString())
                    .run("--sandbox", "changefeed", "create", id, "--sink-uri", "blackhole://")));
        }
        for (Future<Cli.Result> f : results) {
            Cli.Result r = f.get();
            assertEquals(0, r.exitCode(), r::toString);
        }
        pool.shutdown();

        clock.sleep(Duration.ofMinutes(1));
        Cli.Result listed = cli().run("changefeed", "list", "--jq", ".total");
        assertEquals("8\n", listed.out(), listed::toString);
    }

    @Test
    void a_damaged_state_file_is_an_error_naming_the_file_and_position() throws Exception {
        Files.writeString(stateDir.resolve("state.json"), "{\n  \"format\": 1,\n  \"captures\": [oops]\n}\n");

        Cli.Result r = cli().run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot start the embedded sandbox: the sandbox state "
                + stateDir.resolve("state.json").toAbsolutePath() + " is damaged at line 3, column"), r::toString);
        assertTrue(r.err().contains("move it aside to start a new sandbox"), r::toString);
        assertEquals("{\n  \"format\": 1,\n  \"captures\": [oops]\n}\n",
                Files.readString(stateDir.resolve("state.json")), "never silently reset");
    }

    @Test
    void sandbox_and_server_together_are_a_usage_error() {
        Cli.Result r = cli().run("--server", "127.0.0.1:8300", "changefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --sandbox and --server exclude each other\n", r.err());
    }
}
