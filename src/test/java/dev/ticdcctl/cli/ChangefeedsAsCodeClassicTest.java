package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the classic server shows of changefeeds as code: namespaces (the new architecture has keyspaces), and
 * waits for the owner that Ctrl-C can interrupt (the new architecture has acted when it answers).
 */
class ChangefeedsAsCodeClassicTest extends SandboxTest {
    @TempDir
    Path dir;

    ChangefeedsAsCodeClassicTest() {
        super(ServerDialect.CLASSIC);
    }

    @Test
    void an_index_namespace_is_where_its_specs_are_applied_and_pruned() throws Exception {
        ok("changefeed", "create", "keep", "--sink-uri", "blackhole://");
        ok("-n", "team-a", "changefeed", "create", "old", "--sink-uri", "blackhole://");
        Path clusters = Files.createDirectories(dir.resolve("clusters/team-a")).getParent();
        Files.writeString(clusters.resolve("ticdcctl.toml"), "[clusters.team-a]\nserver = \"" + sandbox.url()
                + "\"\nnamespace = \"team-a\"\n");
        Files.writeString(clusters.resolve("team-a/a.toml"), "id = \"a\"\nsink-uri = \"blackhole://\"\n");

        Cli.Result r = new Cli().clock(clock).run("changefeed", "apply", "-f", clusters.toString(), "--prune",
                "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("team-a: changefeed \"a\" created\nteam-a: changefeed \"old\" deleted\n", r.out());
        assertEquals("a\n", ok("-n", "team-a", "changefeed", "list", "--all", "--jq", ".items[].id").out());
        assertEquals("keep\n", ok("changefeed", "list", "--all", "--jq", ".items[].id").out(),
                "another namespace is not pruned");
    }

    @Test
    void ctrl_c_says_which_changefeed_was_being_changed_what_was_done_and_what_was_not() throws Exception {
        ok("changefeed", "create", "a", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "b", "--sink-uri", "blackhole://");
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(specs.resolve("a.toml"), "id = \"a\"\nsink-uri = \"blackhole://\"\n");
        Files.writeString(specs.resolve("b.toml"), "id = \"b\"\nsink-uri = \"blackhole://\"\n[config]\n"
                + "memory-quota = 2147483648\n");
        Files.writeString(specs.resolve("c.toml"), "id = \"c\"\nsink-uri = \"blackhole://\"\n");
        AtomicInteger sleeps = new AtomicInteger();

        // Creating c waits for the owner to start it: Ctrl-C then, before b's update.
        Cli.Result r = cli.sleeper(d -> {
            if (sleeps.incrementAndGet() == 1) {
                throw new InterruptedException();
            }
            clock.sleep(d);
        }).run("changefeed", "apply", "-f", specs.toString(), "--restart", "--yes");

        assertEquals(130, r.exitCode(), r::toString);
        assertEquals("changefeed \"a\" already has these settings; nothing was sent\n", r.out());
        assertTrue(r.err().endsWith("\ninterrupted while changefeed \"c\" was being created (see 'ticdcctl changefeed"
                + " get c'); so far 1 unchanged; 1 not attempted\n"), r::toString);
        assertEquals("normal\n", ok("changefeed", "get", "b", "--jq", ".state").out(), "b was not touched");
    }
}
