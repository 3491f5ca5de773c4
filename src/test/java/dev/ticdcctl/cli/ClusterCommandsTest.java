package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code status}, {@code health}, {@code version}, {@code owner resign} and {@code log set} (tiflow cdc/api/v2
 * status.go, health.go, owner.go, log.go).
 */
class ClusterCommandsTest extends StubServerTest {

    // ---- status

    @Test
    void status_shows_id_version_owner_and_liveness() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = cli.run("status");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                ID                                     VERSION   OWNER   LIVENESS   CLUSTER_ID
                d2912e63-3349-447c-90ba-72a4e04b5e9e   v8.5.0    true    alive      default
                """, r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals("GET /api/v2/status", server.last("GET", "/api/v2/status").toString());
    }

    @Test
    void status_wide_adds_pid_and_git_hash() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = cli.run("status", "-o", "wide", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("d2912e63-3349-447c-90ba-72a4e04b5e9e   v8.5.0   true   alive   default   1447"
                + "   10413bd2fb1e4b7b0d1aab7b8c4f7d6a0c1b2c3d\n", r.out(), r::toString);
    }

    @Test
    void status_of_a_capture_shutting_down_says_stopping() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status().replace("\"liveness\": 0", "\"liveness\": 1")
                .replace("\"is_owner\": true", "\"is_owner\": false"));

        Cli.Result r = cli.run("status", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("d2912e63-3349-447c-90ba-72a4e04b5e9e   v8.5.0   false   stopping   default\n", r.out(),
                r::toString);
    }

    @Test
    void status_json_is_the_server_body() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = cli.run("status", "--jq", ".git_hash");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("10413bd2fb1e4b7b0d1aab7b8c4f7d6a0c1b2c3d\n", r.out(), r::toString);
    }

    // ---- health

    @Test
    void health_of_a_healthy_cluster_exits_0_with_a_message_on_stdout() {
        server.on("GET", "/api/v2/health", 200, "{}");

        Cli.Result r = cli.run("health");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cluster at " + server.url() + " is healthy\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals("GET /api/v2/health", server.last("GET", "/api/v2/health").toString());
    }

    @Test
    void health_quiet_prints_nothing_and_exits_0() {
        server.on("GET", "/api/v2/health", 200, "{}");

        Cli.Result r = cli.run("health", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void health_of_an_unhealthy_cluster_exits_1_with_the_server_message() {
        server.onError("GET", "/api/v2/health", 500, "CDC:ErrClusterIsUnhealthy", "TiCDC cluster is unhealthy");

        Cli.Result r = cli.run("health");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: TiCDC cluster is unhealthy (CDC:ErrClusterIsUnhealthy)\n", r.err(), r::toString);
    }

    // ---- version

    @Test
    void the_client_version_comes_from_the_build() {
        assertTrue(Version.CLIENT.matches("\\d+\\.\\d+\\.\\d+.*"), Version.CLIENT);
    }

    @Test
    void version_shows_the_client_and_the_server_version() {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = cli.run("version", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(Version.CLIENT + "   v8.5.0   " + server.url() + "\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void version_json_has_the_client_and_the_server_status() throws Exception {
        server.on("GET", "/api/v2/status", 200, Fixtures.status());

        Cli.Result r = cli.run("version", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(Version.CLIENT, json.path("client").asText(), r::toString);
        assertEquals("v8.5.0", json.path("server").path("version").asText(), r::toString);
        assertEquals(new ObjectMapper().readTree(Fixtures.status()), json.get("server"), r::toString);
    }

    @Test
    void version_without_a_reachable_server_warns_and_still_exits_0() {
        String gone = closedServerUrl();

        Cli.Result r = new Cli().args("--server", gone).run("version", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(Version.CLIENT + "   -   " + gone + "\n", r.out(), r::toString);
        assertTrue(r.err().startsWith("Warning: cannot connect to " + gone + ": connection refused"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void version_json_without_a_server_has_a_null_server() throws Exception {
        String gone = closedServerUrl();

        Cli.Result r = new Cli().args("--server", gone).run("version", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(Version.CLIENT, json.path("client").asText(), r::toString);
        assertTrue(json.has("server") && json.get("server").isNull(), r::toString);
        assertTrue(r.err().startsWith("Warning: "), r::toString);
    }

    private static String closedServerUrl() {
        StubServer closed = new StubServer();
        String url = closed.url();
        closed.close();
        return url;
    }

    // ---- owner resign

    @Test
    void owner_resign_with_yes_sends_the_resign_request() {
        server.on("POST", "/api/v2/owner/resign", 200, "{}");

        Cli.Result r = cli.run("owner", "resign", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("owner resigned; the captures are electing a new owner\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals("POST /api/v2/owner/resign", server.last("POST", "/api/v2/owner/resign").toString());
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void owner_resign_off_a_terminal_without_yes_exits_2_and_sends_nothing() {
        server.on("POST", "/api/v2/owner/resign", 200, "{}");

        Cli.Result r = cli.run("owner", "resign");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void owner_resign_on_a_terminal_asks_first() {
        server.on("POST", "/api/v2/owner/resign", 200, "{}");

        Cli.Result r = cli.onTerminal(120).stdin("yes\n").run("owner", "resign");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Make the owner of cluster " + server.url() + " resign? Changefeeds pause briefly while a new owner"
                + " is elected. [y/N] ",
                r.err(), r::toString);
        assertEquals("POST", server.last("POST", "/api/v2/owner/resign").method());
    }

    @Test
    void owner_resign_declined_exits_7_and_sends_nothing() {
        server.on("POST", "/api/v2/owner/resign", 200, "{}");

        Cli.Result r = cli.onTerminal(120).stdin("n\n").run("owner", "resign");

        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("Error: the owner did not resign\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    // ---- log set

    @Test
    void log_set_sends_the_level_to_the_node_at_server() {
        server.on("POST", "/api/v2/log", 200, "{}");

        Cli.Result r = cli.run("log", "set", "debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("log level of " + server.url() + " set to debug\n", r.out(), r::toString);
        StubServer.Request sent = server.last("POST", "/api/v2/log");
        assertEquals("{\"log_level\":\"debug\"}", sent.body());
        assertEquals(null, sent.query());
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void log_set_accepts_upper_case_and_sends_lower_case() {
        server.on("POST", "/api/v2/log", 200, "{}");

        Cli.Result r = cli.run("log", "set", "WARN");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"log_level\":\"warn\"}", server.last("POST", "/api/v2/log").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"verbose", "trace", ""})
    void log_set_with_an_invalid_level_exits_2_and_sends_nothing(String level) {
        server.on("POST", "/api/v2/log", 200, "{}");

        Cli.Result r = cli.run("log", "set", level);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("debug, info, warn, error, dpanic, panic, fatal"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void log_set_without_a_level_is_a_usage_error() {
        Cli.Result r = cli.run("log", "set");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Try 'ticdcctl log set --help' for more information."), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void log_set_refused_by_the_server_exits_1() {
        server.onError("POST", "/api/v2/log", 400, "CDC:ErrAPIInvalidParam", "fail to change log level: debug");

        Cli.Result r = cli.run("log", "set", "debug");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: fail to change log level: debug (CDC:ErrAPIInvalidParam)\n", r.err(), r::toString);
    }
}
