package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code version} tell which server answers: the architecture from the {@code meta_info} probe,
 * the kernel from a list without keyspace, remembered per address in the cache directory, or pinned by a setting.
 */
class ServerDialectTest extends StubServerTest {
    private static final String META_INFO = "/api/v2/changefeeds/ticdcctl-dialect-probe/meta_info";
    private static final String LIST = "/api/v2/changefeeds";

    @TempDir
    Path home;

    /** A CLI whose cache directory (and HOME) is the temporary directory, kept across runs. */
    private Cli cached() {
        return Cli.against(server).env("HOME", home.toString()).env("XDG_CACHE_HOME", home.resolve("cache").toString());
    }

    private long probes() {
        return server.requests().stream().filter(q -> q.path().equals(META_INFO)).count();
    }

    @Test
    void status_shows_a_next_gen_server_of_the_new_architecture_and_remembers_it() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status().replace("v8.5.0", "v26.3.4"));
        server.on("GET", LIST, 400, "{\"class\":0,\"code\":0,\"message\":\"invalid api parameter\","
                + "\"rfccode\":\"CDC:ErrAPIInvalidParam\"}");
        Cli cli = cached();

        Cli.Result first = cli.run("status", "--no-headers", "--debug");
        Cli.Result second = cli.run("status");

        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().matches(".*v26\\.3\\.4 +true +alive +default +new +next-gen\n"), first::toString);
        assertTrue(first.err().contains("new architecture, next-gen kernel (GET " + META_INFO
                + " answered gin's text 404 (no such route); GET /api/v2/changefeeds without keyspace answered 400"
                + " CDC:ErrAPIInvalidParam)"), first::toString);
        assertTrue(Files.exists(home.resolve("cache/ticdcctl/servers.json")), first::toString);
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.out().startsWith("ID "), second::toString);
        assertTrue(second.out().lines().findFirst().orElseThrow().endsWith("ARCH   KERNEL"), second::toString);
        assertEquals(1, probes(), "the second status read the cache: " + server.requests());
    }

    @Test
    void a_classic_server_answers_the_probe_with_its_json_error() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());
        server.onError("GET", META_INFO, 400, "CDC:ErrChangeFeedNotExists", "changefeed not exists, default/x");

        Cli.Result r = cached().run("version", "--no-headers");
        Cli.Result json = cached().run("version", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith(server.url() + "   classic   classic\n"), r::toString);
        assertTrue(server.requests().stream().noneMatch(q -> q.path().equals(LIST)), "no kernel probe for classic");
        assertTrue(json.out().contains("\"server_arch\" : \"classic\"")
                || json.out().contains("\"server_arch\": \"classic\""), json::toString);
    }

    @Test
    void a_classic_kernel_of_the_new_architecture_lists_without_a_keyspace() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());
        server.on("GET", LIST, 200, "{\"total\":0,\"items\":[]}");

        Cli.Result r = cached().run("status", "--no-headers");

        assertTrue(r.out().endsWith("default   new   classic\n"), r::toString);
        assertEquals("state=ticdcctl-dialect-probe", server.last("GET", LIST).query(), "a list that stays empty");
    }

    @Test
    void a_context_pins_the_dialect_and_then_nothing_is_probed() throws Exception {
        Path config = home.resolve(".config/ticdcctl/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[contexts.\"x\"]\nserver = \"" + server.url() + "\"\narch = \"new\"\n"
                + "kernel = \"next-gen\"\nkeyspace = \"ks1\"\n");
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = new Cli().env("HOME", home.toString()).run("--context", "x", "status", "--no-headers",
                "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith("new   next-gen\n"), r::toString);
        assertTrue(r.err().contains("architecture pinned by context x; kernel pinned by context x"), r::toString);
        assertEquals(0, probes(), server.requests()::toString);
    }

    @Test
    void an_invalid_pin_is_a_usage_error_naming_its_source() {
        Cli.Result r = cli.env("TICDCCTL_ARCH", "newest").run("status");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid arch 'newest' (from env TICDCCTL_ARCH): use classic or new"),
                r::toString);
    }

    @Test
    void a_corrupt_or_unwritable_cache_costs_a_probe_not_a_failure() throws Exception {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());
        server.on("GET", LIST, 200, "{\"total\":0,\"items\":[]}");
        Path file = home.resolve("cache/ticdcctl/servers.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"" + server.url() + "\": {\"arch\": \"new\", \"at\": tru");

        Cli.Result corrupt = cached().run("status", "--no-headers");
        JsonNode rewritten = new ObjectMapper().readTree(file.toFile());
        Cli.Result unwritable = Cli.against(server).env("XDG_CACHE_HOME", file.toString()).run("status",
                "--no-headers");

        assertEquals(0, corrupt.exitCode(), corrupt::toString);
        assertEquals("", corrupt.err(), corrupt::toString);
        assertEquals("new", rewritten.path(server.url()).path("arch").asText(), rewritten::toString);
        assertEquals(0, unwritable.exitCode(), unwritable::toString);
        assertTrue(unwritable.out().endsWith("new   classic\n"), unwritable::toString);
    }

    @Test
    void a_server_that_answers_neither_probe_like_ticdc_shows_no_dialect_columns() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = cli.run("status", "--no-headers");

        assertEquals("d2912e63-3349-447c-90ba-72a4e04b5e9e   v8.5.0   true   alive   default\n", r.out(),
                r::toString);
    }

    @Test
    void the_authenticated_status_route_of_the_new_architecture_reports_401_as_elsewhere() {
        server.on("GET", "/api/v2/changefeeds/cf-1/status", 401, "{\"error_msg\":\"[CDC:ErrUnauthorized]"
                + "unauthorized\",\"error_code\":\"CDC:ErrUnauthorized\"}");
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, NewArchitectureTest.changefeed("cf-1", "normal", ""));

        Cli.Result r = cli.env("TICDC_USER", "u").env("TICDC_PASSWORD", "p")
                .run("changefeed", "status", "cf-1", "-k", "ks1");

        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(server.last("GET", "/api/v2/changefeeds/cf-1/status").header("Authorization").startsWith("Basic "),
                r::toString);
    }
}
