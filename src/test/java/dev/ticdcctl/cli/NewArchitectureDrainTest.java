package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
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
 * {@code PUT /api/v1/captures/drain}; before, the 404 says what to do instead.
 */
class NewArchitectureDrainTest {
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
    void a_release_without_the_v1_route_is_explained() {
        try (StubServer stub = new StubServer()) {
            stub.on("GET", "/api/v2/captures", 200, "{\"total\":1,\"items\":[{\"id\":\"c-1\",\"is_owner\":false,"
                    + "\"address\":\"10.0.0.1:8300\",\"cluster_id\":\"default\"}]}");

            Cli.Result r = Cli.against(stub).run("capture", "drain", "c-1", "--yes");

            assertEquals(ExitCode.FAILED.code(), r.exitCode(), r::toString);
            assertEquals("Error: the server does not have the route PUT /api/v1/captures/drain (HTTP 404 with a non-JSON"
                    + " body: \"404 page not found\")\nHint: the new architecture drains a capture from v8.5.7 on; on this"
                    + " release, stopping the capture moves its tables to the others\n", r.err());
            List<String> drains = stub.requests().stream().filter(q -> q.path().contains("drain"))
                    .map(q -> q.method() + " " + q.path()).toList();
            assertEquals(List.of("POST /api/v2/captures/c-1/drain", "PUT /api/v1/captures/drain"), drains);
        }
    }
}
