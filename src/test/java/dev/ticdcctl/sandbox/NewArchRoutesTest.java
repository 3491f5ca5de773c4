package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The new architecture's route table (ticdc api/v2/api.go, api/http.go, api/v1/api.go at v8.5.7): routes that are
 * gone answer gin's 404 text, new ones answer, and the middleware differs (authentication of status and synced,
 * no readiness 503, the forwarding loop error).
 */
class NewArchRoutesTest extends ContractSupport {
    NewArchRoutesTest() {
        super(o -> o.withDialect(ServerDialect.NEW_CLASSIC_KERNEL).withAuth("root", "secret"));
        defaultHeaders.put("Authorization", basic("root", "secret"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/v2/changefeeds/cf-1/meta_info", "POST, /api/v2/captures/{capture}/drain",
        "GET, /debug/nothing", "POST, /api/v2/status"})
    void removed_and_unknown_routes_answer_gins_404_text(String method, String path) {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
        assertGin404(req(method, path.replace("{capture}", captureIds().get(1))).body("{}").send());
    }

    @Test
    void status_is_also_served_at_the_root_and_config_names_newarch() {
        Resp root = req("GET", "/status").on(1).send();
        assertEquals(200, root.status(), root::toString);
        assertEquals(captureIds().get(1), root.json().path("id").asText());
        assertTrue(root.indented());

        Resp config = req("GET", "/config").on(2).send();
        assertEquals(200, config.status(), config::toString);
        assertEquals(true, config.json().path("newarch").asBoolean());
        assertEquals("newarch", config.json().fieldNames().next(), "newarch comes first in ServerConfig");
        assertEquals(urls.get(2).getAuthority(), config.json().path("advertise-addr").asText());
    }

    @Test
    void processors_are_static_stubs() {
        assertEquals("{\"total\":0,\"items\":[]}", get("/api/v2/processors").body());
        assertEquals("{\"table_ids\":null}", get("/api/v2/processors/any/thing").body(), "nothing is checked");
    }

    @Test
    void redact_mode_only_tightens_per_capture() {
        Resp first = post("/api/v2/log/redact", "{\"redact_info_log\":\"enabled\"}");
        assertEquals("{\"previous_mode\":\"OFF\",\"current_mode\":\"ON\"}", first.body());
        assertEquals("{\"previous_mode\":\"ON\",\"current_mode\":\"ON\"}",
                post("/api/v2/log/redact", "{\"redact_info_log\":\"on\"}").body(), "same mode: 200");
        assertError(post("/api/v2/log/redact", "{\"redact_info_log\":\"Marker\"}"), 400, "CDC:ErrAPIInvalidParam",
                "cannot transition from 'ON' to 'Marker': only transitions to more restrictive modes are allowed"
                        + " (OFF→MARKER→ON)");
        assertEquals("{\"previous_mode\":\"OFF\",\"current_mode\":\"MARKER\"}",
                req("POST", "/api/v2/log/redact").body("{\"redact_info_log\":\"mark\"}").on(1).send().body(),
                "another capture has its own mode");
        assertError(post("/api/v2/log/redact", "{\"redact_info_log\":\" \"}"), 400, "CDC:ErrAPIInvalidParam",
                "missing required field 'redact_info_log': must be 'off', 'on', or 'marker'");
        assertError(post("/api/v2/log/redact", "{\"redact_info_log\":\"loud\"}"), 400, "CDC:ErrAPIInvalidParam",
                "invalid redact mode 'loud': must be 'off', 'on', or 'marker'");
        assertError(post("/api/v2/log/redact", ""), 400, "CDC:ErrAPIInvalidParam", "invalid redact mode: EOF");
    }

    @Test
    void get_all_tables_lists_every_table_without_sink_checks() {
        Resp r = post("/api/v2/get_all_tables", "{\"sink_uri\":\"\"}");
        assertEquals(200, r.status(), r::toString);
        JsonNode body = r.json();
        assertEquals(body.path("eligible_tables").size(), body.path("all_tables").size());
        assertTrue(body.path("all_tables").size() > 0);
    }

    @Test
    void status_synced_and_table_operations_need_credentials_lists_do_not() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
        for (String path : new String[] {"/api/v2/changefeeds/cf-1/status", "/api/v2/changefeeds/cf-1/synced"}) {
            assertErrorEnvelope(req("GET", path).without("Authorization").send(), 401, "CDC:ErrCredentialNotFound");
        }
        assertErrorEnvelope(req("POST", "/api/v2/changefeeds/cf-1/merge_table?tableID=1").without("Authorization")
                .send(), 401, "CDC:ErrCredentialNotFound");
        assertErrorEnvelope(req("PUT", "/api/v1/captures/drain").body("{}").without("Authorization").send(), 401,
                "CDC:ErrCredentialNotFound");
        assertEquals(200, req("GET", "/api/v2/changefeeds/cf-1/tables").without("Authorization").send().status());
        assertEquals(200, req("GET", "/api/v2/changefeeds/cf-1").without("Authorization").send().status());
    }

