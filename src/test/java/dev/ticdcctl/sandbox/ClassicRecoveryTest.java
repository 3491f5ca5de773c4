package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a classic changefeed recovers from errors by itself (tiflow cdc/owner/feed_state_manager.go): a retryable
 * error makes it pending, the first restart comes on the next tick ({@code resetErrRetry} starts the last retry time
 * at the epoch), later ones after 10 s doubled each time up to 10 minutes, ±10 % ({@code shouldFailWhenRetry});
 * warning becomes normal once the checkpoint moves past the restart ({@code checkAndChangeState}); the back-off's
 * giving up, and a warning stuck longer than changefeed_error_stuck_duration ({@code HandleWarning}), fail it. An
 * injected fault is one error event unless it persists.
 */
class ClassicRecoveryTest extends ContractSupport {
    private static final String CF = "cf-r";
    private static final String KEY = "default/" + CF;
    private static final long STUCK = Duration.ofMinutes(30).toMillis();

    private void fault(String json) {
        inject("/sandbox/changefeeds/" + CF + "/fault", json);
    }

    @Test
    void a_retryable_error_is_retried_on_the_next_tick_and_the_changefeed_is_normal_a_tick_later() {
        reach(CF, "normal");
        long checkpoint = info(CF).path("checkpoint_ts").asLong();
        fault("{\"state\":\"pending\",\"code\":\"CDC:ErrMySQLConnectionError\",\"message\":\"connection refused\"}");

        JsonNode pending = info(CF);
        assertEquals("pending", pending.path("state").asText());
        assertEquals("CDC:ErrMySQLConnectionError", pending.at("/error/code").asText());
        assertEquals(1, pending.path("admin_job_type").asInt());
        assertEquals(0, pending.path("resolved_ts").asLong());

        clock.sleep(TICK);
        JsonNode retried = info(CF);
        assertEquals("warning", retried.path("state").asText(), "restarted: warning until the checkpoint moves");
        assertEquals("CDC:ErrMySQLConnectionError", retried.at("/error/code").asText(), "the error stays shown");
        assertFalse(retried.has("admin_job_type"), retried::toString);

        clock.sleep(TICK);
        JsonNode normal = info(CF);
        assertEquals("normal", normal.path("state").asText(), normal::toString);
        assertFalse(normal.has("error"), "a normal changefeed shows no error (toAPIModel)");
        assertTrue(normal.path("checkpoint_ts").asLong() > checkpoint);
        assertTrue(get("/api/v2/changefeeds").json().at("/items/0/error").isNull());
    }

    @Test
    void a_persisting_error_is_retried_with_a_back_off_from_10_seconds_doubling_to_10_minutes_then_fails() {
        reach(CF, "normal");
        long first = nowMillis();
        fault("{\"state\":\"pending\",\"code\":\"CDC:ErrMySQLConnectionError\",\"message\":\"refused\",\"persist\":true}");

        List<Long> waits = new ArrayList<>();
        long restart = first + TICK.toMillis();
        for (int attempt = 1; ; attempt++) {
            sleepUntil(restart - 1);
            assertEquals("pending", stateOf(CF), "no restart before the back-off allows, attempt " + attempt);
            sleepUntil(restart);
            long interval = Backoff.next(KEY, attempt, restart - first, STUCK);
            if (interval == Backoff.STOP) {
                break;
            }
            assertEquals("warning", stateOf(CF), "restarted, attempt " + attempt);
            clock.sleep(TICK);
            assertEquals("pending", stateOf(CF), "the error strikes again a tick after the restart");
            waits.add(interval);
            restart += interval;
        }

        JsonNode failed = info(CF);
        assertEquals("failed", failed.path("state").asText(), failed::toString);
        assertEquals("CDC:ErrMySQLConnectionError", failed.at("/error/code").asText(), "its last error kept");
        assertEquals(1, failed.path("admin_job_type").asInt());
        // The 10 s of the reset is skipped by the first restart: then 20 s, 40 s, ... at most 10 minutes, ±10 %.
        assertTrue(waits.size() >= 6, waits::toString);
        for (int i = 0; i < waits.size(); i++) {
            long nominal = Math.min(20_000L << i, 600_000L);
            long wait = waits.get(i);
            assertTrue(Math.abs(wait - nominal) <= nominal / 10, () -> "wait " + wait + " ms for " + nominal + " ms");
        }
        long elapsed = nowMillis() - first;
        assertTrue(elapsed > STUCK / 2 && elapsed + Backoff.interval(KEY, waits.size() + 1) > STUCK,
                () -> "gave up after " + elapsed + " ms, when the next interval would pass the stuck duration");
    }

