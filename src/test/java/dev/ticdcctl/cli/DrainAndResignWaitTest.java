package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.StubServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code capture drain --wait} and {@code owner resign --wait} against the sandbox, whose owner moves a drained
 * capture's tables and completes an election tick by tick on the test clock. The drains run on the classic server:
 * its owner moves a drained capture's tables a few per tick, where the new architecture's coordinator moves them at
 * once ({@code NewArchitectureDrainTest}).
 */
class DrainAndResignWaitTest extends SandboxTest {

    @Test
    void draining_with_wait_repeats_the_drain_and_shows_the_count_falling_to_0() {
        try (Sandbox pair = start(Sandbox.Options.defaults().withCaptures(2).withClock(clock)
                .withDialect(ServerDialect.CLASSIC))) {
            Cli two = new Cli().clock(clock).args("--server", pair.url().toString());
            for (String id : List.of("cf-1", "cf-2", "cf-3", "cf-4", "cf-5")) {
                assertEquals(0, two.run("changefeed", "create", id, "--sink-uri", "blackhole://").exitCode());
            }
            String capture = two.run("capture", "list", "--jq", ".items[1].id").out().trim();

            Cli.Result r = two.run("capture", "drain", capture, "--yes", "--wait");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("capture " + capture + " drained: no tables left\n", r.out());
            Matcher line = Pattern.compile("capture " + capture + ": (\\d+) tables? left\n").matcher(r.err());
            List<Integer> counts = line.results().map(m -> Integer.parseInt(m.group(1))).toList();
            assertTrue(counts.size() >= 3, () -> "the count falls in steps\n" + r);
            for (int i = 1; i < counts.size(); i++) {
                assertTrue(counts.get(i) < counts.get(i - 1), () -> "each line a lower count\n" + r);
            }
            assertEquals(0, counts.get(counts.size() - 1));
            assertEquals("0\n", two.run("processor", "list", "--jq",
                    "[.items[] | select(.capture_id == \"" + capture + "\")] | length").out());
        }
    }

    @Test
    void a_drain_that_outlasts_its_timeout_exits_6_with_the_last_count() {
        // An owner that ticks every 10 minutes moves nothing within the 5-minute bound.
        try (Sandbox slow = start(Sandbox.Options.defaults().withTick(Duration.ofMinutes(10)).withClock(clock)
                .withDialect(ServerDialect.CLASSIC))) {
            Cli cli = new Cli().clock(clock).args("--server", slow.url().toString());
            assertEquals(0, cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--no-wait")
                    .exitCode());
            String capture = cli.run("capture", "list", "--jq", ".items[1].id").out().trim();
            Instant before = clock.instant();

            Cli.Result r = cli.run("capture", "drain", capture, "--yes", "--wait");

            assertEquals(6, r.exitCode(), r::toString);
            assertEquals(Duration.ofMinutes(5), Duration.between(before, clock.instant()));
            assertTrue(r.err().startsWith("capture " + capture + ": 1 table left\nError: capture " + capture
                    + " still holds 1 table after 5m\n"), r::toString);
        }
    }

    @Test
    void draining_with_wait_still_asks_for_confirmation() {
        String capture = ok("capture", "list", "--jq", ".items[1].id").out().trim();

        Cli.Result r = fails(2, "capture", "drain", capture, "--wait");

        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively"), r::toString);
    }

    @Test
    void resigning_with_wait_names_the_new_owner() {
        String before = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .id").out().trim();

        Cli.Result r = ok("owner", "resign", "--yes", "--wait");

        String after = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .id").out().trim();
        String address = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .address").out().trim();
        assertNotEquals(before, after);
        assertEquals("owner resigned; new owner is " + after + " (" + address + ")\n", r.out());
        assertEquals("owner " + before + " resigned; waiting for the election\n", r.err());
    }

    @Test
    void with_json_output_resign_prints_the_new_owners_capture() {
        Cli.Result r = ok("owner", "resign", "--yes", "--wait", "--jq", ".id + \" \" + (.is_owner | tostring)");

        String owner = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .id").out().trim();
        assertEquals(owner + " true\n", r.out());
    }

    @Test
    void a_lone_capture_is_elected_again_and_the_wait_says_so() {
        try (Sandbox single = start(Sandbox.Options.defaults().withCaptures(1).withClock(clock))) {
            Cli cli = new Cli().clock(clock).args("--server", single.url().toString());
            String id = cli.run("capture", "list", "--jq", ".items[0].id").out().trim();

            Cli.Result r = cli.run("owner", "resign", "--yes", "--wait");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("owner resigned; " + id + " (" + single.url().getAuthority() + ") is owner again\n", r.out());
            assertTrue(r.err().startsWith("Warning: the cluster has one capture: it is elected owner again\n"),
                    r::toString);
        }
    }

    @Test
    void an_election_that_outlasts_the_timeout_exits_6() {
        try (Sandbox slow = start(Sandbox.Options.defaults().withTick(Duration.ofMinutes(10)).withClock(clock))) {
            Cli cli = new Cli().clock(clock).args("--server", slow.url().toString());
            String owner = cli.run("capture", "list", "--jq", ".items[0].id").out().trim();

            Cli.Result r = cli.run("owner", "resign", "--yes", "--wait", "--timeout", "1m");

            assertEquals(6, r.exitCode(), r::toString);
            assertTrue(r.err().contains("Error: no other capture became owner within 1m (last seen: owner " + owner
                    + ")\n"), r::toString);
        }
    }

    @Test
    void no_owner_while_the_captures_elect_one_is_waited_through() {
        String a = "{\"id\":\"cap-a\",\"is_owner\":%s,\"address\":\"10.0.0.1:8300\",\"cluster_id\":\"default\"}";
        String b = "{\"id\":\"cap-b\",\"is_owner\":%s,\"address\":\"10.0.0.2:8300\",\"cluster_id\":\"default\"}";
        try (StubServer server = new StubServer()) {
            server.on("GET", "/api/v2/captures", 200, "{\"total\":2,\"items\":[" + a.formatted(true) + ","
                    + b.formatted(false) + "]}");
            server.onError("GET", "/api/v2/captures", 500, "CDC:ErrOwnerNotFound", "owner not found");
            server.on("GET", "/api/v2/captures", 200, "{\"total\":2,\"items\":[" + a.formatted(false) + ","
                    + b.formatted(true) + "]}");
            server.on("POST", "/api/v2/owner/resign", 200, "{}");

            Cli.Result r = Cli.against(server).run("owner", "resign", "--yes", "--wait");

            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("owner resigned; new owner is cap-b (10.0.0.2:8300)\n", r.out());
            assertEquals(3, server.requests().stream().filter(q -> q.path().equals("/api/v2/captures")).count(),
                    server.requests()::toString);
        }
    }
}
