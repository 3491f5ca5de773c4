package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink-URI secret on the new architecture, which has no {@code meta_info} route and masks the URI's password in
 * every other answer: export and get show what the server gives and say so once; an update compares the masked forms,
 * sends a secret given with --sink-uri and keeps the server's on apply; a server known to be new is not asked.
 */
class NewArchitectureSecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Stored-s3cret";
    private static final String MYSQL = "mysql://root:" + PASSWORD + "@127.0.0.1:3306/";
    private static final String MASKED = "mysql://root:xxxxx@127.0.0.1:3306/";
    /** What an export writes for the sink URI whose secret the server never returns. */
    private static final String REFERENCED = "mysql://root:${env:TICDC_CF_1_SINK_PASSWORD}@127.0.0.1:3306/";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
    private final Sandbox sandbox = start();
    private final Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());

    private Sandbox start() {
        try {
            return Sandbox.start(Sandbox.Options.defaults().withTick(Duration.ofMillis(500)).withClock(clock)
                    .withDialect(ServerDialect.NEW_CLASSIC_KERNEL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Cli.Result run(int exitCode, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace\n" + r);
        return r;
    }

    /** A changefeed whose config holds a secret too (a redo storage with an S3 key). */
    private void create(String id, String sinkUri) throws IOException {
        run(0, "changefeed", "create", id, "--sink-uri", sinkUri, "--config", file("redo.toml", """
                [consistent]
                level = "eventual"
                storage = "s3://redo/cf?access-key=AKIA&secret-access-key=Redo-s3cret"
                """));
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    /** The sink URI the sandbox stores, read from its raw etcd dump. */
    private String stored(String id) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.url() + "/api/v2/unsafe/metadata")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode kv : JSON.readTree(r.body())) {
            if (kv.path("key").asText().endsWith("/changefeed/info/" + id)) {
                return JSON.readTree(kv.path("value").asText()).path("sink-uri").asText();
            }
        }
        throw new AssertionError("no changefeed " + id + " in " + r.body());
    }

    // ---- export and get --show-secrets

    @Test
    void export_with_show_secrets_writes_the_sink_uri_secret_the_server_keeps_as_a_reference_and_says_why()
            throws Exception {
        create("cf-1", MYSQL);

        Cli.Result r = run(0, "changefeed", "export", "cf-1", "--show-secrets");

        assertTrue(r.out().contains("sink-uri = \"" + REFERENCED + "\"\n"), r::toString);
        assertTrue(r.out().contains("Redo-s3cret"), () -> "the config's secrets come back in clear\n" + r);
        assertEquals("""
                Warning: the exported changefeed holds secrets in clear; keep the file private
                Warning: the sink URI's secret of cf-1 is written as a reference: this server (TiCDC's new\
                 architecture) never returns it
                Secrets were written as references; set these environment variables before 'changefeed apply':
                  TICDC_CF_1_SINK_PASSWORD  cf-1 sink-uri password
                """, r.err());
        String spec = file("cf-1.toml", r.out());
        Cli.Result applied = run(2, "changefeed", "apply", "-f", spec, "--yes");
        assertEquals("Error: " + spec + ":4: unresolved reference ${env:TICDC_CF_1_SINK_PASSWORD}: the environment"
                + " variable TICDC_CF_1_SINK_PASSWORD is not set\n", applied.err());
    }

    @Test
    void get_with_show_secrets_shows_the_uri_masked_and_says_why() throws Exception {
        create("cf-1", MYSQL);

        Cli.Result r = run(0, "changefeed", "get", "cf-1", "--show-secrets", "--jq", ".sink_uri, .config.consistent"
                + ".storage");

        assertEquals(MASKED + "\ns3://redo/cf?access-key=AKIA&secret-access-key=Redo-s3cret\n", r.out());
        assertEquals("Warning: the sink URI is shown with its secret masked (xxxxx): this server (TiCDC's new"
                + " architecture) never returns it\n", r.err());
    }

    @Test
    void a_uri_without_a_secret_exports_without_the_warning_about_it() {
        run(0, "changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        Cli.Result r = run(0, "changefeed", "export", "cf-1", "--show-secrets");

        assertEquals("Warning: the exported changefeed holds secrets in clear; keep the file private\n", r.err());
    }

    @Test
    void a_server_known_to_be_new_is_not_asked_for_meta_info_and_an_unknown_one_once() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/changefeeds/cf-1", 200, NewArchitectureTest.changefeed("cf-1", "normal", "")
                    .replace("blackhole://", MASKED));

            Cli.Result pinned = Cli.against(stub).run("--server-arch", "new", "changefeed", "export", "cf-1",
                    "--show-secrets");
            Cli.Result probed = Cli.against(stub).run("changefeed", "get", "cf-1", "--show-secrets", "-o", "json");

            assertEquals(0, pinned.exitCode(), pinned::toString);
            assertEquals(0, probed.exitCode(), probed::toString);
            assertTrue(pinned.out().contains("sink-uri = \"" + REFERENCED + "\""), pinned::toString);
            assertTrue(probed.err().contains("never returns it"), probed::toString);
            List<String> paths = stub.requests().stream().map(StubServer.Request::path).toList();
            assertEquals(List.of("/api/v2/changefeeds/cf-1", "/api/v2/changefeeds/cf-1",
                    "/api/v2/changefeeds/cf-1/meta_info"), paths);
        }
    }

    // ---- updates without meta_info

    @Test
    void update_with_sink_uri_sends_a_secret_that_alone_may_differ_and_says_it_is_replaced_as_given()
            throws Exception {
        create("cf-1", MYSQL);
        run(0, "changefeed", "pause", "cf-1");

        Cli.Result r = new Cli().clock(clock).args("--server", sandbox.url().toString())
                .stdin("mysql://root:New-s3cret@127.0.0.1:3306/\n")
                .run("changefeed", "update", "cf-1", "--sink-uri", "-", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Changes to changefeed \"cf-1\":\n  sink-uri: " + MASKED + " (its secret is replaced as given: the"
                + " server does not reveal the stored one to compare)\n", r.err());
        assertEquals("mysql://root:New-s3cret@127.0.0.1:3306/", stored("cf-1"));
    }

    @Test
    void apply_of_an_unchanged_spec_keeps_the_servers_secret_sends_nothing_and_says_how_to_replace_it()
            throws Exception {
        create("cf-1", MYSQL);
        String spec = run(0, "changefeed", "export", "cf-1", "--show-secrets").out()
                .replace(REFERENCED, "mysql://root:Other-s3cret@127.0.0.1:3306/");

        Cli.Result r = run(0, "changefeed", "apply", "-f", file("cf-1.toml", spec), "--restart", "--yes");

        assertEquals("changefeed \"cf-1\" already has these settings; nothing was sent\n", r.out());
        assertTrue(r.err().startsWith("Warning: the sink URI's secret was not compared, and the server's is kept:"
                + " this server does not reveal it; to replace it, run 'ticdcctl changefeed update cf-1 --sink-uri"
                + " -'\n= unchanged cf-1 ("), r::toString);
        assertEquals(MYSQL, stored("cf-1"));
        assertEquals("normal\n", run(0, "changefeed", "get", "cf-1", "--jq", ".state").out());
    }

    @Test
    void a_query_in_another_order_is_the_same_uri_and_another_host_is_a_change() throws Exception {
        String kafka = "kafka://127.0.0.1:9092/topic?sasl-password=" + PASSWORD + "&protocol=canal-json&sasl-user=al";
        run(0, "changefeed", "create", "cf-k", "--sink-uri", kafka);
        assertEquals("kafka://127.0.0.1:9092/topic?protocol=canal-json&sasl-password=xxxxx&sasl-user=al\n",
                run(0, "changefeed", "get", "cf-k", "--jq", ".sink_uri").out(), "the server masks and sorts the query");
        String spec = "id = \"cf-k\"\nsink-uri = \"" + kafka + "\"\n";

        Cli.Result same = run(0, "changefeed", "apply", "-f", file("same.toml", spec), "--yes");
        Cli.Result moved = run(0, "changefeed", "apply", "-f", file("moved.toml", spec.replace("127.0.0.1:9092",
                "127.0.0.2:9092")), "--restart", "--yes");

        assertEquals("changefeed \"cf-k\" already has these settings; nothing was sent\n", same.out(), same::toString);
        assertTrue(moved.err().startsWith("~ update    cf-k (" + dir.resolve("moved.toml") + "): it is normal, so it is"
                + " paused, updated and resumed\n    sink-uri: kafka://127.0.0.1:9092/topic?protocol=canal-json&sasl-password"
                + "=xxxxx&sasl-user=al → kafka://127.0.0.2:9092/topic?sasl-password=xxxxx&protocol=canal-json&sasl-user"
                + "=al\n"), moved::toString);
        assertEquals(kafka.replace("127.0.0.1:9092", "127.0.0.2:9092"), stored("cf-k"));
    }

    @Test
    void an_update_of_a_server_known_to_be_new_asks_no_meta_info_and_sends_the_uri() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/changefeeds/cf-1", 200, NewArchitectureTest.changefeed("cf-1", "stopped", "")
                    .replace("blackhole://", MASKED));
            stub.on("PUT", "/api/v2/changefeeds/cf-1", 200, NewArchitectureTest.changefeed("cf-1", "stopped", ""));

            Cli.Result r = Cli.against(stub).stdin(MYSQL + "\n").run("--server-arch", "new", "changefeed", "update",
                    "cf-1", "--sink-uri", "-", "--yes");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(List.of("GET /api/v2/changefeeds/cf-1", "PUT /api/v2/changefeeds/cf-1"), stub.requests()
                    .stream().map(q -> q.method() + " " + q.path()).toList());
            assertTrue(stub.last("PUT", "/api/v2/changefeeds/cf-1").body().contains(PASSWORD), r::toString);
        }
    }
}
