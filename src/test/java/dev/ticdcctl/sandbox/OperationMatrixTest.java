package dev.ticdcctl.sandbox;

import static dev.ticdcctl.sandbox.SandboxContractTest.RFC3339;
import static dev.ticdcctl.sandbox.SandboxContractTest.fieldSet;
import static dev.ticdcctl.sandbox.SandboxContractTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The changefeed state machine as the API shows it: the operations of tiflow cdc/owner/feed_state_manager.go
 * ({@code handleAdminJob}, {@code HandleWarning}, {@code shouldFailWhenRetry}), and from cdc/api/v2/changefeed.go
 * list filtering ({@code listChangeFeeds}), update merge rules ({@code updateChangefeed}), delete
 * ({@code deleteChangefeed}), and where errors and warnings appear ({@code listChangeFeeds}, {@code toAPIModel},
 * {@code status}).
 */
class OperationMatrixTest extends ContractSupport {
    private static final String CF = "cf-x";
    private static final String BASE = "/api/v2/changefeeds/" + CF;

    // ------------------------------------------------ operation matrix: cdc/owner/feed_state_manager.go handleAdminJob

    @ParameterizedTest(name = "pause from {0} -> {1}")
    @CsvSource({"normal, stopped", "warning, stopped", "pending, stopped", "stopped, stopped", "failed, failed",
        "finished, finished"})
    void pause_is_accepted_in_every_state_and_effective_only_on_running_ones(String from, String after) {
        reach(CF, from);

        assertEmptyOk(post(BASE + "/pause", null));
        assertEquals(from, stateOf(CF), "the owner acts on the next tick, not during the request");
        tick();

        JsonNode info = info(CF);
        assertEquals(after, info.path("state").asText());
        if (after.equals("stopped")) {
            assertEquals(1, info.path("admin_job_type").asInt(), "stop job (model.AdminStop)");
        }
    }

    @ParameterizedTest(name = "resume from {0} -> {1}")
    @CsvSource({"normal, normal", "warning, warning", "pending, pending", "stopped, normal", "failed, normal",
        "finished, normal"})
    void resume_is_accepted_in_every_state_and_effective_only_on_stopped_failed_finished(String from, String after) {
        reach(CF, from);
        long startBefore = info(CF).path("start_ts").asLong();
        // A finished changefeed resumed as it is would finish again at once; moving its checkpoint back makes the
        // effect observable (resumeChangefeed: overwrite_checkpoint_ts sets both start_ts and the checkpoint).
        String body = from.equals("finished") ? "{\"overwrite_checkpoint_ts\":" + startBefore + "}" : "{}";

        assertEmptyOk(post(BASE + "/resume", body));
        tick();

        JsonNode info = info(CF);
        assertEquals(after, info.path("state").asText(), info::toString);
        if (after.equals("normal") && !from.equals("normal")) {
            assertFalse(info.has("error"), "an effective resume clears the error (resumeChangefeed)");
        }
        if (from.equals("pending")) {
            assertEquals(codeFor("pending"), info.path("error").path("code").asText(), "ignored: error kept");
        }
        if (from.equals("finished")) {
            assertEquals(startBefore, info.path("start_ts").asLong());
            assertTrue(info.path("checkpoint_ts").asLong() >= startBefore);
        }
    }

    @ParameterizedTest(name = "update from {0}: allowed={1}")
    @CsvSource({"normal, false", "warning, false", "pending, false", "stopped, true", "failed, true",
        "finished, false"})
    void update_is_allowed_only_when_stopped_or_failed(String from, boolean allowed) {
        reach(CF, from);

        Resp r = put(BASE, "{\"target_ts\":" + V2Route.Fixture.FAR_TARGET + "}");

        if (allowed) {
            assertEquals(200, r.status(), r::toString);
            assertEquals(V2Route.Fixture.FAR_TARGET, r.json().path("target_ts").asLong());
            tick();
            assertEquals(from, stateOf(CF), "an update does not restart the changefeed (updateChangefeed)");
            assertEquals(V2Route.Fixture.FAR_TARGET, info(CF).path("target_ts").asLong());
        } else {
            assertError(r, 400, "CDC:ErrChangefeedUpdateRefused",
                    "changefeed update error: can only update changefeed config when it is stopped or failed");
            tick();
            assertEquals(from, stateOf(CF));
        }
    }

