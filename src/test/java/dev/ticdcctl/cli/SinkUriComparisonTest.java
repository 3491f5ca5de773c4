package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An update compares sink URIs as TiCDC reads them, on either architecture: the server answers with the URI parsed and
 * re-serialized ({@code blackhole://} as {@code blackhole:}), and meta_info with it as sent, so a spec that spells the
 * same URI otherwise changes nothing.
 */
class SinkUriComparisonTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);

    private Cli.Result run(Cli cli, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private String spec(String id, String sinkUri) throws IOException {
        return Files.writeString(dir.resolve(id + ".toml"), "id = \"" + id + "\"\nsink-uri = \"" + sinkUri + "\"\n")
                .toString();
    }

    @ParameterizedTest
    @EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
    void a_uri_the_server_spells_otherwise_is_unchanged_and_another_one_is_a_change(ServerDialect dialect)
            throws IOException {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500))
                .withClock(clock).withDialect(dialect))) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            run(cli, "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
            assertEquals("blackhole:\n", run(cli, "changefeed", "get", "cf-1", "--jq", ".sink_uri").out());

            Cli.Result same = run(cli, "changefeed", "apply", "-f", spec("cf-1", "blackhole://"), "--yes");
            Cli.Result other = run(cli, "changefeed", "apply", "-f", spec("cf-1", "blackhole://?x=1"), "--restart",
                    "--dry-run");

            assertEquals("changefeed \"cf-1\" already has these settings; nothing was sent\n", same.out(),
                    same::toString);
            assertTrue(other.err().startsWith("~ update    cf-1 (" + dir.resolve("cf-1.toml") + "): it is normal,"
                    + " so it is paused, updated and resumed\n    sink-uri: blackhole: → blackhole://?x=1\n"), other::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
    void a_secret_uri_with_its_query_reordered_is_unchanged_and_a_new_secret_in_it_is_named_as_one(
            ServerDialect dialect) throws IOException {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500))
                .withClock(clock).withDialect(dialect))) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            run(cli, "changefeed", "create", "cf-k", "--sink-uri",
                    "kafka://127.0.0.1:9092/t?sasl-password=Old-s3cret&protocol=canal-json");
            run(cli, "changefeed", "pause", "cf-k");

            Cli.Result same = run(cli, "changefeed", "apply", "-f",
                    spec("cf-k", "kafka://127.0.0.1:9092/t?protocol=canal-json&sasl-password=Old-s3cret"), "--yes");
            Cli.Result secret = run(cli, "changefeed", "update", "cf-k", "--sink-uri",
                    "kafka://127.0.0.1:9092/t?protocol=canal-json&sasl-password=New-s3cret", "--dry-run");

            assertEquals("changefeed \"cf-k\" already has these settings; nothing was sent\n", same.out(),
                    same::toString);
            String shown = "kafka://127.0.0.1:9092/t?protocol=canal-json&sasl-password=xxxxx";
            assertTrue(secret.err().contains("Changes to changefeed \"cf-k\":\n  sink-uri: " + (dialect.isNew()
                    ? shown + " (its secret is replaced as given" : shown + " → " + shown + " (a secret changed)\n")),
                    secret::toString);
        }
    }
}
