package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.StubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a distinct secret in every place a secret can live, runs every output against a server that returns them,
 * and greps stdout and stderr for all of them; only the documented --show-secrets options print them.
 */
class SecretMaskingTest extends SandboxTest {
    // In the changefeeds of the sandbox: a sink URI's user-info, a password holding '@' (Go splits at the last '@'),
    // each secret query parameter of the Kafka and S3 sinks, consistent.storage, sink.schema-registry and the
    // Kafka SASL fields of the config.
    private static final String USER_INFO = "UserInfo-s3cret";
    private static final String AT_PASSWORD = "p@ss-AtSign-s3cret";
    private static final String SASL_PASSWORD = "SaslPassword-s3cret";
    private static final String OAUTH_SECRET = "OauthClientSecret-s3cret";
    private static final String ACCESS_KEY = "AccessKey-s3cret";
    private static final String SECRET_ACCESS_KEY = "SecretAccessKey-s3cret";
    private static final String SESSION_TOKEN = "SessionToken-s3cret";
    private static final String CONSISTENT_STORAGE = "ConsistentStorage-s3cret";
    private static final String SCHEMA_REGISTRY = "SchemaRegistry-s3cret";
    private static final String KAFKA_SASL_FIELD = "KafkaSaslField-s3cret";
    private static final String KAFKA_OAUTH_FIELD = "KafkaOauthField-s3cret";
    private static final List<String> STORED = List.of(USER_INFO, AT_PASSWORD, "AtSign-s3cret", SASL_PASSWORD,
            OAUTH_SECRET, ACCESS_KEY, SECRET_ACCESS_KEY, SESSION_TOKEN, CONSISTENT_STORAGE, SCHEMA_REGISTRY,
            KAFKA_SASL_FIELD, KAFKA_OAUTH_FIELD);
    private static final List<String> IDS = List.of("cf-mysql", "cf-at", "cf-kafka", "cf-s3");

    @TempDir
    Path dir;

    /**
     * The classic server: --show-secrets reads the sink URI in clear from the meta_info route, which the new
     * architecture does not have.
     */
    SecretMaskingTest() {
        super(ServerDialect.CLASSIC);
    }

    /** Every output checked, and the secrets it showed. */
    private final List<String> checked = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();

    @BeforeEach
    void plantSecrets() throws IOException {
        // TiCDC keeps consistent (redo) settings for database sinks only
        ok("changefeed", "create", "cf-mysql", "--sink-uri", "mysql://root:" + USER_INFO + "@127.0.0.1:3306/",
                "--config", file("mysql.toml", """
                [consistent]
                level = "eventual"
                storage = "s3://redo/cf?access-key=AKIA&secret-access-key=%s"
                """.formatted(CONSISTENT_STORAGE)));
        ok("changefeed", "create", "cf-at", "--sink-uri", "mysql://root:" + AT_PASSWORD + "@127.0.0.1:3306/");
        ok("changefeed", "create", "cf-kafka", "--sink-uri", "kafka://127.0.0.1:9092/topic?protocol=avro"
                + "&sasl-user=alice@corp.example&sasl-password=" + SASL_PASSWORD + "&sasl-mechanism=plain"
                + "&sasl-oauth-client-secret=" + OAUTH_SECRET, "--config", file("kafka.toml", """
                [sink]
                schema-registry = "https://registry:%s@127.0.0.1:8081"
                [sink.kafka-config]
                sasl-user = "alice"
                sasl-password = "%s"
                sasl-oauth-client-secret = "%s"
                """.formatted(SCHEMA_REGISTRY, KAFKA_SASL_FIELD, KAFKA_OAUTH_FIELD)));
        ok("changefeed", "create", "cf-s3", "--sink-uri", "s3://bucket/prefix?protocol=canal-json&access-key="
                + ACCESS_KEY + "&secret-access-key=" + SECRET_ACCESS_KEY + "&session-token=" + SESSION_TOKEN);
    }

    @Test
    void no_output_shows_a_stored_secret() {
        for (String[] format : FORMATS) {
            check(STORED, concat(new String[] {"changefeed", "list"}, format));
            check(STORED, concat(new String[] {"unsafe", "metadata", "--yes"}, format));
            check(STORED, concat(new String[] {"api", "changefeeds"}, format));
            for (String id : IDS) {
                check(STORED, concat(new String[] {"changefeed", "get", id}, format));
                check(STORED, concat(new String[] {"api", "changefeeds/" + id}, format));
                check(STORED, concat(new String[] {"api", "changefeeds/" + id + "/meta_info"}, format));
            }
        }
        for (String id : IDS) {
            check(STORED, "changefeed", "export", id);
            check(STORED, "changefeed", "export", id, "-o", "json");
            check(STORED, "changefeed", "export", id, "-o", "yaml");
            check(STORED, "changefeed", "status", id);
        }
        assertNoLeaks();
    }