    @ParameterizedTest(name = "delete from {0}")
    @ValueSource(strings = {"normal", "warning", "pending", "stopped", "failed", "finished"})
    void delete_succeeds_in_every_state_and_is_idempotent(String from) {
        reach(CF, from);

        assertEmptyOk(delete(BASE));

        assertError(get(BASE), 400, "CDC:ErrChangeFeedNotExists", "changefeed not exists, default/" + CF);
        assertEquals(0, get("/api/v2/changefeeds?state=all").json().path("total").asInt());
        assertEmptyOk(delete(BASE));
    }

    @ParameterizedTest(name = "processor detail from {0}: ok={1}")
    @CsvSource({"normal, true", "warning, true", "pending, false", "stopped, false", "failed, false",
        "finished, false"})
    void processor_detail_answers_only_for_running_changefeeds(String from, boolean ok) {
        reach(CF, from);
        String owner = captureIds().get(0);

        Resp r = get("/api/v2/processors/" + CF + "/" + owner);

        if (ok) {
            assertEquals(200, r.status(), r::toString);
            assertTrue(r.json().path("table_ids").isArray() && r.json().path("table_ids").size() > 0, r::toString);
        } else {
            assertErrorMatching(r, 400, "CDC:ErrAPIInvalidParam", ".*changefeed in abnormal state: " + from
                    + ", can'duration get processor of an abnormal changefeed");
        }
    }

    /**
     * Reads in every state: GET shows the raw state, the list the display state (ChangefeedCommonInfo.MarshalJSON),
     * status the raw state; the error appears per tiflow cdc/api/v2/changefeed.go {@code listChangeFeeds} (list),
     * {@code toAPIModel} (GET: error only, no time) and {@code status} (last_error / last_warning).
     */
    @ParameterizedTest(name = "reads of a {0} changefeed")
    @CsvSource({
        // state,  list display, listed by default, GET error, list error from, status key
        "normal,   normal,  true,  false, none,    none",
        "warning,  warning, true,  false, warning, last_warning",
        "pending,  warning, true,  true,  pending, last_error",
        "stopped,  stopped, true,  false, none,    none",
        "failed,   failed,  true,  true,  failed,  last_error",
        "finished, finished, false, false, none,   none",
    })
    void reads_show_state_and_problems_as_documented(String state, String display, boolean listedByDefault,
            boolean getShowsError, String listErrorFrom, String statusKey) {
        reach(CF, state);

        JsonNode info = info(CF);
        assertEquals(state, info.path("state").asText());
        if (getShowsError) {
            JsonNode error = info.path("error");
            assertEquals(Set.of("addr", "code", "message"), fieldSet(error), "GET error has no time (toAPIModel)");
            assertEquals(codeFor(state), error.path("code").asText());
            assertEquals(state + " injected", error.path("message").asText());
            assertTrue(error.path("addr").asText().matches("[\\w.\\-]+:\\d+"), error::toString);
        } else {
            assertFalse(info.has("error"), () -> "no error key for a " + state + " changefeed: " + info);
        }
        assertEquals(state.equals("normal"), info.has("task_status"), "task_status only when normal (getChangeFeed)");

        JsonNode defaultList = get("/api/v2/changefeeds").json();
        assertEquals(listedByDefault ? List.of(CF) : List.of(), texts(defaultList.path("items"), "id"));
        JsonNode all = get("/api/v2/changefeeds?state=all").json().path("items");
        assertEquals(1, all.size());
        JsonNode item = all.get(0);
        assertEquals(display, item.path("state").asText());
        if (listErrorFrom.equals("none")) {
            assertTrue(item.path("error").isNull(), item::toString);
        } else {
            JsonNode error = item.path("error");
            assertEquals(Set.of("time", "addr", "code", "message"), fieldSet(error));
            assertEquals(codeFor(listErrorFrom), error.path("code").asText());
            assertTrue(RFC3339.matcher(error.path("time").asText()).matches(), error::toString);
        }

        JsonNode status = get(BASE + "/status").json();
        assertEquals(state, status.path("state").asText());
        for (String key : List.of("last_error", "last_warning")) {
            assertEquals(key.equals(statusKey), status.has(key), () -> key + " in " + status);
        }
        if (!statusKey.equals("none")) {
            JsonNode problem = status.path(statusKey);
            assertEquals(Set.of("time", "addr", "code", "message"), fieldSet(problem));
            assertEquals(codeFor(state), problem.path("code").asText());
            assertTrue(OffsetDateTime.parse(problem.path("time").asText()).toInstant().toEpochMilli()
                    > physical(status.path("checkpoint_ts").asLong()), "newer than the checkpoint (status)");
        }
        if (state.equals("finished")) {
            assertEquals(info.path("target_ts").asLong(), info.path("checkpoint_ts").asLong());
        }
    }

