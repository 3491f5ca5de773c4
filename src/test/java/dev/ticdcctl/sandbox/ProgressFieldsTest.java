package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the classic server says about a changefeed's progress besides its state: {@code resolved_ts} only while it
 * runs (tiflow cdc/owner/changefeed.go {@code releaseResources} stores 0), {@code admin_job_type} as
 * cdc/owner/feed_state_manager.go {@code patchState} sets it, and the create reply without task status
 * (cdc/api/v2/changefeed.go {@code createChangefeed}).
 */
class ProgressFieldsTest extends ContractSupport {
    private static final String CF = "cf-p";
    private static final String BASE = "/api/v2/changefeeds/" + CF;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stopped", "failed", "pending", "finished"})
    void a_changefeed_that_does_not_run_reports_resolved_ts_0_in_get_and_status(String state) {
        reach(CF, state);

        JsonNode info = info(CF);
        assertEquals(0, info.path("resolved_ts").asLong(), info::toString);
        assertTrue(info.path("resolved_ts").isIntegralNumber(), "present, not omitted");
        assertTrue(info.path("checkpoint_ts").asLong() > 0);
        JsonNode status = get(BASE + "/status").json();
        assertEquals(0, status.path("resolved_ts").asLong(), status::toString);
        assertEquals(info.path("checkpoint_ts"), status.path("checkpoint_ts"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal", "warning"})
    void a_running_changefeed_reports_a_resolved_ts_at_or_past_its_checkpoint(String state) {
        reach(CF, state);

        for (JsonNode answer : new JsonNode[] {info(CF), get(BASE + "/status").json()}) {
            assertTrue(answer.path("resolved_ts").asLong() >= answer.path("checkpoint_ts").asLong(), answer::toString);
            assertTrue(answer.path("checkpoint_ts").asLong() > 0, answer::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stopped", "failed"})
    void the_update_reply_reports_resolved_ts_0(String state) {
        reach(CF, state);

        Resp r = put(BASE, "{\"target_ts\":" + V2Route.Fixture.FAR_TARGET + "}");

        assertEquals(200, r.status(), r::toString);
        assertEquals(0, r.json().path("resolved_ts").asLong(), r::toString);
        assertFalse(r.json().has("task_status"), r::toString);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"normal, 0", "warning, 0", "pending, 1", "stopped, 1", "failed, 1", "finished, 4"})
    void admin_job_type_is_the_one_patchState_records(String state, int adminJobType) {
        reach(CF, state);

        JsonNode info = info(CF);
        if (adminJobType == 0) {
            assertFalse(info.has("admin_job_type"), () -> "AdminNone is omitted: " + info);
        } else {
            assertEquals(adminJobType, info.path("admin_job_type").asInt(), info::toString);
        }
    }

    @ParameterizedTest(name = "resumed from {0}")
    @ValueSource(strings = {"stopped", "failed"})
    void a_resumed_changefeed_has_no_admin_job_type_and_a_resolved_ts_again(String state) {
        reach(CF, state);

        assertEmptyOk(post(BASE + "/resume", "{}"));
        tick();

        JsonNode info = info(CF);
        assertEquals("normal", info.path("state").asText());
        assertFalse(info.has("admin_job_type"), () -> "not 2 (AdminResume): patchState(normal) sets AdminNone " + info);
        assertTrue(info.path("resolved_ts").asLong() >= info.path("checkpoint_ts").asLong(), info::toString);
    }

    @Test
    void the_create_reply_has_no_task_status_which_get_has_once_loaded() {
        JsonNode created = create("{\"changefeed_id\":\"" + CF + "\",\"sink_uri\":\"blackhole://\"}");
        assertFalse(created.has("task_status"), created::toString);
        assertFalse(created.has("admin_job_type"), created::toString);
        assertEquals(created.path("start_ts"), created.path("resolved_ts"), "resolved at the start TSO");

        tick();

        JsonNode info = info(CF);
        assertTrue(info.path("task_status").isArray() && !info.path("task_status").isEmpty(), info::toString);
    }
}
