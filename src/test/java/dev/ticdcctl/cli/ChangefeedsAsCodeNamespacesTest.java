package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The namespace an index of clusters names, on the classic server (the new one has keyspaces instead). */
class ChangefeedsAsCodeNamespacesTest extends SandboxTest {
    @TempDir
    Path dir;

    ChangefeedsAsCodeNamespacesTest() {
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
}