    @Test
    void a_changefeed_paused_while_warning_or_pending_shows_no_error_in_get_or_list() {
        reach("cf-w", "warning");
        reach("cf-p", "pending");
        post("/api/v2/changefeeds/cf-w/pause", null);
        post("/api/v2/changefeeds/cf-p/pause", null);
        tick();

        for (String id : List.of("cf-w", "cf-p")) {
            JsonNode info = info(id);
            assertEquals("stopped", info.path("state").asText());
            assertFalse(info.has("error"), "error omitted for stopped (shouldShowRunningError)");
        }
        for (JsonNode item : get("/api/v2/changefeeds").json().path("items")) {
            assertEquals("stopped", item.path("state").asText());
            assertTrue(item.path("error").isNull(), "error forced to null for stopped (shouldShowRunningError)");
        }
    }

    /**
     * A warning changefeed whose checkpoint is stuck longer than changefeed_error_stuck_duration (default 30 min)
     * fails as unretryable, keeping the warning's message; a pending one fails with its own error once the back-off
     * gives up (tiflow cdc/owner/feed_state_manager.go {@code HandleWarning}, {@code shouldFailWhenRetry}). The
     * injected faults persist, so the checkpoint never moves again and every retry meets the error.
     */
    @ParameterizedTest(name = "{0} for 31 minutes")
    @CsvSource({"warning, CDC:ErrChangefeedUnretryable", "pending, CDC:ErrMySQLConnectionError"})
    void a_changefeed_stuck_longer_than_the_error_stuck_duration_fails(String state, String code) {
        reach(CF, state);
        clock.sleep(Duration.ofMinutes(31));
        JsonNode info = info(CF);
        assertEquals("failed", info.path("state").asText());
        assertEquals(code, info.at("/error/code").asText(), info::toString);
        assertEquals(state + " injected", info.at("/error/message").asText(), info::toString);
    }

    // ----------------------------------------------------------- list filter: cdc/api/v2/changefeed.go listChangeFeeds

    @Test
    void list_filters_on_the_internal_state_and_maps_pending_to_warning() {
        reach("cf-f", "finished");
        reach("cf-a", "normal");
        reach("cf-b", "warning");
        reach("cf-c", "pending");
        reach("cf-d", "stopped");
        reach("cf-e", "failed");
        create("{\"changefeed_id\":\"cf-g\",\"sink_uri\":\"blackhole://\"}"); // not loaded yet: not listed

        assertList("", List.of("cf-a", "cf-b", "cf-c", "cf-d", "cf-e"),
                List.of("normal", "warning", "warning", "stopped", "failed"));
        assertList("?state=", List.of("cf-a", "cf-b", "cf-c", "cf-d", "cf-e"),
                List.of("normal", "warning", "warning", "stopped", "failed"));
        assertList("?state=all", List.of("cf-a", "cf-b", "cf-c", "cf-d", "cf-e", "cf-f"),
                List.of("normal", "warning", "warning", "stopped", "failed", "finished"));
        assertList("?state=finished", List.of("cf-f"), List.of("finished"));
        assertList("?state=pending", List.of("cf-c"), List.of("warning"));
        assertList("?state=warning", List.of("cf-b"), List.of("warning"));
        assertList("?state=normal", List.of("cf-a"), List.of("normal"));
        assertList("?state=stopped", List.of("cf-d"), List.of("stopped"));
        assertList("?state=failed", List.of("cf-e"), List.of("failed"));
        assertList("?state=error", List.of(), List.of());
        assertList("?state=Normal", List.of(), List.of());
        assertList("?state=bogus", List.of(), List.of());
        assertList("?namespace=other", List.of(), List.of());
        assertList("?namespace=other&state=all", List.of(), List.of());
        assertEquals("{\"total\":0,\"items\":[]}", get("/api/v2/changefeeds?state=bogus").body(),
                "an empty list is [] not null");

        JsonNode all = get("/api/v2/changefeeds?state=all").json().path("items");
        for (JsonNode item : all) {
            String id = item.path("id").asText();
            boolean hasError = Set.of("cf-b", "cf-c", "cf-e").contains(id);
            assertEquals(!hasError, item.path("error").isNull(), item::toString);
        }
        assertEquals("CDC:ErrKafkaNewProducer", all.get(1).path("error").path("code").asText(), "warning shown");
    }