    @Test
    void show_secrets_prints_them_where_documented() {
        String toml = ok("changefeed", "export", "cf-kafka", "--show-secrets").out();
        for (String secret : List.of(SASL_PASSWORD, OAUTH_SECRET, SCHEMA_REGISTRY, KAFKA_SASL_FIELD,
                KAFKA_OAUTH_FIELD)) {
            assertTrue(toml.contains(secret), secret + " in\n" + toml);
        }
        String mysql = ok("changefeed", "export", "cf-mysql", "-o", "json", "--show-secrets").out();
        assertTrue(mysql.contains(USER_INFO) && mysql.contains(CONSISTENT_STORAGE), mysql);
        assertTrue(ok("changefeed", "export", "cf-at", "-o", "yaml", "--show-secrets").out().contains(AT_PASSWORD));
        String metadata = ok("unsafe", "metadata", "--yes", "--show-secrets").out();
        for (String secret : List.of(USER_INFO, AT_PASSWORD, SASL_PASSWORD, ACCESS_KEY, SECRET_ACCESS_KEY)) {
            assertTrue(metadata.contains(secret), secret + " in\n" + metadata);
        }
        String api = ok("api", "changefeeds/cf-s3/meta_info", "--show-secrets").out();
        assertTrue(api.contains(SECRET_ACCESS_KEY) && api.contains(SESSION_TOKEN), api);
        assertTrue(ok("api", "changefeeds/cf-kafka", "--show-secrets", "-o", "yaml").out().contains(KAFKA_SASL_FIELD));
    }

    @Test
    void dry_runs_and_update_reviews_mask_what_they_would_send() throws IOException {
        String createPassword = "DryRunCreate-s3cret";
        String specPassword = "SpecUserInfo-s3cret";
        String specStorage = "SpecStorage-s3cret";
        String specSasl = "SpecSasl-s3cret";
        String updatePassword = "UpdateUserInfo-s3cret";
        String updateStorage = "UpdateStorage-s3cret";
        String updateSasl = "UpdateSasl-s3cret";
        List<String> planted = List.of(createPassword, specPassword, specStorage, specSasl, updatePassword,
                updateStorage, updateSasl);
        String spec = file("spec.toml", """
                id = "cf-new"
                sink-uri = "mysql://root:%s@127.0.0.1:3306/"
                [config.consistent]
                level = "eventual"
                storage = "s3://redo/x?secret-access-key=%s"
                [config.sink.kafka-config]
                sasl-password = "%s"
                """.formatted(specPassword, specStorage, specSasl));
        String update = file("update.toml", """
                [consistent]
                level = "eventual"
                storage = "s3://redo/y?secret-access-key=%s"
                [sink.kafka-config]
                sasl-password = "%s"
                """.formatted(updateStorage, updateSasl));
        ok("changefeed", "pause", "cf-mysql");

        check(planted, "changefeed", "create", "cf-dry", "--sink-uri", "mysql://root:" + createPassword
                + "@127.0.0.1:3306/", "--dry-run");
        check(planted, "changefeed", "create", "-f", spec, "--dry-run");
        check(planted, "changefeed", "apply", "-f", spec, "--dry-run");
        check(planted, "changefeed", "update", "cf-mysql", "--sink-uri", "mysql://root:" + updatePassword
                + "@127.0.0.1:3306/", "--config", update, "--dry-run");
        check(planted, "changefeed", "update", "cf-mysql", "--sink-uri", "mysql://root:" + updatePassword
                + "@127.0.0.1:3306/", "--config", update, "--yes");
        check(planted, "changefeed", "get", "cf-mysql", "-o", "yaml");
        check(planted, "changefeed", "apply", "-f", spec, "--yes", "-o", "json");
        assertNoLeaks();
        assertEquals(7, checked.size());
    }

    @Test
    void an_export_without_its_secrets_is_refused_by_apply_until_its_references_are_set() throws IOException {
        String exported = file("cf-mysql.toml", ok("changefeed", "export", "cf-mysql").out());

        Cli.Result r = fails(2, "changefeed", "apply", "-f", exported, "--yes");

        assertEquals("Error: " + exported + ":4: unresolved reference ${env:TICDC_CF_MYSQL_SINK_PASSWORD}: the"
                + " environment variable TICDC_CF_MYSQL_SINK_PASSWORD is not set\n", r.err());
    }

    @Test
    void an_update_of_a_secret_alone_is_shown_as_one() {
        ok("changefeed", "pause", "cf-mysql");

        Cli.Result r = ok("changefeed", "update", "cf-mysql", "--sink-uri", "mysql://root:Other-s3cret@127.0.0.1:3306/",
                "--dry-run");

        assertTrue(r.err().contains("sink-uri: mysql://root:xxxxx@127.0.0.1:3306/"
                + " → mysql://root:xxxxx@127.0.0.1:3306/ (a secret changed)"), r::toString);
        assertFalse(r.out().contains("Other-s3cret") || r.err().contains("Other-s3cret"), r::toString);
    }

