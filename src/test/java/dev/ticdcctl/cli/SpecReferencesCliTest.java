package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${env:NAME}} and {@code ${file:PATH}} in specs read by apply, create -f and update -f: resolved before
 * sending, refused with the file and line when they cannot be, and their values masked in every output.
 */
class SpecReferencesCliTest extends SandboxTest {
    private static final String PASSWORD = "Env-s3cret";
    private static final String FILE_PASSWORD = "File-s3cret";

    @TempDir
    Path dir;

    /** The classic server, whose meta_info route tells the sink URI stored. */
    SpecReferencesCliTest() {
        super(ServerDialect.CLASSIC);
    }

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text).toString();
    }

    private String storedSinkUri(String id) {
        return ok("api", "changefeeds/" + id + "/meta_info", "--show-secrets", "--jq", ".sink_uri").out();
    }

    private static void assertHidden(Cli.Result r, String... secrets) {
        for (String secret : secrets) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), secret + " shown by\n" + r);
        }
    }

    @Test
    void apply_resolves_an_env_reference_inside_the_sink_uri_and_shows_it_nowhere() throws IOException {
        String spec = file("orders.toml", """
                id = "orders"
                sink-uri = "mysql://root:${env:ORDERS_PW}@127.0.0.1:3306/"
                """);
        cli.env("ORDERS_PW", PASSWORD);

        Cli.Result dryRun = ok("changefeed", "create", "-f", spec, "--dry-run");
        assertTrue(dryRun.out().contains("\"sink_uri\" : \"mysql://root:xxxxx@127.0.0.1:3306/\""), dryRun::toString);
        Cli.Result plan = ok("changefeed", "apply", "-f", spec, "--dry-run", "-o", "json");
        assertTrue(plan.out().contains("\"action\": \"create\""), plan::toString);
        assertEquals("0\n", ok("changefeed", "list", "--all", "--jq", ".total").out());
        Cli.Result applied = ok("changefeed", "apply", "-f", spec, "-o", "json");

        assertHidden(dryRun, PASSWORD);
        assertHidden(plan, PASSWORD);
        assertHidden(applied, PASSWORD);
        assertEquals("mysql://root:" + PASSWORD + "@127.0.0.1:3306/\n", storedSinkUri("orders"));
    }

    @Test
    void a_file_reference_is_read_relative_to_the_spec_without_its_line_end() throws IOException {
        file("specs/secrets/pw", FILE_PASSWORD + "\n");
        String spec = file("specs/orders.yaml", """
                id: orders
                sink_uri: "mysql://root:${file:secrets/pw}@127.0.0.1:3306/"
                """);

        Cli.Result created = ok("changefeed", "create", "-f", spec);

        assertHidden(created, FILE_PASSWORD);
        assertEquals("mysql://root:" + FILE_PASSWORD + "@127.0.0.1:3306/\n", storedSinkUri("orders"));
    }

    @Test
    void a_json_spec_and_a_config_field_resolve_too() throws IOException {
        String spec = file("orders.json", """
                {
                  "id": "orders",
                  "sink_uri": "mysql://root:${env:ORDERS_PW}@127.0.0.1:3306/",
                  "config": {"consistent": {"level": "eventual",
                    "storage": "s3://redo/cf?access-key=AKIA&secret-access-key=${env:REDO_KEY}"}}
                }
                """);
        cli.env("ORDERS_PW", PASSWORD).env("REDO_KEY", "Redo-s3cret");

        Cli.Result applied = ok("changefeed", "apply", "-f", spec, "-o", "yaml");

        assertHidden(applied, PASSWORD, "Redo-s3cret");
        assertEquals("s3://redo/cf?access-key=AKIA&secret-access-key=Redo-s3cret\n", ok("changefeed", "get", "orders",
                "--show-secrets", "--jq", ".config.consistent.storage").out());
    }

    @Test
    void an_unresolved_reference_is_a_usage_error_naming_file_and_line_and_sends_nothing() throws IOException {
        String unset = file("unset.toml", """
                id = "orders"

                sink-uri = "mysql://root:${env:NOT_SET}@127.0.0.1:3306/"
                """);
        String missing = file("missing.json", "{\"id\": \"orders\",\n \"sink_uri\": \"${file:nowhere.txt}\"}\n");

        Cli.Result r1 = fails(2, "changefeed", "apply", "-f", unset, "--yes");
        Cli.Result r2 = fails(2, "changefeed", "create", "-f", missing);

        assertEquals("Error: " + unset + ":3: unresolved reference ${env:NOT_SET}: the environment variable NOT_SET is"
                + " not set\n", r1.err());
        assertEquals("Error: " + missing + ":2: unresolved reference ${file:nowhere.txt}: cannot read "
                + dir.resolve("nowhere.txt") + " (no such file)\n", r2.err());
        assertEquals("0\n", ok("changefeed", "list", "--all", "--jq", ".total").out());
    }

    @Test
    void an_update_from_a_spec_resolves_and_a_config_file_too() throws IOException {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");
        String config = file("c.toml", "[consistent]\nlevel = \"eventual\"\n"
                + "storage = \"s3://redo/cf?secret-access-key=${env:REDO_KEY}\"\n");
        cli.env("REDO_KEY", "Update-s3cret");

        Cli.Result r = ok("changefeed", "update", "orders", "--config", config, "--yes");

        assertHidden(r, "Update-s3cret");
        assertEquals("s3://redo/cf?secret-access-key=Update-s3cret\n", ok("changefeed", "get", "orders",
                "--show-secrets", "--jq", ".config.consistent.storage").out());
    }

    @Test
    void a_resolved_value_is_masked_by_value_in_the_review_of_an_update_even_in_a_field_not_named_secret()
            throws IOException {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://", "--paused");
        String spec = file("orders.toml", "id = \"orders\"\n[config.filter]\nrules = [\"${env:RULE}\"]\n");
        cli.env("RULE", "hiddendb.*");

        Cli.Result r = ok("changefeed", "apply", "-f", spec, "--yes");

        assertTrue(r.err().contains("config.filter.rules: [\"*.*\"] → [\"xxxxx\"]"), r::toString);
        assertHidden(r, "hiddendb");
        assertEquals("hiddendb.*\n", ok("changefeed", "get", "orders", "--jq", ".config.filter.rules[0]").out());
    }

    @Test
    void a_resolved_value_is_masked_in_error_messages_too() throws IOException {
        String spec = file("orders.toml", "id = \"orders\"\nsink-uri = \"blackhole://\"\nstart-ts = \"${env:TS}\"\n");
        cli.env("TS", "Garbage-s3cret");

        Cli.Result r = fails(2, "changefeed", "apply", "-f", spec, "--yes");

        assertTrue(r.err().startsWith("Error: " + spec + ": 'start-ts': 'xxxxx' is neither a TSO"), r::toString);
        assertHidden(r, "Garbage-s3cret");
    }

    @Test
    void a_doubled_dollar_writes_a_literal_reference() throws IOException {
        String spec = file("orders.toml", "id = \"orders\"\nsink-uri = \"blackhole://?note=$${env:X}\"\n");

        Cli.Result r = ok("changefeed", "create", "-f", spec, "--dry-run");

        assertTrue(r.out().contains("\"sink_uri\" : \"blackhole://?note=${env:X}\""), r::toString);
    }
}
