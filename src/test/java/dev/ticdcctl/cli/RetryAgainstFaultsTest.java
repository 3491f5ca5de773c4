package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The sandbox's fault switches (a proxy in front answering 502, connections dropped) against the retries. */
class RetryAgainstFaultsTest extends SandboxTest {
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    /**
     * The classic server, whose "not ready" is a 503 that reads retry; the new architecture's coordinator answers 500
     * "not fully initialized", which they do not.
     */
    RetryAgainstFaultsTest() {
        super(ServerDialect.CLASSIC);
    }

    private Cli.Result run(String... args) {
        return cli.stdin("{}").sleeper(duration -> {
            pauses.add(duration);
            clock.sleep(duration);
        }).run(args);
    }

    @Test
    void a_proxy_502_is_reported_at_once() {
        inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}");

        Cli.Result r = run("capture", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(pauses.isEmpty(), pauses::toString);
        assertTrue(r.err().startsWith("Error: the server answered HTTP 502 Bad Gateway"), r::toString);
    }

    @Test
    void a_read_gets_through_a_server_that_was_not_ready() {
        inject("/sandbox/ready", "{\"ready\":false}");
        Cli.Result r = cli.stdin("").sleeper(duration -> {
            pauses.add(duration);
            if (pauses.size() == 2) {
                inject("/sandbox/ready", "{\"ready\":true}");
            }
        }).run("capture", "list", "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, pauses.size(), pauses::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.matches("\\* retry 1 of 3 in 0\\.[12]s: HTTP 503")), r::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.matches("\\* retry 2 of 3 in 0\\.[4-8]s: HTTP 503")), r::toString);
        assertTrue(r.out().contains("127.0.0.1"), r::toString);
    }

    /**
     * Each of our tries may cost the sandbox two dropped connections: the JDK's client itself sends an idempotent
     * request once more, at once, when a fresh connection closes before any answer.
     */
    @Test
    void a_read_gets_through_dropped_connections() {
        inject("/sandbox/fail", "{\"mode\":\"reset\",\"count\":4}");

        Cli.Result r = run("capture", "list", "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(!pauses.isEmpty() && pauses.size() <= 3, pauses::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.matches(
                "\\* retry 1 of 3 in 0\\.[12]s: (connection closed before any answer|connection reset)")), r::toString);
        assertTrue(r.out().contains("127.0.0.1"), r::toString);
    }

    @Test
    void a_delete_gets_through_a_dropped_connection() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        inject("/sandbox/fail", "{\"mode\":\"reset\",\"count\":1}");

        Cli.Result r = run("api", "-X", "DELETE", "/api/v2/changefeeds/cf-1", "--debug");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, pauses.size(), r::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.matches("\\* retry 1 of 3 in 0\\.[12]s: .+")), r::toString);
        fails(3, "changefeed", "get", "cf-1");
    }

    @Test
    void a_change_whose_connection_was_dropped_is_not_sent_again() {
        inject("/sandbox/fail", "{\"mode\":\"reset\",\"count\":1}");

        Cli.Result r = run("api", "-X", "POST", "/api/v2/tso", "--input", "-", "--debug");

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(pauses.isEmpty(), pauses::toString);
        assertTrue(r.err().contains("Error: the server at " + sandbox.url().toString().replaceFirst("/$", "")
                + " closed the connection before answering\n"), r::toString);
        assertEquals(0, run("api", "-X", "POST", "/api/v2/tso", "--input", "-").exitCode(), "one failure, spent");
    }
}