    @Test
    void a_warning_reported_once_ends_when_the_checkpoint_moves_on() {
        reach(CF, "normal");
        fault("{\"state\":\"warning\",\"code\":\"CDC:ErrKafkaNewProducer\",\"message\":\"broker down\"}");
        assertEquals("warning", stateOf(CF));
        assertEquals("CDC:ErrKafkaNewProducer", get("/api/v2/changefeeds").json().at("/items/0/error/code").asText());

        clock.sleep(TICK);

        assertEquals("normal", stateOf(CF));
    }

    @Test
    void a_warning_that_persists_fails_the_changefeed_as_unretryable_after_the_stuck_duration() {
        reach(CF, "normal");
        long warned = nowMillis();
        long checkpoint = info(CF).path("checkpoint_ts").asLong();
        fault("{\"state\":\"warning\",\"code\":\"CDC:ErrKafkaNewProducer\",\"message\":\"broker down\",\"persist\":true}");

        sleepUntil(warned + STUCK);
        JsonNode stuck = info(CF);
        assertEquals("warning", stuck.path("state").asText());
        assertEquals(checkpoint, stuck.path("checkpoint_ts").asLong(), "the checkpoint stands still");
        clock.sleep(Duration.ofMillis(1));

        JsonNode failed = info(CF);
        assertEquals("failed", failed.path("state").asText(), failed::toString);
        assertEquals("CDC:ErrChangefeedUnretryable", failed.at("/error/code").asText());
        assertEquals("broker down", failed.at("/error/message").asText());
    }

    @Test
    void a_fast_fail_error_fails_at_once_and_an_error_in_a_stopped_changefeed_is_not_met() {
        reach(CF, "normal");
        fault("{\"state\":\"pending\",\"code\":\"CDC:ErrSinkURIInvalid\",\"message\":\"bad sink\"}");
        assertEquals("failed", stateOf(CF), "changefeedUnRetryableErrors");

        reach("cf-s", "stopped");
        inject("/sandbox/changefeeds/cf-s/fault", "{\"state\":\"pending\"}");
        assertEquals("stopped", stateOf("cf-s"), "no processor runs to meet it");
    }

    @Test
    void clearing_a_persisting_fault_lets_the_next_restart_succeed() {
        reach(CF, "normal");
        fault("{\"state\":\"pending\",\"message\":\"refused\",\"persist\":true}");
        clock.sleep(Duration.ofSeconds(1));
        assertEquals("pending", stateOf(CF), "met again after the first restart");

        fault("{\"state\":\"normal\"}");
        assertEquals("pending", stateOf(CF), "the server learns it at the next restart");
        clock.sleep(Duration.ofSeconds(25));

        assertEquals("normal", stateOf(CF));
    }

    @Test
    void a_resume_resets_the_back_off() {
        reach(CF, "normal");
        fault("{\"state\":\"pending\",\"message\":\"refused\",\"persist\":true}");
        clock.sleep(Duration.ofMinutes(3)); // several restarts: the next one is minutes away
        assertEquals(200, post("/api/v2/changefeeds/" + CF + "/pause", null).status());
        tick();
        assertEquals("stopped", stateOf(CF));

        assertEmptyOk(post("/api/v2/changefeeds/" + CF + "/resume", "{}"));
        clock.sleep(TICK); // resumed
        clock.sleep(TICK); // the error strikes again
        assertEquals("pending", stateOf(CF));
        clock.sleep(TICK);

        assertEquals("warning", stateOf(CF), "restarted on the next tick, as after a first error");
    }
}