    private void assertList(String query, List<String> ids, List<String> states) {
        Resp r = get("/api/v2/changefeeds" + query);
        assertEquals(200, r.status(), r::toString);
        JsonNode body = r.json();
        assertEquals(ids, texts(body.path("items"), "id"), () -> query + ": " + body);
        assertEquals(states, texts(body.path("items"), "state"), () -> query + ": " + body);
        assertEquals(ids.size(), body.path("total").asInt());
    }

    // --------------------------------------------------------------- update: cdc/api/v2/changefeed.go updateChangefeed

    @Test
    void update_merge_rules() {
        create("{\"changefeed_id\":\"cf-u\",\"sink_uri\":\"blackhole://first\",\"replica_config\":"
                + "{\"case_sensitive\":true}}");
        tick();
        JsonNode before = info("cf-u");
        long start = before.path("start_ts").asLong();
        assertTrue(before.path("config").path("case_sensitive").asBoolean());
        post("/api/v2/changefeeds/cf-u/pause", null);
        tick();
        String path = "/api/v2/changefeeds/cf-u";
        String same = "changefeed update error: changefeed config is the same with the old one, do nothing";

        assertError(put(path, "{}"), 400, "CDC:ErrChangefeedUpdateRefused", same);
        assertError(put(path, "{\"sink_uri\":\"\"}"), 400, "CDC:ErrChangefeedUpdateRefused", same);
        assertError(put(path, "{\"target_ts\":0}"), 400, "CDC:ErrChangefeedUpdateRefused", same);
        assertError(put(path, "{\"sink_uri\":\"blackhole://first\"}"), 400, "CDC:ErrChangefeedUpdateRefused", same);
        assertError(put(path, null), 400, "CDC:ErrAPIInvalidParam", "invalid api parameter: EOF");
        assertError(put(path, "{\"target_ts\":" + start + "}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "can not update target_ts:" + start + " less than start_ts:" + start);
        assertError(put(path, "{\"target_ts\":" + (start - 1) + "}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "can not update target_ts:" + (start - 1) + " less than start_ts:" + start);
        assertErrorMatching(put(path, "{\"target_ts\":\"1\"}"), 400, "CDC:ErrAPIInvalidParam",
                "invalid api parameter: .*target_ts.*");

        long target = start + (3_600_000L << LOGICAL_BITS);
        Resp withTarget = put(path, "{\"target_ts\":" + target + ",\"sink_uri\":\"\"}");
        assertEquals(200, withTarget.status(), withTarget::toString);
        assertEquals(target, withTarget.json().path("target_ts").asLong());
        assertEquals("blackhole://first", meta("cf-u").path("sink_uri").asText(), "sink_uri \"\" keeps the old one");

        Resp newSink = put(path, "{\"target_ts\":0,\"sink_uri\":\"blackhole://second\"}");
        assertEquals(200, newSink.status(), newSink::toString);
        assertEquals(target, newSink.json().path("target_ts").asLong(), "target_ts 0 keeps the old one");
        assertEquals("blackhole://second", meta("cf-u").path("sink_uri").asText());
        assertTrue(meta("cf-u").path("config").path("case_sensitive").asBoolean(), "config absent = kept");

        Resp ignored = put(path, "{\"changefeed_id\":\"other\",\"namespace\":\"ns2\",\"start_ts\":1,\"target_ts\":"
                + (target + 1) + "}");
        assertEquals(200, ignored.status(), ignored::toString);
        assertEquals("cf-u", ignored.json().path("id").asText());
        assertEquals("default", ignored.json().path("namespace").asText());
        assertEquals(start, ignored.json().path("start_ts").asLong(), "start_ts is not updatable");
        assertEquals(400, get("/api/v2/changefeeds/other").status());

        JsonNode configBefore = meta("cf-u").path("config");
        Resp keptConfig = put(path, "{\"replica_config\":null,\"target_ts\":" + (target + 2) + "}");
        assertEquals(200, keptConfig.status(), keptConfig::toString);
        assertEquals(configBefore, meta("cf-u").path("config"), "replica_config null = kept");
        assertError(put(path, "{\"replica_config\":null}"), 400, "CDC:ErrChangefeedUpdateRefused", same);

        Resp replaced = put(path, "{\"replica_config\":{\"force_replicate\":true}}");
        assertEquals(200, replaced.status(), replaced::toString);
        JsonNode config = meta("cf-u").path("config");
        assertTrue(config.path("force_replicate").asBoolean());
        assertFalse(config.path("case_sensitive").asBoolean(), "full replacement: not the old value (tiflow#10830)");
        assertFalse(config.path("check_gc_safe_point").asBoolean(), "omitted top-level scalars become zero");
        assertEquals(1_073_741_824L, config.path("memory_quota").asLong(), "memory_quota 0 is re-defaulted");
        assertEquals(JSON.createArrayNode().add("*.*"), config.path("filter").path("rules"), "omitted sections: defaults");

        assertEquals("stopped", stateOf("cf-u"), "takes effect on resume");
        post("/api/v2/changefeeds/cf-u/resume", "{}");
        tick();
        assertEquals("normal", stateOf("cf-u"));
        assertEquals(target + 2, info("cf-u").path("target_ts").asLong());
    }

    @Test
    void update_checks_the_id_then_existence_then_the_state_then_the_body() {
        reach("cf-n", "normal");
        assertError(put("/api/v2/changefeeds/a_b", null), 400, "CDC:ErrAPIInvalidParam", "invalid changefeed_id: a_b");
        assertError(put("/api/v2/changefeeds/nope", null), 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, default/nope");
        assertError(put("/api/v2/changefeeds/cf-n", null), 400, "CDC:ErrChangefeedUpdateRefused",
                "changefeed update error: can only update changefeed config when it is stopped or failed");
    }

    // --------------------------------------------------------------- delete: cdc/api/v2/changefeed.go deleteChangefeed

    @Test
    void delete_is_idempotent_and_validates_the_id() {
        assertEmptyOk(delete("/api/v2/changefeeds/never-existed"));
        assertError(delete("/api/v2/changefeeds/a_b"), 400, "CDC:ErrAPIInvalidParam", "invalid changefeed_id: a_b");

        create("{\"changefeed_id\":\"cf-young\",\"sink_uri\":\"blackhole://\"}");
        assertEmptyOk(delete("/api/v2/changefeeds/cf-young"));
        tick();
        assertError(get("/api/v2/changefeeds/cf-young"), 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, default/cf-young");
        assertEquals(0, get("/api/v2/changefeeds?state=all").json().path("total").asInt());

        reach("cf-1", "normal");
        assertEmptyOk(delete("/api/v2/changefeeds/cf-1?namespace=other"));
        assertEquals("normal", stateOf("cf-1"), "another namespace's delete leaves it alone");
        assertEmptyOk(delete("/api/v2/changefeeds/cf-1"));
        assertEquals(400, get("/api/v2/changefeeds/cf-1").status(), "delete is synchronous (deleteChangefeed)");
        assertEmptyOk(delete("/api/v2/changefeeds/cf-1"));
        Resp recreated = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
        assertEquals(200, recreated.status(), "the ID is free again: " + recreated);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private JsonNode meta(String id) {
        Resp r = get("/api/v2/changefeeds/" + id + "/meta_info");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }
}
