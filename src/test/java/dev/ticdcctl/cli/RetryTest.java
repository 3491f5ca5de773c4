package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Reads and deletes are retried after connection failures and 503s; changes never are. */
class RetryTest extends StubServerTest {
    private static final String UNAVAILABLE = "CDC:ErrServerIsNotReady";

    @Test
    void a_read_that_meets_a_503_is_retried_and_succeeds() {
        server.onError("GET", "/api/v2/changefeeds", 503, UNAVAILABLE, "cdc server is not ready");
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, server.requests().size());
    }

    @Test
    void retries_are_bounded_by_the_retries_option() {
        server.onError("GET", "/api/v2/changefeeds", 503, UNAVAILABLE, "cdc server is not ready");

        Cli.Result r = cli.run("changefeed", "list", "--retries", "3");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(4, server.requests().size(), "one try and three retries");
    }

    @Test
    void a_delete_is_retried_because_tiCDC_makes_it_idempotent() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "stopped"));
        server.onError("DELETE", "/api/v2/changefeeds/cf-1", 503, UNAVAILABLE, "cdc server is not ready");
        server.on("DELETE", "/api/v2/changefeeds/cf-1", 200, "{}");

        Cli.Result r = cli.run("changefeed", "delete", "cf-1", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, server.mutations().size());
    }

    @Test
    void a_change_is_never_retried() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal"));
        server.onError("POST", "/api/v2/changefeeds/cf-1/pause", 503, UNAVAILABLE, "cdc server is not ready");

        Cli.Result r = cli.run("changefeed", "pause", "cf-1", "--retries", "5");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, server.mutations().size());
    }

    @Test
    void a_refused_connection_is_retried_before_giving_up() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli.Result r = new Cli().run("--server", "127.0.0.1:" + port, "changefeed", "list", "--debug",
                "--retries", "2");

        assertEquals(5, r.exitCode(), r::toString);
        assertEquals(2, r.err().lines().filter(l -> l.endsWith("connection refused, retrying")).count(), r::toString);
        assertTrue(r.err().contains("Error: cannot connect to http://127.0.0.1:" + port + ": connection refused"),
                r::toString);
    }

    @Test
    void a_negative_retry_count_is_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "list", "--retries", "-1");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --retries must be 0 or more, not -1\n", r.err());
        assertTrue(server.requests().isEmpty());
    }
}
