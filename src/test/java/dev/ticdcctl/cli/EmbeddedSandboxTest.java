package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
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

/**
 * {@code --sandbox}: one command at a time against a simulated cluster whose state lives in a directory, in the form
 * the state was made in.
 */
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
        // The classic server's window: the new architecture's health asks only whether the coordinator is alive.
        Cli classic = cli().env("TICDCCTL_SANDBOX_ARCH", "classic");
        assertEquals(0, classic.run("changefeed", "create", "demo", "--sink-uri", "blackhole://", "--no-wait")
                .exitCode());

        Cli.Result initialising = classic.run("health");
        assertEquals(1, initialising.exitCode(), initialising::toString);
        assertTrue(initialising.err().contains("CDC:ErrClusterIsUnhealthy"), initialising::toString);

        clock.sleep(Duration.ofSeconds(5));
        Cli.Result healthy = classic.run("health");
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

    // ---- the form it simulates

    /** What {@code version} says of the embedded sandbox, and how the client decided it, from {@code --debug}. */
    private Cli.Result version(Cli cli) {
        Cli.Result r = cli.run("version", "--debug", "-o", "json", "--jq", ".server_arch + \" \" + .server_kernel");
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Test
    void a_new_state_simulates_the_default_form_and_the_client_knows_it_without_asking() {
        Cli.Result r = version(cli());

        assertEquals(ServerDialect.DEFAULT.arch() + " " + ServerDialect.DEFAULT.kernel() + "\n", r.out(), r::toString);
        assertTrue(r.err().contains(": new architecture, classic kernel (architecture pinned by the embedded sandbox;"
                + " kernel pinned by the embedded sandbox)\n"), r::toString);
        assertFalse(r.err().contains("meta_info"), () -> "no probe of the architecture:\n" + r);
    }

    @Test
    void the_variables_choose_the_form_of_a_new_state_which_then_keeps_it() {
        Cli.Result classic = version(cli().env("TICDCCTL_SANDBOX_ARCH", "classic"));
        Cli.Result kept = version(cli());

        assertEquals("classic classic\n", classic.out(), classic::toString);
        assertEquals("classic classic\n", kept.out(), () -> "the state keeps its form:\n" + kept);
        assertEquals("v8.5.0\n", cli().run("status", "--jq", ".version").out());
    }

    @Test
    void a_next_gen_state_needs_a_keyspace_like_the_real_kernel() {
        Cli nextGen = cli().env("TICDCCTL_SANDBOX_KERNEL", "next-gen");
        assertEquals("new next-gen\n", version(nextGen).out());

        Cli.Result created = nextGen.run("-k", "keyspace1", "changefeed", "create", "demo", "--sink-uri",
                "blackhole://");
        Cli.Result without = nextGen.run("changefeed", "list");

        assertEquals(0, created.exitCode(), created::toString);
        assertEquals(1, without.exitCode(), without::toString);
        assertTrue(without.err().endsWith("Hint: give the keyspace with --keyspace NAME (or set it in the context)\n"),
                without::toString);
        assertEquals("demo\n", nextGen.run("-k", "keyspace1", "changefeed", "list", "--jq", ".items[].id").out());
    }

    @Test
    void asking_an_existing_state_for_another_form_is_an_error_that_says_how_to_start_anew() {
        assertEquals(0, cli().run("changefeed", "create", "demo", "--sink-uri", "blackhole://").exitCode());

        Cli.Result r = cli().env("TICDCCTL_SANDBOX_ARCH", "classic").run("changefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: TICDCCTL_SANDBOX_ARCH=classic asks for another form than the embedded sandbox in "
                + stateDir + " was made in (new architecture, classic kernel, v8.5.7)\nHint: unset"
                + " TICDCCTL_SANDBOX_ARCH and TICDCCTL_SANDBOX_KERNEL to use that sandbox as it is, or move "
                + stateDir + " aside (or set TICDCCTL_SANDBOX_DIR to another directory) to start a new one in the"
                + " form asked for\n", r.err());
        assertEquals("demo\n", cli().run("changefeed", "list", "--jq", ".items[].id").out(), "left as it was");
    }

    @Test
    void an_unknown_form_is_invalid_input() {
        Cli.Result arch = cli().env("TICDCCTL_SANDBOX_ARCH", "newarch").run("changefeed", "list");
        Cli.Result kernel = cli().env("TICDCCTL_SANDBOX_ARCH", "classic").env("TICDCCTL_SANDBOX_KERNEL", "next-gen")
                .run("changefeed", "list");

        assertEquals(2, arch.exitCode(), arch::toString);
        assertEquals("Error: TICDCCTL_SANDBOX_ARCH must be classic or new, not newarch\n", arch.err());
        assertEquals(2, kernel.exitCode(), kernel::toString);
        assertEquals("Error: TICDCCTL_SANDBOX_KERNEL=next-gen needs TICDCCTL_SANDBOX_ARCH=new: the classic server"
                + " has no next-gen kernel\n", kernel.err());
        assertFalse(Files.exists(stateDir.resolve("state.json")), "nothing made");
    }

    @Test
    void sandbox_and_server_together_are_a_usage_error() {
        Cli.Result r = cli().run("--server", "127.0.0.1:8300", "changefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --sandbox and --server exclude each other\n", r.err());
    }
}
