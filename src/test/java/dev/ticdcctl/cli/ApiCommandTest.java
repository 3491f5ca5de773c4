package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ticdcctl api}: exactly the request asked for, through the connection settings of every command. */
class ApiCommandTest extends StubServerTest {
    private static final String LIST = "/api/v2/changefeeds";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertUsageError(Cli.Result r, String errorLine) {
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: " + errorLine + "\n"), r::toString);
        assertTrue(r.err().lines().count() <= 2, r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    // ---- paths

    @ParameterizedTest(name = "api {0} requests {1} ?{2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "changefeeds                      | /api/v2/changefeeds | -",
        "/changefeeds                     | /api/v2/changefeeds | -",
        "changefeeds?state=all            | /api/v2/changefeeds | state=all",
        "/api/v2/changefeeds?state=all&namespace=team-a | /api/v2/changefeeds | state=all&namespace=team-a",
        "api/v2/changefeeds               | /api/v2/changefeeds | -",
        "/api/v1/changefeeds              | /api/v1/changefeeds | -",
        "changefeeds/cf%2D1/status        | /api/v2/changefeeds/cf-1/status | -",
    })
    void a_path_under_api_is_sent_as_is_and_any_other_is_relative_to_api_v2(String path, String seen, String query) {
        server.on("GET", seen, 200, "{}");

        Cli.Result r = cli.run("api", path);

        assertEquals(0, r.exitCode(), r::toString);
        StubServer.Request request = server.last("GET", seen);
        assertEquals(query, request.query(), request::toString);
    }

    @ParameterizedTest(name = "api {0} exits 2")
    @CsvSource(delimiter = '|', value = {
        "http://10.0.0.1:8300/api/v2/status | 'http://10.0.0.1:8300/api/v2/status' is a URL; give only its path: the"
            + " server comes from --server, TICDCCTL_SERVER or the context",
        "''                                 | the path is empty",
        "changefeeds/a b                    | invalid path 'changefeeds/a b': Illegal character in path: ' '",
        "changefeeds#x                      | invalid path 'changefeeds#x': a #fragment never reaches the server",
    })
    void a_url_or_a_malformed_path_is_refused_before_anything_is_sent(String path, String error) {
        Cli.Result r = cli.run("api", path);

        assertUsageError(r, error);
        assertEquals(0, server.requests().size(), server.requests()::toString);
    }

    @Test
    void a_refused_url_hints_at_the_command_that_works() {
        Cli.Result r = cli.run("api", "https://cdc:8300/api/v2/changefeeds?state=all");

        assertTrue(r.err().endsWith("Hint: ticdcctl --server https://cdc:8300 api '/api/v2/changefeeds?state=all'\n"),
                r::toString);
    }

    // ---- methods, bodies and headers

    @Test
    void get_is_the_default_and_sends_no_body() {
        server.on("GET", LIST, 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("api", "changefeeds");

        assertEquals(0, r.exitCode(), r::toString);
        StubServer.Request request = server.last("GET", LIST);
        assertEquals("", request.body());
        assertNull(request.header("Content-Type"), request.headers()::toString);
        assertEquals("application/json", request.header("Accept"));
    }

    @Test
    void input_from_a_file_makes_a_post_with_a_json_body() throws IOException {
        server.on("POST", "/api/v2/log", 200, "{}");
        Path level = file("level.json", "{\"log_level\": \"debug\"}\n");

        Cli.Result r = cli.run("api", "/api/v2/log", "--input", level.toString());

        assertEquals(0, r.exitCode(), r::toString);
        StubServer.Request request = server.last("POST", "/api/v2/log");
        assertEquals("{\"log_level\": \"debug\"}\n", request.body(), "sent byte for byte");
        assertEquals("application/json", request.header("Content-Type"));
    }

    @Test
    void input_from_stdin_with_an_explicit_method_in_any_case() {
        server.on("PUT", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.stdin("{\"target_ts\": 450835277488291841}")
                .run("api", "-X", "put", "changefeeds/cf-1", "--input", "-");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"target_ts\": 450835277488291841}", server.last("PUT", "/api/v2/changefeeds/cf-1").body());
    }

    @ParameterizedTest
    @CsvSource({"DELETE", "PATCH", "OPTIONS", "HEAD"})
    void every_listed_method_is_sent_as_named(String method) {
        server.on(method, "/api/v2/changefeeds/cf-1", 200, "");

        Cli.Result r = cli.run("api", "-X" + method.toLowerCase(), "changefeeds/cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out(), "an empty answer prints nothing");
        assertEquals(method, server.last(method, "/api/v2/changefeeds/cf-1").method());
    }

    @Test
    void an_unknown_method_is_refused() {
        Cli.Result r = cli.run("api", "-X", "TRACE", "changefeeds");

        assertUsageError(r, "unsupported method 'TRACE': use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
        assertEquals(0, server.requests().size());
    }

    @Test
    void custom_headers_reach_the_server_and_replace_the_tools_own() {
        server.on("GET", LIST, 200, "{}");

        Cli.Result r = cli.run("api", "changefeeds", "-H", "X-Request-Id: 42", "--header", "Accept:text/plain");

        assertEquals(0, r.exitCode(), r::toString);
        StubServer.Request request = server.last("GET", LIST);
        assertEquals("42", request.header("X-Request-Id"));
        assertEquals("[text/plain]", String.valueOf(request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Accept")).findFirst().orElseThrow().getValue()));
    }

    @ParameterizedTest(name = "-H {0}")
    @CsvSource(delimiter = '|', value = {
        "X-Token secret-value | invalid header (-H): expected 'Name: value'",
        ": value              | invalid header (-H): expected 'Name: value'",
        "Bad Name: v          | invalid header (-H): 'Bad Name' is not a valid header name",
        "Host: example.com    | invalid header (-H): the header Host is set by the HTTP client and cannot be given",
        "Content-Length: 3    | invalid header (-H): the header Content-Length is set by the HTTP client and cannot"
            + " be given",
    })
    void a_malformed_header_is_refused_without_echoing_its_value(String header, String error) {
        Cli.Result r = cli.run("api", "changefeeds", "-H", header);

        assertUsageError(r, error);
        assertFalse(r.err().contains("secret-value"), r::toString);
        assertEquals(0, server.requests().size());
    }

    @Test
    void a_header_with_a_line_break_in_its_value_is_refused() {
        Cli.Result r = cli.run("api", "changefeeds", "-H", "X-A: ok", "-H", "X-B: a\r\nX-Injected: 1");

        assertUsageError(r, "invalid header (-H #2): the value of header X-B contains control characters");
        assertEquals(0, server.requests().size());
    }

    // ---- JSON bodies are checked

    @Test
    void malformed_json_input_is_refused_with_its_line_and_column() throws IOException {
        Path level = file("level.json", "{\n  \"log_level\": \"debug\",\n}\n");

        Cli.Result r = cli.run("api", "log", "--input", level.toString());

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + level + ":3:1: invalid JSON: near 'log_level': Unexpected character"
                + " '}': was expecting double-quote to start field name\n"),
                r::toString);
        assertTrue(r.err().endsWith("Hint: the body is sent as application/json; to send something else, name its"
                + " type with -H 'Content-Type: ...'\n"), r::toString);
        assertEquals(0, server.requests().size(), "nothing sent");
    }

    @ParameterizedTest(name = "stdin {0}")
    @CsvSource(delimiter = '|', value = {
        "'{\"a\": 1} {\"b\": 2}' | <stdin>:1:10: unexpected content after the JSON document",
        "'   '                   | <stdin> is empty, and the body must be a JSON document",
        "'{\"a\": \"\\q\"}'      | <stdin>:1:9: invalid JSON: near 'a': Unrecognized character escape",
    })
    void json_from_stdin_must_be_one_document(String input, String error) {
        Cli.Result r = cli.stdin(input).run("api", "log", "--input", "-");

        assertUsageError(r, error);
        assertEquals(0, server.requests().size());
    }

    @Test
    void another_content_type_sends_the_body_unchecked() throws IOException {
        server.on("POST", "/api/v2/import", 200, "{}");
        Path csv = file("rows.csv", "id,name\n1,a\n");

        Cli.Result r = cli.run("api", "import", "--input", csv.toString(), "-H", "Content-Type: text/csv");

        assertEquals(0, r.exitCode(), r::toString);
        StubServer.Request request = server.last("POST", "/api/v2/import");
        assertEquals("id,name\n1,a\n", request.body());
        assertEquals("text/csv", request.header("Content-Type"));
    }

    @Test
    void a_missing_input_file_is_refused() {
        Cli.Result r = cli.run("api", "log", "--input", dir.resolve("absent.json").toString());

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot read " + dir.resolve("absent.json")), r::toString);
        assertEquals(0, server.requests().size());
    }

    @Test
    void stdin_cannot_carry_both_the_body_and_the_password() {
        Cli.Result r = cli.stdin("secret\n{}").run("--user", "root", "--password-stdin", "api", "log", "--input", "-");

        assertUsageError(r, "--password-stdin and an input from stdin ('-') exclude each other");
        assertEquals(0, server.requests().size());
    }

    // ---- output

    @Test
    void a_json_answer_is_pretty_printed_with_exact_numbers_and_masked_secrets() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal")
                .replace("root:xxxxx@", "root:s3cret@"));

        Cli.Result r = cli.run("api", "changefeeds/cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("{\n  \"upstream_id\": 7390512345678901234,\n"), r::toString);
        assertTrue(r.out().contains("\"resolved_ts\": 450835120160243717,"), r::toString);
        assertTrue(r.out().contains("\"sink_uri\": \"mysql://root:xxxxx@127.0.0.1:3306/\""), r::toString);
        assertFalse(r.out().contains("s3cret"), r::toString);
    }

    @Test
    void show_secrets_prints_the_answer_as_received() {
        server.on("GET", "/api/v2/changefeeds/cf-1/meta_info", 200, "{\"sink_uri\":\"mysql://root:s3cret@db:3306/\"}");

        Cli.Result r = cli.run("api", "changefeeds/cf-1/meta_info", "--show-secrets");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\n  \"sink_uri\": \"mysql://root:s3cret@db:3306/\"\n}\n", r.out());
    }

    @Test
    void jq_and_yaml_apply_to_a_json_answer() {
        server.on("GET", LIST, 200, Fixtures.changefeedList());

        Cli.Result ids = cli.run("api", "changefeeds?state=all", "--jq", ".items[].id");
        Cli.Result yaml = cli.run("api", "changefeeds", "-o", "yaml", "--jq", ".total");
        Cli.Result wholeYaml = cli.run("api", "changefeeds", "-o", "yaml");

        assertEquals("cf-kafka\ncf-mysql\n", ids.out(), ids::toString);
        assertEquals("2\n", yaml.out(), yaml::toString);
        assertTrue(wholeYaml.out().startsWith("total: 2\nitems:\n  - upstream_id: 7390512345678901234\n"),
                wholeYaml::toString);
    }

    @Test
    void a_non_json_answer_is_printed_as_received() {
        server.on("GET", "/api/v2/metrics-text", new StubServer.Response(200, "text/plain; charset=utf-8",
                "ticdc_owner 1\nticdc_up 1\n", 0));

        Cli.Result r = cli.run("api", "metrics-text");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("ticdc_owner 1\nticdc_up 1\n", r.out());
    }

    @Test
    void jq_on_a_non_json_answer_fails() {
        server.on("GET", "/api/v2/metrics-text", new StubServer.Response(200, "text/plain", "ticdc_up 1", 0));

        Cli.Result r = cli.run("api", "metrics-text", "--jq", ".");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Error: --jq, -o json and -o yaml need a JSON answer, but the answer to"
                + " GET /api/v2/metrics-text is text/plain\n"), r::toString);
    }

    // ---- errors exit as for every command

    @ParameterizedTest(name = "HTTP {0} {1} exits {2}")
    @CsvSource({
        "400, CDC:ErrChangeFeedNotExists, 3",
        "400, CDC:ErrCaptureNotExist, 3",
        "401, CDC:ErrCredentialNotFound, 4",
        "401, CDC:ErrUnauthorized, 4",
        "400, CDC:ErrAPIInvalidParam, 1",
        "500, CDC:ErrOwnerNotFound, 1",
    })
    void the_error_envelope_maps_to_the_usual_exit_code(int status, String code, int exit) {
        server.onError("POST", "/api/v2/changefeeds/cf-1/pause", status, code, "something happened");

        Cli.Result r = cli.run("api", "-X", "POST", "changefeeds/cf-1/pause");

        assertEquals(exit, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Error: something happened (" + code + ")\n"), r::toString);
        assertTrue(r.err().lines().count() <= 2, r::toString);
    }

    @Test
    void an_unknown_route_exits_1_naming_it() {
        Cli.Result r = cli.run("api", "no/such/route?x=1");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: the server does not have the route GET /api/v2/no/such/route (HTTP 404 with a"
                + " non-JSON body: \"404 page not found\")\n"), r::toString);
    }

    @Test
    void an_unreachable_server_exits_5() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Cli.Result r = new Cli().run("--server", "127.0.0.1:" + port, "--retries", "0", "api", "status");

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot connect to http://127.0.0.1:" + port), r::toString);
    }

    @Test
    void reads_are_retried_after_a_503_and_changes_are_not() {
        server.onError("GET", "/api/v2/status", 503, "CDC:ErrServerIsNotReady", "not ready");
        server.on("GET", "/api/v2/status", 200, Fixtures.status());
        server.onError("POST", "/api/v2/owner/resign", 503, "CDC:ErrServerIsNotReady", "not ready");

        Cli.Result read = cli.run("api", "status", "--jq", ".version");
        Cli.Result change = cli.run("api", "-X", "POST", "owner/resign");

        assertEquals(0, read.exitCode(), read::toString);
        assertEquals("v8.5.0\n", read.out());
        assertEquals(1, change.exitCode(), change::toString);
        assertEquals(1, server.requests().stream().filter(q -> q.method().equals("POST")).count());
    }

    // ---- credentials

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_configured_credentials_are_sent() {
        server.on("GET", LIST, 200, "{}");

        Cli.Result fromEnv = cli.env("TICDC_USER", "root").env("TICDC_PASSWORD", "s3cret").run("api", "changefeeds");

        assertEquals(0, fromEnv.exitCode(), fromEnv::toString);
        assertEquals(basic("root", "s3cret"), server.last("GET", LIST).header("Authorization"));
    }

    @Test
    void the_credentials_can_come_from_flags() {
        server.on("GET", LIST, 200, "{}");

        Cli.Result r = cli.env("HOME", "/nonexistent").stdin("s3cret\n")
                .run("--user", "root", "--password-stdin", "api", "changefeeds");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(basic("root", "s3cret"), server.last("GET", LIST).header("Authorization"));
    }

    @Test
    void an_authorization_header_replaces_the_configured_credentials_and_an_empty_one_sends_none() {
        server.on("GET", LIST, 200, "{}");
        Cli configured = cli.env("TICDC_USER", "root").env("TICDC_PASSWORD", "s3cret");

        configured.run("api", "changefeeds", "-H", "Authorization: Bearer t0ken");
        String replaced = server.last("GET", LIST).header("Authorization");
        configured.run("api", "changefeeds", "-H", "Authorization:");
        String removed = server.last("GET", LIST).header("Authorization");

        assertEquals("Bearer t0ken", replaced);
        assertNull(removed);
    }

    @Test
    void debug_traces_the_request_with_credentials_redacted() {
        server.on("GET", LIST, 200, "{}");

        Cli.Result r = cli.env("TICDC_USER", "root").env("TICDC_PASSWORD", "s3cret")
                .run("--debug", "api", "changefeeds?state=all", "-H", "X-Request-Id: 42", "-H", "Cookie: id=t0ken");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("> GET " + server.url() + "/api/v2/changefeeds?state=all\n"), r::toString);
        assertTrue(r.err().contains("> Authorization: [redacted]\n"), r::toString);
        assertTrue(r.err().contains("> Cookie: [redacted]\n"), r::toString);
        assertTrue(r.err().contains("> X-Request-Id: 42\n"), r::toString);
        assertFalse(r.err().contains("s3cret") || r.err().contains(basic("root", "s3cret").substring(6))
                || r.err().contains("t0ken"), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Authorization", "Proxy-Authorization", "Cookie", "X-Auth-Token", "X-Api-Key",
        "X-Client-Secret", "X-Db-Password"})
    void debug_redacts_every_credential_header_sent_and_received(String header) {
        server.on("GET", LIST, 200, "{}").withHeader("Set-Cookie", "session=r3ceived").withHeader(header, "r3ceived");

        Cli.Result r = cli.run("--debug", "api", "changefeeds", "-H", header + ": s3nt");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("> " + header + ": [redacted]\n"), r::toString);
        assertTrue(r.err().toLowerCase(Locale.ROOT).contains("< " + header.toLowerCase(Locale.ROOT)
                + ": [redacted]\n"), r::toString);
        assertTrue(r.err().toLowerCase(Locale.ROOT).contains("< set-cookie: [redacted]\n"), r::toString);
        assertFalse(r.err().contains("s3nt") || r.err().contains("r3ceived"), r::toString);
    }

    @Test
    void debug_masks_secret_query_parameters_of_the_traced_url() {
        server.on("GET", LIST, 200, "{}");

        Cli.Result r = cli.run("--debug", "api", "changefeeds?sasl-password=s3cr3t&state=all");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("> GET " + server.url() + "/api/v2/changefeeds?sasl-password=xxxxx&state=all\n"),
                r::toString);
        assertFalse(r.err().contains("s3cr3t"), r::toString);
    }
}