    @Test
    void before_the_coordinator_is_initialized_its_routes_answer_500_and_local_ones_answer() {
        inject("/sandbox/ready", "{\"ready\":false}");
        assertError(get("/api/v2/changefeeds"), 500, "", "coordinator is not fully initialized, wait a moment");
        assertEquals(200, get("/api/v2/status").status());
        assertEquals(200, post("/api/v2/tso", "").status(), "tso ignores its body");
    }

    @Test
    void a_request_forwarded_too_often_is_refused_and_forwards_name_the_node() {
        Resp looped = req("GET", "/api/v2/changefeeds").on(1).header(CaptureServer.FORWARD_TIMES, "3").send();
        assertError(looped, 500, "", "TiCDC cluster is unavailable, please try again later");
        assertEquals("TiCDC-ForwardFrom", CaptureServer.FORWARD_FROM_NODE);
    }

    @Test
    void failpoints_set_through_the_api_are_listed_by_name_per_capture() {
        assertEquals("[]", get("/debug/failpoints").body());
        assertEmptyOk(post("/debug/failpoints", "{\"name\":\" b/x \",\"expr\":\"return(true)\"}"));
        assertEmptyOk(post("/debug/failpoints", "{\"name\":\"a/y\",\"expr\":\"pause\"}"));
        assertEquals("[{\"name\":\"a/y\",\"expr\":\"pause\"},{\"name\":\"b/x\",\"expr\":\"return(true)\"}]",
                get("/debug/failpoints").body());
        assertEquals("[]", req("GET", "/debug/failpoints").on(1).send().body(), "local to the capture asked");
        assertEmptyOk(delete("/debug/failpoints?name=a/y"));
        assertEmptyOk(req("DELETE", "/debug/failpoints").body("{\"name\":\"b/x\"}").send());
        assertEquals("[]", get("/debug/failpoints").body());
        assertError(post("/debug/failpoints", "{\"name\":\"a\"}"), 400, "CDC:ErrAPIInvalidParam",
                "invalid api parameter%!(EXTRA string=name and expr are required)");
        assertError(delete("/debug/failpoints"), 400, "CDC:ErrAPIInvalidParam", "invalid request: EOF");
    }

    @Test
    void a_state_directory_keeps_the_server_it_was_made_for(@TempDir Path dir) throws IOException {
        Sandbox.start(Sandbox.Options.defaults().withStateDir(dir).withDialect(ServerDialect.NEW_NEXT_GEN)).close();

        Sandbox.OtherServersState refused = assertThrows(Sandbox.OtherServersState.class,
                () -> Sandbox.start(Sandbox.Options.defaults().withStateDir(dir).withDialect(ServerDialect.CLASSIC)));

        assertTrue(refused.getMessage().contains("was made for the NEW_NEXT_GEN server, not CLASSIC"),
                refused::getMessage);
        assertEquals(ServerDialect.NEW_NEXT_GEN, refused.kept());
        try (Sandbox again = Sandbox.start(Sandbox.Options.defaults().withStateDir(dir).withDialect(
                ServerDialect.NEW_NEXT_GEN))) {
            assertEquals(3, again.urls().size(), "the same dialect starts");
        }
        try (Sandbox unasked = Sandbox.start(Sandbox.Options.defaults().withStateDir(dir))) {
            assertEquals(ServerDialect.NEW_NEXT_GEN, unasked.dialect(), "no dialect asked for: the state's own");
        }
    }

