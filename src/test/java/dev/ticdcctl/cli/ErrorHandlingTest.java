package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every failure class gives one Error line, at most one Hint line, the documented exit code, and no stack trace. */
class ErrorHandlingTest extends StubServerTest {

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat "), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertTrue(r.err().lines().count() <= 2, r::toString);
    }

    @ParameterizedTest(name = "HTTP {0} {1} exits {2}")
    @CsvSource({
        "400, CDC:ErrChangeFeedNotExists, 3",
        "400, CDC:ErrCaptureNotExist, 3",
        "401, CDC:ErrCredentialNotFound, 4",
        "401, CDC:ErrUnauthorized, 4",
        "400, CDC:ErrAPIInvalidParam, 1",
        "500, CDC:ErrPDEtcdAPIError, 1",
        "503, CDC:ErrServerIsNotReady, 1",
    })
    void the_exit_code_follows_the_error_code(int status, String code, int exit) {
        server.onError("GET", "/api/v2/changefeeds", status, code, "something happened");

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(exit, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: something happened (" + code + ")\n"), r::toString);
        assertEquals("", r.out());
        assertNoStackTrace(r);
    }

    @Test
    void a_401_without_a_json_body_is_still_an_authentication_failure() {
        server.on("GET", "/api/v2/changefeeds", new StubServer.Response(401, "text/plain", "Unauthorized", 0));

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: the server refused the request: HTTP 401 with a non-JSON body:"
                + " \"Unauthorized\""), r::toString);
    }

    @Test
    void a_proxy_html_502_is_quoted_briefly() {
        server.on("GET", "/api/v2/changefeeds", new StubServer.Response(502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                        + "<hr><center>nginx</center></body></html>", 0));

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: the server answered HTTP 502 Bad Gateway with a non-JSON body:"
                + " \"502 Bad Gateway 502 Bad Gateway nginx\"\n"
                + "Hint: a proxy in front of TiCDC could not reach it\n", r.err());
    }

    @Test
    void an_unknown_route_says_the_server_does_not_have_it_and_which_ticdc_has_it() {
        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: the server does not have the route GET /api/v2/changefeeds (HTTP 404 with a non-JSON"
                + " body: \"404 page not found\")\nHint: the OpenAPI v2 needs TiCDC v6.5.2 or newer: is the address a"
                + " TiCDC server of such a version?\n", r.err());
    }

    @Test
    void a_success_that_is_not_json_is_reported() {
        server.on("GET", "/api/v2/changefeeds", new StubServer.Response(200, "text/html", "<html>login</html>", 0));

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: the answer to GET /api/v2/changefeeds is not JSON: \"login\"\n", r.err());
    }

    @Test
    void a_refused_connection_exits_5_naming_the_address() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli.Result r = new Cli().run("--server", "127.0.0.1:" + port, "changefeed", "list");

        assertEquals(5, r.exitCode(), r::toString);
        assertEquals("Error: cannot connect to http://127.0.0.1:" + port + ": connection refused\n"
                + "Hint: is TiCDC running at http://127.0.0.1:" + port
                + "? Set the address with --server or TICDCCTL_SERVER\n", r.err());
    }

    @Test
    void the_server_comes_from_the_environment_when_no_flag_is_given() throws IOException {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = new Cli().env("TICDCCTL_SERVER", server.url()).run("changefeed", "list", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, server.requests().size());
    }

    @Test
    void a_slow_server_times_out_with_exit_5() {
        server.on("GET", "/api/v2/changefeeds", new StubServer.Response(200, "application/json", "{}", 10_000));

        Cli.Result r = cli.run("changefeed", "list", "--timeout", "300ms");

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: no response from " + server.url() + "/api/v2/changefeeds within 300ms"
                + " (request timed out)\n"
                + "Hint: a slow server may need a longer --timeout\n"), r::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://host:21 | unsupported scheme 'ftp'",
        "http://host:8300/api | must not have a path",
        "http://user:pw@host:8300 | must not contain credentials",
        "http://127.0.0.1:99999 | the port '99999' of server address 'http://127.0.0.1:99999' is not a number from 1"
            + " to 65535",
        "127.0.0.1:0 | the port '0' of server address '127.0.0.1:0' is not a number from 1 to 65535",
        "http://cdc:99999999999 | the port '99999999999'",
        "http://cdc:http | the port 'http'",
        "http://cdc_0.prod:8300 | 'cdc_0.prod' in server address 'http://cdc_0.prod:8300' is not a valid host name",
    })
    void an_invalid_server_address_is_a_usage_error(String address, String message) {
        Cli.Result r = new Cli().run("--server", address, "changefeed", "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid --server: "), r::toString);
        assertTrue(r.err().contains(message), r::toString);
    }

    @Test
    void an_invalid_server_address_names_the_variable_or_context_it_came_from(@TempDir Path home) throws IOException {
        Cli.Result fromEnv = new Cli().env("TICDCCTL_SERVER", "http://127.0.0.1:0").run("changefeed", "list");
        Path config = home.resolve("config.toml");
        Files.writeString(config, "current-context = \"prod\"\n[contexts.\"prod\"]\nserver = \"cdc:70000\"\n");
        Cli.Result fromContext = new Cli().env("TICDCCTL_CONFIG", config.toString()).run("changefeed", "list");

        assertEquals(2, fromEnv.exitCode(), fromEnv::toString);
        assertEquals("Error: invalid server address (from env TICDCCTL_SERVER): the port '0' of server address"
                + " 'http://127.0.0.1:0' is not a number from 1 to 65535\n", fromEnv.err());
        assertEquals(2, fromContext.exitCode(), fromContext::toString);
        assertEquals("Error: invalid server address (from context prod): the port '70000' of server address"
                + " 'cdc:70000' is not a number from 1 to 65535\n", fromContext.err());
    }

    @Test
    void a_context_is_not_given_an_invalid_server_address(@TempDir Path home) {
        Cli.Result r = new Cli().env("HOME", home.toString()).run("config", "set-context", "prod", "--server",
                "10.0.0.1:99999");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid --server: the port '99999'"), r::toString);
        assertFalse(Files.exists(home.resolve(".config/ticdcctl/config.toml")));
    }

    @Test
    void an_invalid_duration_is_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "list", "--timeout", "soon");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("'soon' is not a duration (examples: 500ms, 30s, 1m30s, 2h)"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void debug_traces_each_request_on_stderr_and_keeps_stdout_clean() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list", "--debug", "--jq", ".total");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("2\n", r.out());
        assertTrue(r.err().contains("> GET " + server.url() + "/api/v2/changefeeds?namespace=default\n"), r::toString);
        assertTrue(r.err().contains("> Accept: application/json\n"), r::toString);
        assertTrue(r.err().matches("(?s).*< 200 \\(\\d+ ms, \\d+ bytes\\)\n.*"), r::toString);
    }

    @Test
    void requests_identify_the_client() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        cli.run("changefeed", "list");

        StubServer.Request request = server.last("GET", "/api/v2/changefeeds");
        assertEquals("application/json", request.header("Accept"));
        assertTrue(request.header("User-Agent").startsWith("ticdcctl/"), request.header("User-Agent"));
    }

    @Test
    void an_answer_of_the_wrong_shape_is_reported_and_debug_adds_the_stack_trace() {
        server.on("GET", "/api/v2/changefeeds", 200, "{\"total\":\"many\",\"items\":{}}");

        Cli.Result plain = cli.run("changefeed", "list");
        assertEquals(1, plain.exitCode(), plain::toString);
        assertEquals("Error: the answer to GET /api/v2/changefeeds is not a list of changefeeds: \"total\" is not an"
                + " integer\n", plain.err());
        assertNoStackTrace(plain);

        Cli.Result debug = cli.run("changefeed", "list", "--debug");
        assertEquals(1, debug.exitCode(), debug::toString);
        assertTrue(debug.err().contains("\tat dev.ticdcctl."), debug::toString);
    }
}
