package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code capture drain} on the new architecture, which has no v2 drain route: from v8.5.7 it drains through
 * {@code PUT /api/v1/captures/drain}; before, that route answers without draining, so the release is refused.
 */
class NewArchitectureDrainTest {
    private static final String CAPTURES = "{\"total\":1,\"items\":[{\"id\":\"c-1\",\"is_owner\":false,"
            + "\"address\":\"10.0.0.1:8300\",\"cluster_id\":\"default\"}]}";
    /** A capture ID of TiCDC's form, used without looking it up. */
    private static final String ID = "2b8e1fd4-7f4a-4bfa-9b9e-9c1b1e8a6f42";
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_capture_is_drained_through_the_v1_route() throws IOException {
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults().withCaptures(2).withTick(Duration.ofMillis(500))
                .withClock(clock).withDialect(ServerDialect.NEW_CLASSIC_KERNEL))) {
            Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());
            for (String id : List.of("cf-1", "cf-2", "cf-3")) {
                assertEquals(0, cli.run("changefeed", "create", id, "--sink-uri", "blackhole://").exitCode());
            }
            String capture = cli.run("capture", "list", "--jq", ".items[] | select(.is_owner | not) | .id").out()
                    .trim();

            Cli.Result r = cli.run("capture", "drain", capture, "--yes", "--wait");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("capture " + capture + " drained: no tables left\n", r.out());
            Cli.Result again = cli.run("capture", "drain", capture, "--yes", "-o", "json");
            assertEquals(0, again.exitCode(), again::toString);
            assertEquals("{\n  \"current_table_count\": 0\n}\n", again.out());
        }
    }

    @Test
    void a_release_whose_drain_route_does_not_drain_is_refused_rather_than_reported_drained() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/captures", 200, CAPTURES);
            stub.on("GET", "/api/v2/status", 200, Fixtures.status().replace("v8.5.0", "v8.5.6"));
            // ticdc@v8.5.6 api/v1/api.go drainCapture: a stub that answers without draining
            stub.on("PUT", "/api/v1/captures/drain", 202, "{\"current_table_count\":0}");

            Cli.Result r = Cli.against(stub).run("capture", "drain", "c-1", "--yes");

            assertEquals(ExitCode.FAILED.code(), r.exitCode(), r::toString);
            assertEquals("Error: TiCDC v8.5.6 (new architecture) cannot drain a capture: its drain route answers"
                    + " without moving anything before v8.5.7\nHint: stopping the capture moves its tables to the other"
                    + " captures\n", r.err());
            assertEquals(List.of("POST /api/v2/captures/c-1/drain"), drains(stub), "the stub was not asked");
        }
    }

    @Test
    void a_server_known_to_be_new_is_refused_before_the_question_and_a_release_that_drains_asked_its_version_once() {
        try (StubServer stub = new StubServer()) {
            // the first run meets v8.5.6, the second v8.5.7
            stub.on("GET", "/api/v2/status", 200, Fixtures.status().replace("v8.5.0", "v8.5.6"));
            stub.on("GET", "/api/v2/status", 200, Fixtures.status().replace("v8.5.0", "v8.5.7"));
            stub.on("PUT", "/api/v1/captures/drain", 202, "{\"current_table_count\":0}");
            Cli cli = Cli.against(stub).args("--server-arch", "new");

            Cli.Result refused = cli.onTerminal(120).stdin("y\n").run("capture", "drain", ID);

            assertEquals(ExitCode.FAILED.code(), refused.exitCode(), refused::toString);
            assertEquals("Error: TiCDC v8.5.6 (new architecture) cannot drain a capture: its drain route answers"
                    + " without moving anything before v8.5.7\nHint: stopping the capture moves its tables to the other"
                    + " captures\n", refused.err(), "refused without the question");
            assertEquals(List.of(), drains(stub));

            Cli.Result drained = Cli.against(stub).args("--server-arch", "new").run("capture", "drain", ID,
                    "--yes");

            assertEquals(0, drained.exitCode(), drained::toString);
            assertEquals(List.of("GET /api/v2/status", "GET /api/v2/status", "POST /api/v2/captures/" + ID + "/drain",
                    "PUT /api/v1/captures/drain"), stub.requests().stream().map(q -> q.method() + " " + q.path())
                    .toList(), "one status for each run");
        }
    }

    @Test
    void a_server_with_neither_drain_route_is_told_so() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/captures", 200, CAPTURES);
            stub.on("GET", "/api/v2/status", 200, Fixtures.status().replace("v8.5.0", "v8.5.7"));

            Cli.Result r = Cli.against(stub).run("capture", "drain", "c-1", "--yes", "--wait");

            assertEquals(ExitCode.FAILED.code(), r.exitCode(), r::toString);
            assertEquals("Error: the server does not have the route PUT /api/v1/captures/drain (HTTP 404 with a non-JSON"
                    + " body: \"404 page not found\")\nHint: classic TiCDC drains through POST"
                    + " /api/v2/captures/ID/drain (from v6.5.2), the new architecture through this route: is the"
                    + " address a TiCDC server?\n", r.err());
            assertEquals(List.of("POST /api/v2/captures/c-1/drain", "PUT /api/v1/captures/drain"), drains(stub));
        }
    }

    private static List<String> drains(StubServer stub) {
        return stub.requests().stream().filter(q -> q.path().contains("drain")).map(q -> q.method() + " " + q.path())
                .toList();
    }
}
