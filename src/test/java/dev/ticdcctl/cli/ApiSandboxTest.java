package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Certificates;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticdcctl api} against the simulated cluster: every route reachable, answers and errors as the server says. */
class ApiSandboxTest extends SandboxTest {
    @TempDir
    Path dir;

    /** The classic server: the answers asserted are its own (its version, its not-found message). */
    ApiSandboxTest() {
        super(ServerDialect.CLASSIC);
    }

    private void create(String id) {
        Cli.Result r = cli.run("changefeed", "create", id, "--sink-uri", "blackhole://");
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void get_lists_the_changefeeds_as_the_server_answers() {
        create("cf-1");
        create("cf-2");

        Cli.Result ids = cli.run("api", "changefeeds?state=all", "--jq", ".items[].id");
        Cli.Result whole = cli.run("api", "/api/v2/changefeeds");

        assertEquals(0, ids.exitCode(), ids::toString);
        assertEquals("cf-1\ncf-2\n", ids.out());
        assertTrue(whole.out().startsWith("{\n  \"total\": 2,\n  \"items\": [\n"), whole::toString);
    }

    @Test
    void post_sets_the_log_level_from_a_file() throws IOException {
        Path level = Files.writeString(dir.resolve("level.json"), "{\"log_level\": \"debug\"}");

        Cli.Result r = cli.run("api", "-X", "POST", "/api/v2/log", "--input", level.toString());
        Cli.Result wrong = cli.stdin("{\"log_level\": \"loud\"}").run("api", "log", "--input", "-");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{}\n", r.out());
        assertEquals(1, wrong.exitCode(), wrong::toString);
        assertEquals("Error: fail to change log level: loud (CDC:ErrAPIInvalidParam)\n", wrong.err());
    }

    @Test
    void put_updates_a_stopped_changefeed_and_delete_removes_it() {
        create("cf-1");
        assertEquals(0, cli.run("changefeed", "pause", "cf-1").exitCode());

        Cli.Result put = cli.stdin("{\"target_ts\": 450835277488291841}")
                .run("api", "-X", "PUT", "changefeeds/cf-1", "--input", "-", "--jq", ".target_ts");
        Cli.Result delete = cli.run("api", "-X", "DELETE", "changefeeds/cf-1");
        Cli.Result gone = cli.run("api", "changefeeds/cf-1");

        assertEquals(0, put.exitCode(), put::toString);
        assertEquals("450835277488291841\n", put.out());
        assertEquals(0, delete.exitCode(), delete::toString);
        assertEquals(3, gone.exitCode(), gone::toString);
        assertTrue(gone.err().startsWith("Error: changefeed not exists, default/cf-1 (CDC:ErrChangeFeedNotExists)\n"),
                gone::toString);
    }

    @Test
    void a_server_error_exits_as_for_every_command() {
        Cli.Result r = cli.run("api", "changefeeds/no-such-cf/status");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("Error: changefeed not exists, default/no-such-cf (CDC:ErrChangeFeedNotExists)\nHint: a"
                + " changefeed is found only in its own namespace, and this looked in 'default' (the default): name"
                + " another with -n NS; 'ticdcctl changefeed list -n NS --all' lists a namespace's changefeeds,"
                + " finished too\n", r.err());
    }

    @Test
    void credentials_configured_for_the_tool_authenticate_raw_changes() {
        try (Sandbox secured = start(Sandbox.Options.defaults().withAuth("root", "s3cret").withClock(clock)
                .withDialect(dialect))) {
            Cli securedCli = new Cli().clock(clock).env("HOME", "/nonexistent")
                    .args("--server", secured.url().toString());
            String body = "{\"changefeed_id\": \"cf-1\", \"sink_uri\": \"blackhole://\"}";

            Cli.Result anonymous = securedCli.stdin(body).run("api", "changefeeds", "--input", "-");
            Cli.Result authenticated = securedCli.env("TICDC_USER", "root").env("TICDC_PASSWORD", "s3cret")
                    .run("api", "changefeeds", "--input", "-", "--jq", ".id");

            assertEquals(4, anonymous.exitCode(), anonymous::toString);
            assertEquals(0, authenticated.exitCode(), authenticated::toString);
            assertEquals("cf-1\n", authenticated.out());
        }
    }

    @Test
    void a_context_with_mutual_tls_and_credentials_reaches_raw_routes() throws IOException {
        Certificates certs = Certificates.generate(dir);
        Certificates.Identity client = certs.client(Certificates.KeyFormat.EC_PKCS8);
        try (Sandbox secured = start(Sandbox.Options.defaults().withClock(clock).withAuth("root", "s3cret")
                .withTls(certs.server.cert(), certs.server.key(), certs.ca).withDialect(dialect))) {
            Cli inContext = new Cli().clock(clock).env("HOME", dir.toString()).env("PROD_PW", "s3cret");
            Cli.Result set = inContext.run("config", "set-context", "prod", "--server",
                    "localhost:" + secured.url().getPort(), "--ca", certs.ca.toString(), "--cert",
                    client.cert().toString(), "--key", client.key().toString(), "--user", "root",
                    "--password-env", "PROD_PW", "--use");
            assertEquals(0, set.exitCode(), set::toString);

            Cli.Result created = inContext.stdin("{\"changefeed_id\": \"cf-1\", \"sink_uri\": \"blackhole://\"}")
                    .run("api", "changefeeds", "--input", "-", "--jq", ".id");
            Cli.Result status = inContext.run("api", "/api/v2/status", "--jq", ".version");

            assertEquals("cf-1\n", created.out(), created::toString);
            assertEquals("v8.5.0\n", status.out(), status::toString);
        }
    }
}
