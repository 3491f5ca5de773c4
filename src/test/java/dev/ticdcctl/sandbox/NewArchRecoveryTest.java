package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How the new architecture's coordinator recovers a changefeed (ticdc coordinator/changefeed/backoff.go
 * {@code HandleError}, {@code CheckStatus}): a retryable error makes it warning at once, with the error in
 * {@code error} (there is no pending); it restarts when the back-off interval has passed, the first one too (10 s,
 * doubling to 10 minutes, ±10 %); the checkpoint moving makes it normal and clears the error; the back-off giving
 * up, or a fast-fail error, fails it with that error.
 */
class NewArchRecoveryTest extends ContractSupport {
    private static final String CF = "cf-n";
    private static final String BASE = "/api/v2/changefeeds/" + CF;
    private static final String KEY = "default/" + CF;
    private static final long STUCK = Duration.ofMinutes(30).toMillis();

    NewArchRecoveryTest() {
        super(o -> o.withDialect(ServerDialect.NEW_CLASSIC_KERNEL));
    }

    private void createCf() {
        create("{\"changefeed_id\":\"" + CF + "\",\"sink_uri\":\"blackhole://\"}");
        clock.sleep(Duration.ofSeconds(2));
    }

    private void fault(String json) {
        inject("/sandbox/changefeeds/" + CF + "/fault", json);
    }

    @Test
    void a_retryable_error_is_a_warning_until_the_first_interval_has_passed_then_normal_again() {
        createCf();
        long first = nowMillis();
        long checkpoint = info(CF).path("checkpoint_ts").asLong();
        fault("{\"state\":\"warning\",\"code\":\"CDC:ErrMySQLConnectionError\",\"message\":\"refused\"}");

        JsonNode warning = info(CF);
        assertEquals("warning", warning.path("state").asText());
        assertEquals("CDC:ErrMySQLConnectionError", warning.at("/error/code").asText(), warning::toString);
        assertEquals("CDC:ErrMySQLConnectionError", get("/api/v2/changefeeds").json().at("/items/0/error/code")
                .asText());

        long restart = first + Backoff.interval(KEY, 0);
        assertTrue(Backoff.interval(KEY, 0) >= 9_000 && Backoff.interval(KEY, 0) <= 11_000);
        sleepUntil(restart + TICK.toMillis() - 1);
        assertEquals("warning", stateOf(CF), "stopped until the interval has passed, then restarting");
        assertEquals(checkpoint, info(CF).path("checkpoint_ts").asLong(), "its maintainer stopped");
        clock.sleep(Duration.ofMillis(1));

        JsonNode normal = info(CF);
        assertEquals("normal", normal.path("state").asText(), normal::toString);
        assertFalse(normal.has("error"), "the error cleared (coordinator.go handleStateChange)");
        assertTrue(get("/api/v2/changefeeds").json().at("/items/0/error").isNull());
    }

    @Test
    void a_persisting_error_is_retried_with_growing_intervals_until_the_back_off_gives_up() {
        createCf();
        long first = nowMillis();
        fault("{\"state\":\"warning\",\"code\":\"CDC:ErrMySQLConnectionError\",\"message\":\"refused\","
                + "\"persist\":true}");

        long struck = first;
        int attempt = 0;
        for (long interval = Backoff.next(KEY, attempt, 0, STUCK); interval != Backoff.STOP;
                interval = Backoff.next(KEY, ++attempt, struck - first, STUCK)) {
            long nominal = Math.min(10_000L << attempt, 600_000L);
            assertTrue(Math.abs(interval - nominal) <= nominal / 10, interval + " ms for " + nominal);
            struck += interval + TICK.toMillis(); // the restart, then the error again a tick later
            sleepUntil(struck - 1);
            assertEquals("warning", stateOf(CF), "attempt " + attempt);
            sleepUntil(struck);
        }

        JsonNode failed = info(CF);
        assertEquals("failed", failed.path("state").asText(), failed::toString);
        assertEquals("CDC:ErrMySQLConnectionError", failed.at("/error/code").asText(), "the last error");
        assertTrue(attempt >= 6, "10 s, 20 s, 40 s, 80 s, 160 s, 320 s, 600 s...: " + attempt);
    }

    @Test
    void a_fast_fail_error_fails_at_once() {
        createCf();
        fault("{\"state\":\"warning\",\"code\":\"CDC:ErrSnapshotLostByGC\",\"message\":\"lost\"}");

        JsonNode status = get(BASE + "/status").json();
        assertEquals("failed", status.path("state").asText(), status::toString);
        assertEquals("CDC:ErrSnapshotLostByGC", status.at("/last_error/code").asText(), status::toString);
    }

    @Test
    void a_resume_of_a_failed_changefeed_meets_a_persisting_error_again() {
        createCf();
        fault("{\"state\":\"failed\",\"code\":\"CDC:ErrSinkURIInvalid\",\"message\":\"bad\",\"persist\":true}");
        assertEmptyOk(post(BASE + "/resume", "{}"));
        assertEquals("normal", stateOf(CF));

        clock.sleep(TICK);

        assertEquals("failed", stateOf(CF));
    }
}
