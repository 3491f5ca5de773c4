package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The GC safepoint as PD reports it to TiCDC: TiDB's gc_worker holds it tidb_gc_life_time (10 minutes) behind the
 * clock on a fresh cluster, TiCDC's own service safepoint holds it below the changefeeds that block GC (tiflow
 * pkg/txnutil/gc/gc_service.go {@code EnsureChangefeedStartTsSafety}, cdc/owner/owner.go {@code calculateGCSafepoint}),
 * and a changefeed that holds it longer than the server's gc-ttl fails (cdc/owner/changefeed.go
 * {@code checkStaleCheckpointTs}).
 */
class GcSafepointTest extends ContractSupport {

    private Resp createFrom(String id, long startTs) {
        return post("/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\","
                + "\"start_ts\":" + startTs + "}");
    }

    private static String beforeGc(long startTs, long gc) {
        return "fail to create or maintain changefeed because start-ts " + startTs
                + " is earlier than or equal to GC safepoint at " + gc;
    }

    @Test
    void on_a_fresh_cluster_a_start_ts_an_hour_back_is_refused_and_one_nine_minutes_back_is_not() {
        long hourBack = tso(nowMillis() - Duration.ofHours(1).toMillis(), 0);
        assertError(createFrom("cf-old", hourBack), 400, "CDC:ErrStartTsBeforeGC",
                beforeGc(hourBack, tso(nowMillis() - Duration.ofMinutes(10).toMillis(), 0)));

        Resp recent = createFrom("cf-recent", tso(nowMillis() - Duration.ofMinutes(9).toMillis(), 0));
        assertEquals(200, recent.status(), recent::toString);
    }

    @Test
    void the_fault_switch_moves_tidbs_safepoint() {
        inject("/sandbox/gc-safepoint", "{\"age_millis\":7200000}");
        assertEquals(7_200_000, get("/sandbox/faults").json().path("gcSafepointAgeMillis").asLong());
        Resp hourBack = createFrom("cf-old", tso(nowMillis() - Duration.ofHours(1).toMillis(), 0));
        assertEquals(200, hourBack.status(), hourBack::toString);
        assertEmptyOk(delete("/api/v2/changefeeds/cf-old")); // it would hold the safepoint at its checkpoint

        inject("/sandbox/gc-safepoint", "{\"age_millis\":1000}");
        long secondsBack = tso(nowMillis() - 5_000, 0);
        assertError(createFrom("cf-new", secondsBack), 400, "CDC:ErrStartTsBeforeGC",
                beforeGc(secondsBack, tso(nowMillis() - 1_000, 0)));

        inject("/sandbox/reset", "{}");
        assertEquals(600_000, get("/sandbox/faults").json().path("gcSafepointAgeMillis").asLong(), "10 minutes");
    }

    @Test
    void a_stopped_changefeed_holds_the_safepoint_at_its_checkpoint() {
        reach("cf-held", "stopped");
        long checkpoint = info("cf-held").path("checkpoint_ts").asLong();
        clock.sleep(Duration.ofHours(1));

        long halfHourBack = tso(nowMillis() - Duration.ofMinutes(30).toMillis(), 0);
        Resp held = createFrom("cf-later", halfHourBack);
        assertEquals(200, held.status(), () -> "TiCDC's service safepoint is below the stopped checkpoint: " + held);
        long beforeIt = checkpoint - 1;
        assertError(createFrom("cf-earlier", beforeIt), 400, "CDC:ErrStartTsBeforeGC", beforeGc(beforeIt, beforeIt));
        assertEmptyOk(post("/api/v2/changefeeds/cf-held/resume", "{}"));
    }

    @Test
    void a_stopped_changefeed_fails_once_its_checkpoint_lags_more_than_the_gc_ttl() {
        reach("cf-paused", "stopped");
        long checkpoint = info("cf-paused").path("checkpoint_ts").asLong();
        long deadline = physical(checkpoint - 1) + Duration.ofHours(24).toMillis();

        sleepUntil(deadline);
        assertEquals("stopped", stateOf("cf-paused"), "a lag of exactly the gc-ttl is not more than it");
        clock.sleep(Duration.ofMillis(1));

        JsonNode info = info("cf-paused");
        assertEquals("failed", info.path("state").asText(), info::toString);
        assertEquals(1, info.path("admin_job_type").asInt());
        assertEquals("CDC:ErrGCTTLExceeded", info.at("/error/code").asText(), info::toString);
        assertEquals("[CDC:ErrGCTTLExceeded]the checkpoint-ts(" + checkpoint + ") lag of the changefeed(default/"
                + "cf-paused) has exceeded the GC TTL and the changefeed is blocking global GC progression",
                info.at("/error/message").asText());
        assertEquals(checkpoint, info.path("checkpoint_ts").asLong());

        // Failed by GC, it no longer holds the safepoint: resuming from its checkpoint is refused.
        long gc = tso(nowMillis() - Duration.ofMinutes(10).toMillis(), 0);
        assertError(post("/api/v2/changefeeds/cf-paused/resume", "{}"), 400, "CDC:ErrStartTsBeforeGC",
                beforeGc(checkpoint, gc));
    }

    /** The new architecture's coordinator checks the GC TTL only when it saves an advanced checkpoint. */
    @Test
    void the_new_architecture_leaves_a_stopped_changefeed_stopped() throws Exception {
        try (Sandbox newArch = Sandbox.start(Sandbox.Options.defaults().withDialect(ServerDialect.NEW_CLASSIC_KERNEL)
                .withTick(TICK).withClock(clock))) {
            assertEquals(200, req("POST", "/api/v2/changefeeds").on(newArch.url())
                    .body("{\"changefeed_id\":\"cf-n\",\"sink_uri\":\"blackhole://\"}").send().status());
            assertEmptyOk(req("POST", "/api/v2/changefeeds/cf-n/pause").on(newArch.url()).send());
            clock.sleep(Duration.ofHours(25));
            JsonNode info = req("GET", "/api/v2/changefeeds/cf-n").on(newArch.url()).send().json();
            assertEquals("stopped", info.path("state").asText(), info::toString);
        }
    }
}
