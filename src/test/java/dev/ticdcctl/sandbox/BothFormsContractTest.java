package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every form of the sandbox keeps, classic and new (both kernels), over HTTP: what a client written
 * for either server may rely on. Differences live in the dialect-specific tests.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ServerDialect.class)
class BothFormsContractTest extends ContractSupport {
    private final ServerDialect dialect;

    BothFormsContractTest(ServerDialect dialect) {
        super(o -> o.withDialect(dialect).withAuth("root", "secret"));
        this.dialect = dialect;
        defaultHeaders.put("Authorization", basic("root", "secret"));
    }

    /** A changefeed route, with the keyspace the next-gen kernel requires. */
    private String cf(String path) {
        return "/api/v2/changefeeds" + path + (dialect.nextGen() ? (path.contains("?") ? "&" : "?")
                + "keyspace=keyspace1" : "");
    }

    private void createCf(String id) {
        Resp r = post(cf(""), "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}");
        assertEquals(200, r.status(), r::toString);
        tick(); // the classic owner loads it a tick later
    }

    private String state(String id) {
        Resp r = get(cf("/" + id));
        assertEquals(200, r.status(), r::toString);
        return r.json().path("state").asText();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void status_has_its_seven_keys_and_the_asked_capture_answers() {
        List<String> ids = captureIds();
        for (int node = 0; node < 3; node++) {
            Resp r = req("GET", "/api/v2/status").on(node).send();
            assertTrue(r.indented(), r::toString);
            JsonNode body = r.json();
            assertEquals(List.of("version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness"), names(body));
            assertEquals(ids.get(node), body.path("id").asText());
            assertEquals(node == 0, body.path("is_owner").asBoolean());
            assertEquals(dialect.version(), body.path("version").asText());
        }
    }

    @Test
    void metrics_are_prometheus_text_and_only_the_new_server_has_its_build() {
        Resp r = req("POST", "/metrics").on(1).send();
        assertEquals(200, r.status(), r::toString);
        assertEquals("text/plain; version=0.0.4; charset=utf-8; escaping=underscores", r.contentType());
        String gauges = "# HELP ticdc_server_go_gc The value of GOGC\n# TYPE ticdc_server_go_gc gauge\n"
                + "ticdc_server_go_gc 100\n# HELP ticdc_server_go_max_procs The value of GOMAXPROCS\n"
                + "# TYPE ticdc_server_go_max_procs gauge\nticdc_server_go_max_procs \\d+\n";
        String build = !dialect.isNew() ? "" : "# HELP ticdc_server_build_info TiCDC build information as labels.\n"
                + "# TYPE ticdc_server_build_info gauge\nticdc_server_build_info\\{git_hash=\"[0-9a-f]{40}\","
                + "kernel_type=\"" + (dialect.nextGen() ? "Next Generation" : "Classic") + "\",release_version=\""
                + dialect.version().replace(".", "\\.") + "\",utc_build_time=\"\\d{4}-\\d\\d-\\d\\d"
                + " \\d\\d:\\d\\d:\\d\\d\"\\} 1\n";
        assertTrue(r.body().matches(build + gauges), r::body);
        inject("/sandbox/ready", "{\"ready\":false}");
        assertEquals(200, get("/metrics").status(), "no readiness check outside the API");
    }

    @Test
    void captures_health_log_and_tso_answer_alike() {
        JsonNode captures = get("/api/v2/captures").json();
        assertEquals(3, captures.path("total").asInt());
        assertEquals(List.of("id", "is_owner", "address", "cluster_id"), names(captures.at("/items/0")));
        assertEmptyOk(req("GET", "/api/v2/health").on(2).send());
        assertEmptyOk(post("/api/v2/log", "{\"log_level\":\"debug\"}"));
        assertError(post("/api/v2/log", "{\"log_level\":\"loud\"}"), 400, "CDC:ErrAPIInvalidParam",
                "fail to change log level: loud");
        Resp tso = post("/api/v2/tso", "{}");
        assertTrue(tso.indented(), tso::toString);
        assertEquals(List.of("timestamp", "logic_time"), names(tso.json()));
    }

    @Test
    void a_changefeed_goes_through_its_life_from_any_capture() {
        createCf("cf-1");
        assertEquals("normal", state("cf-1"));
        JsonNode listed = req("GET", cf("")).on(1).send().json();
        assertEquals(1, listed.path("total").asInt());
        assertEquals("cf-1", listed.at("/items/0/id").asText());

        assertEmptyOk(req("POST", cf("/cf-1/pause")).on(2).send());
        tick();
        assertEquals("stopped", state("cf-1"));
        Resp updated = put(cf("/cf-1"), "{\"target_ts\":" + tso(nowMillis() + 3_600_000, 0) + "}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("stopped", updated.json().path("state").asText());
        assertEmptyOk(post(cf("/cf-1/resume"), "{}"));
        tick();
        assertEquals("normal", state("cf-1"));

        assertEmptyOk(delete(cf("/cf-1")));
        Resp gone = get(cf("/cf-1"));
        assertErrorEnvelope(gone, 400, "CDC:ErrChangeFeedNotExists");
    }

    @Test
    void common_refusals_answer_alike() {
        createCf("cf-1");
        assertError(post(cf(""), "{\"changefeed_id\":\"bad_id\",\"sink_uri\":\"blackhole://\"}"), 400,
                "CDC:ErrAPIInvalidParam", "invalid changefeed_id: bad_id");
        assertError(post(cf(""), "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}"), 500,
                "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, cf-1");
        assertError(put(cf("/cf-1"), "{}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "changefeed update error: can only update changefeed config when it is stopped or failed");
        assertErrorEnvelope(post(cf(""), "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + tso(nowMillis() + 3_600_000, 0) + "}"), 400, "CDC:ErrAPIInvalidParam");
        assertErrorEnvelope(req("POST", cf("")).body("{\"changefeed_id\":\"cf-3\",\"sink_uri\":\"blackhole://\"}")
                .without("Authorization").send(), 401, "CDC:ErrCredentialNotFound");
        assertGin404(get("/api/v2/nothing"));
        assertGin404(req("PATCH", cf("/cf-1")).send());
    }

    @Test
    void faults_injected_show_in_the_changefeed() {
        createCf("cf-1");
        String keyspace = dialect.nextGen() ? "?keyspace=keyspace1" : "";
        inject("/sandbox/changefeeds/cf-1/fault" + keyspace, "{\"state\":\"failed\"}");
        assertEquals("failed", state("cf-1"));
        assertEquals("CDC:ErrMySQLConnectionError", get(cf("/cf-1")).json().at("/error/code").asText());
        assertFalse(get(cf("?state=all")).json().at("/items/0/error").isNull());
    }
}
