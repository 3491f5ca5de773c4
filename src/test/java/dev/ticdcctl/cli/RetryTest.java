package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.HostileServer;
import dev.ticdcctl.testing.StubServerTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertEquals(2, r.err().lines().filter(l -> l.matches("\\* retry [12] of 2 in \\d\\.\\ds: connection refused"))
                .count(), r::toString);
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

    /** The back-offs the transport asked for; nothing waits on the wall clock. */
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    private Cli recordingPauses(Cli cli) {
        return cli.sleeper(pauses::add);
    }

    @Test
    void the_back_off_grows_threefold_from_a_fifth_of_a_second_with_jitter() {
        server.onError("GET", "/api/v2/changefeeds", 503, UNAVAILABLE, "cdc server is not ready");

        Cli.Result r = recordingPauses(cli).run("changefeed", "list", "--debug");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(4, server.requests().size(), "one try and the default three retries");
        assertEquals(3, pauses.size(), pauses::toString);
        long[] nominal = {200, 600, 1800};
        for (int i = 0; i < 3; i++) {
            long millis = pauses.get(i).toMillis();
            assertTrue(millis >= nominal[i] * 3 / 4 && millis <= nominal[i] * 5 / 4, () -> "jittered " + pauses);
            String shown = String.format(Locale.ROOT, "* retry %d of 3 in %.1fs: HTTP 503", i + 1,
                    millis / 1000.0);
            assertTrue(r.err().contains(shown + "\n"), () -> shown + "\n" + r);
        }
        assertTrue(r.err().contains("Error: "), r::toString);
    }

    @Test
    void retries_stop_when_the_next_back_off_would_pass_the_timeout() {
        server.onError("GET", "/api/v2/changefeeds", 503, UNAVAILABLE, "cdc server is not ready");

        // 0.2 s and 0.6 s (at most 0.25 s and 0.75 s) each fit in 1s; then 1.8 s (at least 1.35 s) no longer does.
        Cli.Result r = recordingPauses(cli).run("changefeed", "list", "--timeout", "1s", "--retries", "5",
                "--debug");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(3, server.requests().size(), r::toString);
        assertEquals(2, pauses.size(), pauses::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.matches(
                "\\* no retry after HTTP 503: waiting \\d\\.\\ds would pass the --timeout of 1s")), r::toString);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 504, 400, 404, 429})
    void other_error_answers_are_not_retried(int status) {
        server.onError("GET", "/api/v2/captures", status, "CDC:ErrInternalServerError", "no");

        Cli.Result r = recordingPauses(cli).run("capture", "list");

        assertTrue(r.exitCode() != 0, r::toString);
        assertEquals(1, server.requests().size());
        assertTrue(pauses.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CLOSE_ON_ACCEPT, connection closed before any answer|connection reset",
            "RESET_MID_BODY,  connection reset",
            "TRUNCATED_BODY,  answer cut short"})
    void a_read_whose_connection_breaks_is_retried(HostileServer.Mode mode, String reasons) {
        try (HostileServer hostile = HostileServer.start(mode)) {
            Cli.Result r = recordingPauses(new Cli()).run("--server", hostile.url(), "changefeed", "list",
                    "--debug");

            assertEquals(5, r.exitCode(), r::toString);
            assertEquals(4, r.err().lines().filter(l -> l.startsWith("> GET ")).count(), r::toString);
            assertTrue(hostile.connections() >= 4, r::toString);
            assertEquals(3, r.err().lines().filter(l -> l.matches("\\* retry \\d of 3 in \\d\\.\\ds: (" + reasons + ")"))
                    .count(), r::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CLOSE_ON_ACCEPT", "RESET_MID_BODY", "TRUNCATED_BODY"})
    void a_change_whose_connection_breaks_is_not_sent_again(HostileServer.Mode mode) {
        try (HostileServer hostile = HostileServer.start(mode)) {
            Cli.Result r = recordingPauses(new Cli()).run("--server", hostile.url(), "api", "-X", "POST",
                    "/api/v2/tso", "--debug");

            assertEquals(5, r.exitCode(), r::toString);
            assertEquals(1, hostile.connections(), "the server may have acted on it: sent once\n" + r);
            assertTrue(pauses.isEmpty(), pauses::toString);
            assertTrue(r.err().lines().noneMatch(l -> l.startsWith("* retry")), r::toString);
        }
    }

    @Test
    void a_change_whose_connection_was_refused_is_sent_again_since_nothing_of_it_left() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli.Result r = recordingPauses(new Cli()).run("--server", "127.0.0.1:" + port, "api", "-X", "POST",
                "/api/v2/tso", "--debug", "--retries", "1");

        assertEquals(5, r.exitCode(), r::toString);
        assertEquals(1, pauses.size(), r::toString);
        assertTrue(r.err().lines().anyMatch(l -> l.matches("\\* retry 1 of 1 in \\d\\.\\ds: connection refused")),
                r::toString);
    }
}
