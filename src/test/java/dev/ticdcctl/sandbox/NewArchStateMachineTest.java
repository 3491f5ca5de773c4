package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Where the new architecture's changefeed state machine (ticdc coordinator/controller.go, changefeed/changefeed.go;
 * release v8.5.7) differs from the classic one: requests act when answered, pause stops any state, a resume of a
 * running changefeed is a silent success, there is no pending, and errors stay visible in the list.
 */
class NewArchStateMachineTest extends ContractSupport {
    NewArchStateMachineTest() {
        super(o -> o.withDialect(ServerDialect.NEW_CLASSIC_KERNEL));
    }

    private static final String CF = "/api/v2/changefeeds/cf-1";

    private void createCf() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
    }

    @Test
    void create_pause_resume_and_delete_take_effect_before_the_answer() {
        createCf();
        assertEquals("normal", stateOf("cf-1"), "in the coordinator's table before create answered");
        assertEmptyOk(post(CF + "/pause", null));
        assertEquals("stopped", stateOf("cf-1"), "pause answers once the maintainer stopped");
        assertEmptyOk(post(CF + "/resume", ""));
        assertEquals("normal", stateOf("cf-1"), "resume: normal at once, an empty body accepted");
        assertEmptyOk(delete(CF));
        assertEquals("null", delete(CF).body(), "deleting a missing changefeed answers null");
    }

    @Test
    void resuming_a_running_changefeed_is_a_silent_success() {
        createCf();
        clock.sleep(Duration.ofSeconds(5));
        long checkpoint = info("cf-1").path("checkpoint_ts").asLong();
        assertEmptyOk(post(CF + "/resume", "{}"));
        assertEquals("normal", stateOf("cf-1"));
        assertTrue(info("cf-1").path("checkpoint_ts").asLong() >= checkpoint, "nothing restarted");
    }

    @Test
    void pause_stops_a_failed_changefeed_which_keeps_showing_its_error_in_the_list() {
        createCf();
        inject("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"failed\",\"code\":\"CDC:ErrSinkURIInvalid\","
                + "\"message\":\"bad sink\"}");
        assertEquals("failed", stateOf("cf-1"));
        assertEquals("0001-01-01T00:00:00Z", info("cf-1").at("/error/time").asText());

        assertEmptyOk(post(CF + "/pause", null));

        assertEquals("stopped", stateOf("cf-1"));
        assertTrue(info("cf-1").path("error").isMissingNode(), "detail shows the error only while failed/warning");
        JsonNode item = get("/api/v2/changefeeds?state=all").json().at("/items/0");
        assertEquals("CDC:ErrSinkURIInvalid", item.at("/error/code").asText(), "the list keeps it: " + item);
        assertTrue(SandboxContractTest.RFC3339.matcher(item.at("/error/time").asText()).matches(), item::toString);
    }

    @Test
    void pause_stops_a_finished_changefeed() {
        long now = nowMillis();
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + tso(now - 60_000, 0)
                + ",\"target_ts\":" + tso(now - 30_000, 0) + "}");
        clock.sleep(Duration.ofSeconds(10));
        assertEquals("finished", stateOf("cf-1"));
        assertEmptyOk(post(CF + "/pause", null));
        assertEquals("stopped", stateOf("cf-1"));
    }

    @Test
    void warning_shows_in_status_only_while_warning_and_resolved_equals_checkpoint() {
        createCf();
        clock.sleep(Duration.ofSeconds(3));
        inject("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"warning\"}");
        JsonNode status = get(CF + "/status").json();
        assertEquals("warning", status.path("state").asText());
        assertEquals(status.path("checkpoint_ts"), status.path("resolved_ts"));
        assertEquals("CDC:ErrKafkaNewProducer", status.at("/last_warning/code").asText(), status::toString);
        assertFalse(status.has("last_error"), status::toString);
        assertEquals("CDC:ErrKafkaNewProducer", info("cf-1").at("/error/code").asText());

        clock.sleep(Duration.ofSeconds(12)); // the first back-off, 10 s ± 10 %, then the restart moves it on
        JsonNode running = get(CF + "/status").json();
        assertEquals("normal", running.path("state").asText(), running::toString);
        assertEquals(running.path("checkpoint_ts"), running.path("resolved_ts"));
        assertFalse(running.has("last_warning"), running::toString);
    }

    @Test
    void there_is_no_pending_state_to_inject() {
        createCf();
        Resp r = post("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"pending\"}");
        assertEquals(400, r.status(), r::toString);
    }

    @Test
    void update_accepts_an_identical_config_and_refuses_start_ts() {
        createCf();
        assertError(put(CF, "{}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "changefeed update error: can only update changefeed config when it is stopped or failed");
        assertEmptyOk(post(CF + "/pause", null));
        Resp same = put(CF, "{}");
        assertEquals(200, same.status(), same::toString);
        assertEquals("stopped", same.json().path("state").asText());
        assertError(put(CF, "{\"start_ts\":1}"), 400, "CDC:ErrAPIInvalidParam", "start_ts can not be updated");
    }

    @Test
    void a_generated_name_is_the_gid_in_decimal_and_gid_halves_are_unsigned() {
        JsonNode created = create("{\"sink_uri\":\"blackhole://\"}");
        String id = created.path("id").asText();
        BigInteger low = created.at("/gid/low").bigIntegerValue();
        BigInteger high = created.at("/gid/high").bigIntegerValue();
        assertEquals(low.toString() + high, id);
        assertTrue(low.signum() >= 0 && high.signum() >= 0);
        assertTrue(low.bitLength() <= 64 && high.bitLength() <= 64);
        assertFalse(created.has("maintainer_addr"), "the create reply comes before scheduling");
        assertEquals(created.path("checkpoint_ts"), created.path("resolved_ts"));
        assertEquals(created.path("gid"), info(id).path("gid"), "the GID is kept");
    }

    @Test
    void the_status_reports_the_release() {
        JsonNode status = get("/api/v2/status").json();
        assertEquals("v8.5.7", status.path("version").asText());
        assertEquals(0, status.path("liveness").asInt());
    }
}
