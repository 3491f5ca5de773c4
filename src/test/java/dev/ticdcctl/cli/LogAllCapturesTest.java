package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.client.Json;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.StubServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code log set LEVEL --all-captures}: each capture of the list asked at its own address. */
class LogAllCapturesTest extends SandboxTest {

    /** The level each capture of a sandbox keeping its state in {@code dir} has recorded, by capture ID. */
    private static Map<String, String> levels(Path dir) throws IOException {
        JsonNode state = Json.mapper().readTree(Files.readString(dir.resolve("state.json")));
        Map<String, String> levels = new TreeMap<>();
        state.path("logLevels").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asText()));
        return levels;
    }

    @Test
    void every_capture_of_the_sandbox_gets_the_level_at_its_own_address(@TempDir Path dir) throws IOException {
        try (Sandbox three = start(Sandbox.Options.defaults().withStateDir(dir).withClock(clock))) {
            Cli cli = new Cli().clock(clock).args("--server", three.url().toString());
            JsonNode captures = Json.mapper().readTree(cli.run("capture", "list", "-o", "json").out()).path("items");
            List<String> lines = new ArrayList<>();
            Map<String, String> expected = new TreeMap<>();
            for (JsonNode capture : captures) {
                lines.add("capture " + capture.path("address").asText()
                        + (capture.path("is_owner").asBoolean() ? " (owner)" : "") + ": log level set to debug");
                expected.put(capture.path("id").asText(), "debug");
            }

            Cli.Result r = cli.run("log", "set", "debug", "--all-captures");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(String.join("\n", lines) + "\n", r.out(), r::toString);
            assertEquals("log level debug: set on 3 of 3 captures\n", r.err(), r::toString);
            assertEquals(3, expected.size());
            assertEquals(expected, levels(dir), "each capture recorded the level it was sent itself");
        }
    }

    @Test
    void without_all_captures_only_the_server_asked_changes() {
        Cli.Result r = ok("log", "set", "warn");

        assertEquals("log level of " + sandbox.url() + " set to warn\n", r.out(), r::toString);
    }

    @Test
    void json_output_lists_each_capture_with_its_result() throws IOException {
        Cli.Result r = ok("log", "set", "info", "--all-captures", "-o", "json");

        JsonNode items = Json.mapper().readTree(r.out());
        assertEquals(3, items.size(), r::toString);
        int owners = 0;
        for (JsonNode item : items) {
            assertTrue(item.path("ok").asBoolean(), r::toString);
            assertEquals(0, item.path("exit_code").asInt(), r::toString);
            assertTrue(item.path("address").asText().startsWith("127.0.0.1:"), r::toString);
            owners += item.path("is_owner").asBoolean() ? 1 : 0;
        }
        assertEquals(1, owners, r::toString);
    }

    @Test
    void a_capture_that_is_down_gets_its_error_line_and_the_run_exits_5() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (StubServer up = new StubServer()) {
            String upAddress = up.url().substring("http://".length());
            String downAddress = "127.0.0.1:" + closedPort;
            up.on("GET", "/api/v2/captures", 200, "{\"total\":2,\"items\":["
                    + "{\"id\":\"c-1\",\"is_owner\":true,\"address\":\"" + upAddress + "\",\"cluster_id\":\"default\"},"
                    + "{\"id\":\"c-2\",\"is_owner\":false,\"address\":\"" + downAddress + "\",\"cluster_id\":\"default\"}"
                    + "]}");
            up.on("POST", "/api/v2/log", 200, "{}");

            Cli.Result r = new Cli().stdin("s3cret\n").run("--server", up.url(), "--user", "root",
                    "--password-stdin", "--connect-timeout", "2s", "log", "set", "error", "--all-captures");

            assertEquals(5, r.exitCode(), r::toString);
            assertEquals("capture " + upAddress + " (owner): log level set to error\n", r.out(), r::toString);
            List<String> err = r.err().lines().toList();
            assertEquals(2, err.size(), r::toString);
            assertTrue(err.get(0).startsWith("Error: capture " + downAddress + ": "), r::toString);
            assertEquals("log level error: set on 1 of 2 captures, 1 failed", err.get(1), r::toString);
            StubServer.Request sent = up.last("POST", "/api/v2/log");
            assertEquals("{\"log_level\":\"error\"}", sent.body().replace(" ", ""));
            assertEquals("Basic " + Base64.getEncoder().encodeToString("root:s3cret".getBytes()),
                    sent.header("Authorization"), "the credentials of the command go to each capture");
        }
    }

    @Test
    void a_capture_that_refuses_the_level_exits_1_and_the_others_still_get_it() {
        try (StubServer first = new StubServer(); StubServer second = new StubServer()) {
            String a = first.url().substring("http://".length());
            String b = second.url().substring("http://".length());
            first.on("GET", "/api/v2/captures", 200, "{\"total\":2,\"items\":["
                    + "{\"id\":\"c-1\",\"is_owner\":false,\"address\":\"" + b + "\",\"cluster_id\":\"default\"},"
                    + "{\"id\":\"c-2\",\"is_owner\":true,\"address\":\"" + a + "\",\"cluster_id\":\"default\"}]}");
            second.onError("POST", "/api/v2/log", 400, "CDC:ErrAPIInvalidParam", "fail to change log level: fatal");
            first.on("POST", "/api/v2/log", 200, "{}");

            Cli.Result r = new Cli().run("--server", first.url(), "log", "set", "fatal", "--all-captures");

            assertEquals(1, r.exitCode(), r::toString);
            assertEquals("capture " + a + " (owner): log level set to fatal\n", r.out(), r::toString);
            assertEquals("Error: capture " + b + ": fail to change log level: fatal (CDC:ErrAPIInvalidParam)\n"
                    + "log level fatal: set on 1 of 2 captures, 1 failed\n", r.err(), r::toString);
        }
    }
}
