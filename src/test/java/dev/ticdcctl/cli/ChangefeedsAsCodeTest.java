package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A directory of specs as the truth about a cluster's changefeeds: the plan, apply in a safe order, prune, drift
 * (exit 8), and an index of clusters, against sandboxes of both architectures.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
class ChangefeedsAsCodeTest extends SandboxTest {
    @TempDir
    Path dir;

    ChangefeedsAsCodeTest(ServerDialect dialect) {
        super(dialect);
    }

    private Path specs() throws IOException {
        return Files.createDirectories(dir.resolve("specs"));
    }

    private Path write(Path directory, String name, String text) throws IOException {
        return Files.writeString(Files.createDirectories(directory).resolve(name), text);
    }

    private static String spec(String id, String sinkUri, String config) {
        return "id = \"" + id + "\"\nsink-uri = \"" + sinkUri + "\"\n" + (config == null ? "" : "\n[config]\n"
                + config + "\n");
    }

    private Cli.Result run(int exitCode, Cli at, String... args) {
        Cli.Result r = at.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace\n" + r);
        return r;
    }

    private long count(Cli at) {
        return Long.parseLong(run(0, at, "changefeed", "list", "--all", "--jq", ".total").out().trim());
    }

    @Test
    void export_apply_to_an_empty_cluster_diff_change_apply_diff_is_a_round_trip() throws Exception {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--config",
                write(dir, "cf.toml", "memory-quota = 2147483648\n[filter]\nrules = [\"shop.*\"]\n").toString());
        ok("changefeed", "create", "users", "--sink-uri", "blackhole://");
        Path specs = specs();
        for (String id : List.of("orders", "users")) {
            write(specs, id + ".toml", ok("changefeed", "export", id).out());
        }

        try (Sandbox other = start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                .withDialect(dialect))) {
            Cli there = cliAt(other.url());
            Cli.Result applied = run(0, there, "changefeed", "apply", "-f", specs.toString());
            assertEquals("changefeed \"orders\" created\nchangefeed \"users\" created\n", applied.out());
            assertTrue(applied.err().startsWith("+ create    orders (" + specs.resolve("orders.toml") + ")\n"
                    + "+ create    users (" + specs.resolve("users.toml") + ")\nPlan: 2 to create\n"), applied::toString);
            assertTrue(applied.err().endsWith("2 created\n"), applied::toString);

            Cli.Result clean = run(0, there, "changefeed", "diff", "-f", specs.toString());
            assertEquals("= unchanged orders (" + specs.resolve("orders.toml") + ")\n= unchanged users ("
                    + specs.resolve("users.toml") + ")\nPlan: 2 unchanged\n", clean.out());

            Path orders = specs.resolve("orders.toml");
            Files.writeString(orders, Files.readString(orders).replace("2147483648", "1073741824"));
            Cli.Result drift = run(8, there, "changefeed", "diff", "-f", specs.toString(), "--restart");
            assertTrue(drift.out().startsWith("~ update    orders (" + orders + "): it is normal: paused, updated and"
                    + " resumed\n    config.memory_quota: 2147483648 → 1073741824\n= unchanged users"), drift::toString);
            assertTrue(drift.out().endsWith("Plan: 1 to update, 1 unchanged\n"), drift::toString);

            Cli.Result updated = run(0, there, "changefeed", "apply", "-f", specs.toString(), "--restart", "--yes");
            assertEquals("changefeed \"users\" already has these settings; nothing was sent\nchangefeed \"orders\""
                    + " updated\n", updated.out());
            assertEquals("1073741824\n", run(0, there, "changefeed", "get", "orders", "--jq", ".config.memory_quota")
                    .out());
            run(0, there, "changefeed", "diff", "-f", specs.toString());
        }
    }
}