    @Test
    void a_new_state_without_a_dialect_takes_the_default(@TempDir Path dir) throws IOException {
        try (Sandbox fresh = Sandbox.start(Sandbox.Options.defaults().withStateDir(dir))) {
            assertEquals(ServerDialect.DEFAULT, fresh.dialect());
        }
        assertEquals(ServerDialect.NEW_CLASSIC_KERNEL, ServerDialect.DEFAULT, "the current release line's server");
    }

    @Test
    void resolve_lock_has_no_zero_checks() {
        assertEmptyOk(post("/api/v2/unsafe/resolve_lock", "{\"region_id\":0,\"ts\":0}"));
    }

    @Test
    void debug_info_lists_the_etcd_keys_as_text_without_credentials_and_unmasked() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"mysql://root:secret@127.0.0.1:3306/\"}");

        Resp r = req("GET", "/debug/info").on(2).without("Authorization").send();

        assertEquals(200, r.status(), r::toString);
        assertEquals("text/plain; charset=utf-8", r.contentType());
        assertTrue(r.body().startsWith("\n\n*** etcd info ***:\n\n/tidb/cdc/default/__cdc_meta__/"), r::body);
        assertTrue(r.body().contains("/changefeed/info/cf-1\n\t{") && r.body().contains("root:secret@"), r::body);
        assertTrue(r.body().endsWith("}\n\n"), r::body);
    }

    @Test
    void deleting_the_service_gc_safepoint_asks_its_own_pd_whatever_upstream_is_named() {
        assertEmptyOk(req("DELETE", "/api/v2/unsafe/service_gc_safepoint").body("{\"id\":12345,\"pd_addrs\":"
                + "[\"http://10.0.0.1:2379\"]}").send());
        assertError(req("DELETE", "/api/v2/unsafe/service_gc_safepoint").send(), 400, "CDC:ErrAPIInvalidParam",
                "invalid api parameter: EOF");
    }

    @Test
    void v1_routes_run_the_v2_handlers_answering_202_and_bare_lists() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");

        JsonNode list = get("/api/v1/changefeeds?keyspace=whatever").json();
        assertEquals("cf-1", list.path(0).path("id").asText(), "the classic kernel ignores the keyspace: " + list);
        assertEquals("[]", get("/api/v1/processors").body());
        assertEquals(3, get("/api/v1/captures").json().size());
        assertErrorEnvelope(req("POST", "/api/v1/changefeeds/cf-1/pause").without("Authorization").send(), 401,
                "CDC:ErrCredentialNotFound");
        Resp paused = req("POST", "/api/v1/changefeeds/cf-1/pause").on(2).send();
        assertEquals(202, paused.status(), paused::toString);
        assertEquals("{}", paused.body());
        assertEquals("stopped", info("cf-1").path("state").asText());
        assertEquals(202, post("/api/v1/changefeeds/cf-1/resume", null).status());
        assertEquals(202, delete("/api/v1/changefeeds/cf-1").status());
        assertError(get("/api/v1/changefeeds/cf-1"), 400, "CDC:ErrChangeFeedNotExists", "changefeed not exists, cf-1");
    }

    @Test
    void status_shows_the_changefeeds_one_error_as_last_error_while_failed_reported_by_its_maintainer() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
        clock.sleep(Duration.ofSeconds(3));
        inject("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"failed\",\"code\":\"CDC:ErrGCTTLExceeded\"}");

        JsonNode status = get("/api/v2/changefeeds/cf-1/status").json();

        assertEquals(List.of("state", "resolved_ts", "checkpoint_ts", "last_error"), keys(status));
        assertEquals("CDC:ErrGCTTLExceeded", status.at("/last_error/code").asText());
        assertEquals(info("cf-1").at("/error/addr"), status.at("/last_error/addr"), "the address GET shows");
        assertTrue(SandboxContractTest.RFC3339.matcher(status.at("/last_error/time").asText()).matches(),
                "status keeps the time GET zeroes: " + status);
    }
}