    @Test
    void server_answers_and_error_messages_are_masked() {
        String inMessage = "ErrorMessage-s3cret";
        String inBulkError = "BulkError-s3cret";
        String inEtcdUri = "EtcdUri-s3cret";
        String inEtcdField = "EtcdField-s3cret";
        String inTextAnswer = "TextAnswer-s3cret";
        String inServerUrl = "ServerUrl-s3cret";
        List<String> planted = List.of(inMessage, inBulkError, inEtcdUri, inEtcdField, inTextAnswer, inServerUrl);
        try (StubServer server = new StubServer()) {
            server.onError("GET", "/api/v2/changefeeds/bad", 400, "CDC:ErrSinkURIInvalid",
                    "sink uri invalid 'mysql://root:" + inMessage + "@db:3306/': dial failed");
            server.onError("POST", "/api/v2/changefeeds/bad/pause", 500, "CDC:ErrKafkaNewProducer",
                    "new kafka producer: kafka://k:9092/t?sasl-password=" + inBulkError + ": refused");
            server.on("GET", "/api/v2/unsafe/metadata", 200, """
                    [{"key": "/tidb/cdc/default/default/changefeed/info/cf",
                      "value": "{\\"sink-uri\\":\\"mysql://root:%s@db:3306/\\",\\"config\\":{\\"sink\\":\
                    {\\"kafka-config\\":{\\"sasl-password\\":\\"%s\\"}}}}"}]""".formatted(inEtcdUri, inEtcdField));
            server.on("GET", "/api/v2/debug", new StubServer.Response(200, "text/plain",
                    "sink: kafka://k:9092/t?sasl-password=" + inTextAnswer + "\n", 0));
            Cli stub = Cli.against(server);

            check(stub, planted, "changefeed", "get", "bad");
            check(stub, planted, "changefeed", "get", "bad", "-o", "json");
            check(stub, planted, "changefeed", "get", "bad", "--debug");
            check(stub, planted, "api", "changefeeds/bad");
            check(stub, planted, "changefeed", "pause", "bad", "--no-wait");
            check(stub, planted, "changefeed", "pause", "bad", "--no-wait", "-o", "json");
            check(stub, planted, "api", "debug");
            check(new Cli(), planted, "--server", "http://admin:" + inServerUrl + "@127.0.0.1:1", "health");
            for (String[] format : FORMATS) {
                check(stub, planted, concat(new String[] {"unsafe", "metadata", "--yes"}, format));
                check(stub, planted, concat(new String[] {"api", "unsafe/metadata"}, format));
            }
            String shown = stub.run("unsafe", "metadata", "--yes", "--show-secrets", "-o", "json").out();
            assertTrue(shown.contains(inEtcdUri) && shown.contains(inEtcdField), shown);
        }
        assertNoLeaks();
    }

    @Test
    void a_malformed_spec_is_reported_without_its_values() throws IOException {
        String toml = "SpecTomlS3cret";
        String json = "SpecJsonS3cret";
        String yaml = "SpecYamlS3cret";
        List<String> planted = List.of(toml, json, yaml);

        Cli.Result inToml = check(planted, "changefeed", "create", "-f",
                file("bad.toml", "id = \"cf\"\nsink-uri = " + toml + "\n"), "--dry-run");
        Cli.Result inJson = check(planted, "changefeed", "create", "-f",
                file("bad.json", "{\"id\": \"cf\",\n \"sink_uri\": " + json + "}"), "--dry-run");
        check(planted, "changefeed", "create", "-f",
                file("bad.yaml", "id: cf\nsink_uri: \"mysql://root:" + yaml + "@db/\n  x: [\n"), "--dry-run");

        assertNoLeaks();
        assertEquals(2, inToml.exitCode(), inToml::toString);
        assertTrue(inToml.err().startsWith("Error: " + dir.resolve("bad.toml") + ":2:"), inToml::toString);
        assertEquals(2, inJson.exitCode(), inJson::toString);
        assertTrue(inJson.err().startsWith("Error: " + dir.resolve("bad.json") + ":2:"), inJson::toString);
        assertTrue(inJson.err().contains("'sink_uri'"), inJson::toString);
    }

    private static final String[][] FORMATS = {{}, {"-o", "wide"}, {"-o", "json"}, {"-o", "yaml"}, {"--jq", "."}};

    private Cli.Result check(List<String> secrets, String... args) {
        return check(cli, secrets, args);
    }

    private Cli.Result check(Cli runner, List<String> secrets, String... args) {
        Cli.Result r = runner.run(args);
        boolean debug = List.of(args).contains("--debug");
        assertTrue(debug == r.err().contains("\tat ") && !r.err().contains("unexpected failure"), r::toString);
        checked.add(String.join(" ", args));
        for (String secret : secrets) {
            if (r.out().contains(secret) || r.err().contains(secret)) {
                leaks.add(secret + " shown by: " + r);
            }
        }
        return r;
    }

    private void assertNoLeaks() {
        assertTrue(leaks.isEmpty(), leaks.size() + " secret(s) shown in " + checked.size() + " outputs:\n"
                + String.join("\n", leaks));
    }

    private String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
