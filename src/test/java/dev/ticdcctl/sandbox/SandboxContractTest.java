package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox against TiCDC's OpenAPI v2 (tiflow cdc/api/v2), over real HTTP: every route of
 * {@code RegisterOpenAPIV2Routes}, value encodings, gin's 404, which errors are 400 and which 500, create's
 * asynchrony, sink URI masking and the TSO route.
 */
class SandboxContractTest extends ContractSupport {
    static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    // ------------------------------------------------------------------------------------------ every route

    static Stream<Arguments> everyRouteOnOwnerAndNonOwner() {
        List<Arguments> args = new ArrayList<>();
        for (V2Route route : V2Route.values()) {
            args.add(Arguments.of(route, 0));
            args.add(Arguments.of(route, 1));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} asked of capture {1}")
    @MethodSource("everyRouteOnOwnerAndNonOwner")
    void every_route_answers_with_its_documented_shape(V2Route route, int node) {
        V2Route.Fixture f = fixture();

        Resp r = call(route, f, node);

        assertEquals(route.success, r.status(), r::toString);
        assertEquals(JSON_TYPE, r.contentType(), r::toString);
        boolean indented = route == V2Route.STATUS || route == V2Route.TSO || route == V2Route.METADATA;
        if (indented) {
            assertTrue(r.indented(), () -> route + " answers pretty-printed JSON (c.IndentedJSON): " + r.body());
        } else {
            assertFalse(r.body().contains("\n"), () -> route + " answers compact JSON (c.JSON): " + r.body());
        }
        JsonNode body = r.json();
        String definition = null;
        String listItem = null;
        switch (route) {
            case STATUS -> {
                assertEquals(List.of("version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness"),
                        fieldNames(body));
                assertEquals("v8.5.0", body.path("version").asText());
                assertFalse(body.path("git_hash").asText().isEmpty());
                assertEquals(f.captures().get(node), body.path("id").asText(), "the asked capture answers");
                assertEquals("default", body.path("cluster_id").asText());
                assertTrue(body.path("pid").isIntegralNumber());
                assertEquals(node == 0, body.path("is_owner").asBoolean());
                assertTrue(body.path("liveness").isIntegralNumber());
                assertEquals(0, body.path("liveness").asInt());
                definition = "v2.ServerStatus";
            }
            case HEALTH, LOG, DELETE, RESUME, PAUSE, RESOLVE_LOCK, SERVICE_GC_SAFEPOINT, RESIGN -> {
                assertEquals("{}", r.body());
                definition = "v2.EmptyResponse";
            }
            case CREATE -> {
                assertEquals("cf-new", body.path("id").asText());
                assertEquals("default", body.path("namespace").asText());
                assertEquals("normal", body.path("state").asText());
                assertEquals("v8.5.0", body.path("creator_version").asText());
                assertEquals("blackhole:", body.path("sink_uri").asText(), "create answers masked");
                long start = body.path("start_ts").asLong();
                assertTrue(body.path("start_ts").isIntegralNumber());
                assertEquals(start, body.path("checkpoint_ts").asLong(), "checkpoint_ts = start_ts");
                assertEquals(start, body.path("resolved_ts").asLong(), "resolved_ts = start_ts");
                assertEquals(nowMillis(), physical(start), "start_ts 0 means the current TSO");
                assertEquals(serverTime(physical(start)), body.path("checkpoint_time").asText());
                assertTrue(body.path("config").isObject());
                assertFalse(body.has("target_ts"), "omitempty");
                assertFalse(body.has("error"), "omitempty");
                definition = "v2.ChangeFeedInfo";
            }
            case LIST -> {
                assertEquals(2, body.path("total").asInt());
                assertEquals(List.of("cf-1", "cf-stopped"), texts(body.path("items"), "id"));
                assertEquals(List.of("normal", "stopped"), texts(body.path("items"), "state"));
                listItem = "v2.ChangefeedCommonInfo";
            }
            case GET, META_INFO -> {
                assertEquals("cf-1", body.path("id").asText());
                assertEquals("normal", body.path("state").asText());
                // GET masks by re-encoding with Go's url.URL.String(), which drops the "//" of an empty authority
                // (getChangeFeed masks with util.MaskSinkURI); getChangeFeedMetaInfo returns the stored URI as given.
                assertEquals(route == V2Route.GET ? "blackhole:" : "blackhole://", body.path("sink_uri").asText());
                assertTrue(body.path("checkpoint_ts").isIntegralNumber());
                definition = "v2.ChangeFeedInfo";
            }
            case UPDATE -> {
                assertEquals("cf-stopped", body.path("id").asText());
                assertEquals(V2Route.Fixture.FAR_TARGET, body.path("target_ts").asLong());
                assertEquals("stopped", body.path("state").asText(), "an update takes effect on resume");
                definition = "v2.ChangeFeedInfo";
            }
            case CHANGEFEED_STATUS -> {
                // Not in the swagger (v2.ChangefeedStatus): checked by hand against tiflow cdc/api/v2/model.go.
                assertEquals("normal", body.path("state").asText());
                assertTrue(body.path("checkpoint_ts").isIntegralNumber());
                assertTrue(body.path("resolved_ts").isIntegralNumber());
                assertTrue(body.path("resolved_ts").asLong() >= body.path("checkpoint_ts").asLong());
                assertFalse(body.has("last_error"));
                assertFalse(body.has("last_warning"));
            }
            case SYNCED -> {
                assertTrue(body.path("synced").isBoolean());
                for (String time : List.of("sink_checkpoint_ts", "puller_resolved_ts", "last_synced_ts", "now_ts")) {
                    assertTrue(SERVER_TIME.matcher(body.path(time).asText()).matches(),
                            () -> time + " is a server time string: " + body);
                }
                assertTrue(body.path("now_ts").asText().endsWith(".000"), "now_ts is whole seconds");
                assertTrue(body.path("info").isTextual());
                definition = "v2.SyncedStatus";
            }
            case DRAIN -> {
                // Not in the swagger: model.DrainCaptureResp (tiflow cdc/model/http_model.go).
                assertEquals(Set.of("current_table_count"), fieldSet(body));
                assertTrue(body.path("current_table_count").isIntegralNumber());
            }
            case CAPTURES -> {
                assertEquals(3, body.path("total").asInt());
                assertEquals(f.captures(), texts(body.path("items"), "id"));
                for (int i = 0; i < 3; i++) {
                    JsonNode item = body.path("items").get(i);
                    assertEquals(i == 0, item.path("is_owner").asBoolean());
                    assertEquals("127.0.0.1:" + urls.get(i).getPort(), item.path("address").asText());
                    assertEquals("default", item.path("cluster_id").asText());
                }
                listItem = "v2.Capture";
            }
            case PROCESSOR -> {
                assertTrue(body.path("table_ids").isArray() && body.path("table_ids").size() > 0, body::toString);
                body.path("table_ids").forEach(id -> assertTrue(id.isIntegralNumber()));
                definition = "v2.ProcessorDetail";
            }
            case PROCESSORS -> {
                assertTrue(body.path("total").asInt() >= 1);
                for (JsonNode item : body.path("items")) {
                    assertEquals("default", item.path("namespace").asText());
                    assertEquals("cf-1", item.path("changefeed_id").asText(), "only running changefeeds");
                    assertTrue(f.captures().contains(item.path("capture_id").asText()));
                }
                listItem = "v2.ProcessorCommonInfo";
            }
            case VERIFY_TABLE -> {
                // Not in the swagger: v2.Tables.
                assertTrue(body.isObject());
                for (String key : List.of("eligible_tables", "ineligible_tables")) {
                    if (body.has(key)) {
                        for (JsonNode t : body.path(key)) {
                            assertTrue(t.path("database_name").isTextual() && t.path("table_name").isTextual()
                                    && t.path("table_id").isIntegralNumber() && t.path("is_partition").isBoolean(),
                                    t::toString);
                        }
                    }
                }
            }
            case METADATA -> {
                // Not in the swagger: a list of v2.EtcdData.
                assertTrue(body.isArray() && body.size() > 0);
                for (JsonNode kv : body) {
                    assertEquals(Set.of("key", "value"), fieldSet(kv));
                    assertTrue(kv.path("key").asText().startsWith("/tidb/cdc/default/"), kv::toString);
                    assertTrue(kv.path("value").isTextual());
                }
                assertTrue(texts(body, "key").contains("/tidb/cdc/default/default/changefeed/info/cf-1"),
                        body::toString);
            }
            case TSO -> {
                // Not in the swagger: v2.Tso.
                assertEquals(List.of("timestamp", "logic_time"), fieldNames(body));
                assertEquals(nowMillis(), body.path("timestamp").asLong());
                assertTrue(body.path("logic_time").isIntegralNumber());
            }
        }
        if (definition != null) {
            SwaggerValidator.published().assertValid(body, definition);
        }
        if (listItem != null) {
            SwaggerValidator.published().assertValidList(body, listItem);
        }
    }

    // ------------------------------------------------------------------------------------------ encodings

    @Test
    void tsos_are_exact_json_integers_beyond_2_pow_53() {
        long now = nowMillis();
        long start = tso(now - 5_000, 262_143); // odd, > 2^53: a double cannot hold it
        assertNotEquals(start, (long) (double) start, "the test value must not survive a round trip via double");
        long target = tso(now + 3_600_000, 7);
        create("{\"changefeed_id\":\"cf-ts\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + start + ",\"target_ts\":"
                + target + "}");
        tick();

        Resp r = get("/api/v2/changefeeds/cf-ts");
        JsonNode info = r.json();
        for (String field : List.of("start_ts", "target_ts", "checkpoint_ts", "resolved_ts", "upstream_id")) {
            assertTrue(info.path(field).isIntegralNumber(), () -> field + " is a JSON integer: " + r.body());
            assertTrue(info.path(field).canConvertToLong(), field);
        }
        assertEquals(start, info.path("start_ts").asLong());
        assertEquals(target, info.path("target_ts").asLong());
        assertTrue(r.body().contains("\"start_ts\":" + start + ","), "written as an integer literal");
        assertTrue(r.body().contains("\"target_ts\":" + target + ","), "written as an integer literal");
        assertTrue(info.path("checkpoint_ts").asLong() >= start);

        JsonNode item = get("/api/v2/changefeeds").json().path("items").get(0);
        assertTrue(item.path("checkpoint_tso").isIntegralNumber());
        assertTrue(item.path("upstream_id").isIntegralNumber());
        assertEquals(info.path("checkpoint_ts").asLong(), item.path("checkpoint_tso").asLong());

        JsonNode status = get("/api/v2/changefeeds/cf-ts/status").json();
        assertTrue(status.path("checkpoint_ts").isIntegralNumber() && status.path("resolved_ts").isIntegralNumber());
    }

    @Test
    void times_are_rendered_as_the_server_renders_them() {
        createLoaded("cf-t");
        clock.sleep(Duration.ofSeconds(5));

        JsonNode info = info("cf-t");
        String checkpointTime = info.path("checkpoint_time").asText();
        assertTrue(SERVER_TIME.matcher(checkpointTime).matches(), checkpointTime);
        assertEquals(serverTime(physical(info.path("checkpoint_ts").asLong())), checkpointTime,
                "checkpoint_time = physical(checkpoint_ts) in the server's zone");

        String createTime = info.path("create_time").asText();
        assertTrue(RFC3339.matcher(createTime).matches(), () -> "RFC 3339 with offset: " + createTime);
        OffsetDateTime created = OffsetDateTime.parse(createTime);
        assertEquals(START, created.toInstant(), "created at the moment of the create request");
        assertEquals(ZoneOffset.ofHours(8), created.getOffset(), "rendered in the server's zone");
        assertEquals("2024-07-01T10:05:10.123+08:00", createTime);

        JsonNode item = get("/api/v2/changefeeds").json().path("items").get(0);
        assertEquals(serverTime(physical(item.path("checkpoint_tso").asLong())), item.path("checkpoint_time").asText());
    }

    @Test
    void replica_config_durations_are_integer_nanoseconds() {
        JsonNode created = create("{\"changefeed_id\":\"cf-d\",\"sink_uri\":\"blackhole://\"}");
        tick();
        for (JsonNode config : List.of(created.path("config"), info("cf-d").path("config"))) {
            assertIntegerEquals(600_000_000_000L, config.path("sync_point_interval"));
            assertIntegerEquals(86_400_000_000_000L, config.path("sync_point_retention"));
            assertIntegerEquals(1_800_000_000_000L, config.path("changefeed_error_stuck_duration"));
        }
    }

    @Test
    void replica_config_durations_are_accepted_as_go_duration_strings_and_answered_as_nanoseconds() {
        JsonNode created = create("{\"changefeed_id\":\"cf-d\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + "{\"sync_point_interval\":\"20m\",\"sync_point_retention\":7200000000000}}");
        assertIntegerEquals(1_200_000_000_000L, created.path("config").path("sync_point_interval"));
        assertIntegerEquals(7_200_000_000_000L, created.path("config").path("sync_point_retention"));
    }

    @Test
    void omitempty_fields_disappear_when_zero_and_list_items_keep_every_key() {
        createLoaded("cf-o");
        Resp r = get("/api/v2/changefeeds/cf-o");
        JsonNode info = r.json();
        assertFalse(info.has("target_ts"), () -> "target_ts 0 is omitted: " + r.body());
        assertFalse(info.has("admin_job_type"), () -> "admin_job_type 0 is omitted: " + r.body());
        assertFalse(info.has("error"), () -> "a nil error is omitted on GET, not null: " + r.body());
        assertTrue(info.has("resolved_ts") && info.has("checkpoint_ts") && info.has("checkpoint_time")
                && info.has("create_time"), "not omitempty in v2.ChangeFeedInfo");

        Resp list = get("/api/v2/changefeeds");
        JsonNode item = list.json().path("items").get(0);
        assertEquals(Set.of("upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time", "error"),
                fieldSet(item));
        assertTrue(item.path("error").isNull(), "error is null, not absent: not omitempty in v2.ChangefeedCommonInfo");
        assertTrue(list.body().contains("\"error\":null"), list::body);
    }

    @Test
    void status_tso_and_errors_are_indented_with_four_spaces_exactly_as_go_marshal_indent() {
        Resp error = get("/api/v2/changefeeds/nope");
        assertEquals("{\n    \"error_msg\": \"[CDC:ErrChangeFeedNotExists]changefeed not exists, default/nope\",\n"
                + "    \"error_code\": \"CDC:ErrChangeFeedNotExists\"\n}", error.body());

        Resp tso = post("/api/v2/tso", "{}");
        JsonNode t = tso.json();
        assertEquals("{\n    \"timestamp\": " + t.path("timestamp").asLong() + ",\n    \"logic_time\": "
                + t.path("logic_time").asLong() + "\n}", tso.body());

        Resp status = get("/api/v2/status");
        assertTrue(status.body().startsWith("{\n    \"version\": \"v8.5.0\",\n    \"git_hash\": \""), status::body);
        assertTrue(status.body().endsWith("\n    \"liveness\": 0\n}"), status::body);

        Resp list = get("/api/v2/captures");
        assertFalse(list.body().contains("\n") || list.body().contains(": "), () -> "compact: " + list.body());
    }

    @Test
    void strings_are_escaped_html_safe_as_go_encoding_json_does() {
        create("{\"changefeed_id\":\"cf-h\",\"sink_uri\":\"blackhole://h/?a=1&b=<2>\"}");
        tick();
        Resp r = get("/api/v2/changefeeds/cf-h/meta_info");
        assertTrue(r.body().contains("blackhole://h/?a=1\\u0026b=\\u003c2\\u003e"), r::body);
        assertEquals("blackhole://h/?a=1&b=<2>", r.json().path("sink_uri").asText());
    }

    // ------------------------------------------------------------------------------------------ 404

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /api/v2/nope",
        "GET, /api/v2/changefeeds/cf-1/nope",
        "GET, /api/v2/processors/cf-1",
        "GET, /api/v2/captures/x/drain",
        "GET, /api/v2/tso",
        "GET, /api/v2/log",
        "POST, /api/v2/status",
        "POST, /api/v2/health",
        "POST, /api/v2/changefeeds/cf-1",
        "PUT, /api/v2/changefeeds",
        "DELETE, /api/v2/changefeeds",
        "DELETE, /api/v2/captures",
        "PATCH, /api/v2/changefeeds/cf-1",
        "GET, /api/v2/unsafe/resolve_lock",
        "POST, /api/v2/unsafe/metadata",
        "GET, /api/v3/changefeeds",
        "GET, /nope",
    })
    void unknown_routes_and_wrong_methods_are_gin_404_text(String method, String path) {
        createLoaded("cf-1");
        assertGin404(req(method, path).send());
        assertGin404(req(method, path).on(1).send());
    }

    // ------------------------------------------------------------------------------------------ errors

    /**
     * Static error cases: method, path, body (empty = none), status, error_code, error_msg after the code prefix (a
     * regex when it starts with {@code ~}). A changefeed {@code cf-1} exists and is running.
     */
    @ParameterizedTest(name = "[{index}] {0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        GET    | /api/v2/changefeeds/nope                | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        GET    | /api/v2/changefeeds/cf-1?namespace=ns2  | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, ns2/cf-1
        GET    | /api/v2/changefeeds/nope/meta_info      | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        GET    | /api/v2/changefeeds/nope/status         | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        GET    | /api/v2/changefeeds/nope/synced         | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        POST   | /api/v2/changefeeds/nope/pause          | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        POST   | /api/v2/changefeeds/nope/resume         | {} | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        POST   | /api/v2/changefeeds/nope/resume         | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        PUT    | /api/v2/changefeeds/nope                | {} | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        GET    | /api/v2/processors/nope/{owner}         | | 400 | CDC:ErrChangeFeedNotExists | changefeed not exists, default/nope
        GET    | /api/v2/changefeeds/a_b                 | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        GET    | /api/v2/changefeeds/-a                  | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: -a
        GET    | /api/v2/changefeeds/a-                  | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a-
        GET    | /api/v2/changefeeds/a--b                | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a--b
        GET    | /api/v2/changefeeds/a.b                 | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a.b
        PUT    | /api/v2/changefeeds/a_b                 | {} | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        DELETE | /api/v2/changefeeds/a_b                 | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        GET    | /api/v2/changefeeds/a_b/meta_info       | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        POST   | /api/v2/changefeeds/a_b/pause           | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        POST   | /api/v2/changefeeds/a_b/resume          | {} | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        GET    | /api/v2/changefeeds/a_b/status          | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        GET    | /api/v2/changefeeds/a_b/synced          | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        GET    | /api/v2/processors/a_b/{owner}          | | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        POST   | /api/v2/changefeeds | `{"changefeed_id":"a_b","sink_uri":"blackhole://"}` | 400 | CDC:ErrAPIInvalidParam | invalid changefeed_id: a_b
        POST   | /api/v2/changefeeds | `{"changefeed_id":"ok","namespace":"a_b","sink_uri":"blackhole://"}` | 400 | CDC:ErrAPIInvalidParam | invalid namespace: a_b
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-1","sink_uri":"blackhole://"}` | 500 | CDC:ErrChangeFeedAlreadyExists | changefeed already exists, cf-1
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2"}` | 400 | CDC:ErrSinkURIInvalid | sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":""}` | 400 | CDC:ErrSinkURIInvalid | sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'
        POST   | /api/v2/changefeeds | `{"changefeed_id":"a_b","sink_uri":""}` | 400 | CDC:ErrSinkURIInvalid | sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":"blackhole://","start_ts":"450835120160243717"}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .*start_ts.*
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":"blackhole://","start_ts":-1}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .*start_ts.*
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":"blackhole://","target_ts":"1"}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .*target_ts.*
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":"blackhole://","start_ts":1.5}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .*start_ts.*
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":"blackhole://","replica_config":{"sync_point_interval":"abc"}}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .+
        POST   | /api/v2/changefeeds | `{"changefeed_id":"cf-2","sink_uri":"blackhole://","replica_config":{"sync_point_interval":true}}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .+
        POST   | /api/v2/changefeeds | `{` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .+
        POST   | /api/v2/changefeeds | `[]` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .+
        POST   | /api/v2/changefeeds |  | 400 | CDC:ErrAPIInvalidParam | invalid api parameter: EOF
        POST   | /api/v2/changefeeds/cf-1/resume | | 400 | CDC:ErrAPIInvalidParam | invalid api parameter: EOF
        POST   | /api/v2/changefeeds/cf-1/resume | `{"overwrite_checkpoint_ts":"1"}` | 400 | CDC:ErrAPIInvalidParam | ~invalid api parameter: .*overwrite_checkpoint_ts.*
        POST   | /api/v2/tso | | 400 | CDC:ErrAPIInvalidParam | invalid api parameter: EOF
        POST   | /api/v2/tso | `{"id":42}` | 500 | CDC:ErrUpstreamNotFound | upstream not found, cluster-id: 42
        POST   | /api/v2/log | | 400 | CDC:ErrAPIInvalidParam | ~invalid log level: .+
        POST   | /api/v2/log | `{"log_level":"bogus"}` | 400 | CDC:ErrAPIInvalidParam | fail to change log level: bogus
        DELETE | /api/v2/unsafe/service_gc_safepoint | | 400 | CDC:ErrAPIInvalidParam | invalid api parameter: EOF
        POST   | /api/v2/unsafe/resolve_lock | | 400 | CDC:ErrAPIInvalidParam | invalid api parameter: EOF
        POST   | /api/v2/unsafe/resolve_lock | {} | 400 | CDC:ErrAPIInvalidParam | ~.+
        POST   | /api/v2/unsafe/resolve_lock | `{"region_id":1}` | 400 | CDC:ErrAPIInvalidParam | ~.+
        GET    | /api/v2/processors/cf-1/nope | | 400 | CDC:ErrCaptureNotExist | capture not exists, nope
        POST   | /api/v2/captures/nope/drain | | 400 | CDC:ErrCaptureNotExist | capture not exists, nope
        POST   | /api/v2/captures/{owner}/drain | | 400 | CDC:ErrSchedulerRequestFailed | ~.*cannot drain the owner.*
        """)
    void errors_have_the_documented_status_code_and_message(String method, String path, String body, int status,
            String code, String message) {
        createLoaded("cf-1");
        String owner = captureIds().get(0);
        Resp r = req(method, path.replace("{owner}", owner)).body(body).send();
        if (message.startsWith("~")) {
            assertErrorMatching(r, status, code, message.substring(1));
        } else {
            assertError(r, status, code, message);
        }
        SwaggerValidator.published().assertValid(r.json(), "model.HTTPError");
    }

    @Test
    void an_id_longer_than_128_characters_is_invalid() {
        String ok = "a".repeat(128);
        String tooLong = "a".repeat(129);
        assertError(get("/api/v2/changefeeds/" + ok), 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, default/" + ok);
        assertError(get("/api/v2/changefeeds/" + tooLong), 400, "CDC:ErrAPIInvalidParam",
                "invalid changefeed_id: " + tooLong);
    }

    @Test
    void a_start_ts_in_the_future_is_refused() {
        long future = tso(nowMillis() + 3_600_000, 0);
        Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-f\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + future + "}");
        assertErrorMatching(r, 400, "CDC:ErrAPIInvalidParam", "invalid start-ts " + future
                + ", larger than current tso \\d+");
    }

    /**
     * A fresh cluster's GC safepoint is TiDB's, tidb_gc_life_time (10 minutes) behind the clock (tiflow
     * pkg/txnutil/gc/gc_service.go EnsureChangefeedStartTsSafety): a start TSO an hour back is refused.
     */
    @Test
    void a_start_ts_at_or_before_the_gc_safepoint_is_refused_with_the_safepoint_in_the_message() {
        long gc = tso(nowMillis() - Duration.ofMinutes(10).toMillis(), 0);
        for (long start : new long[] {tso(nowMillis() - Duration.ofHours(1).toMillis(), 3), gc}) {
            Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-g\",\"sink_uri\":\"blackhole://\","
                    + "\"start_ts\":" + start + "}");
            assertError(r, 400, "CDC:ErrStartTsBeforeGC", "fail to create or maintain changefeed because start-ts "
                    + start + " is earlier than or equal to GC safepoint at " + gc);
        }
        Resp ok = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-g\",\"sink_uri\":\"blackhole://\","
                + "\"start_ts\":" + (gc + 1) + "}");
        assertEquals(200, ok.status(), ok::toString);
        assertEquals(gc + 1, ok.json().path("start_ts").asLong());
    }

    @ParameterizedTest(name = "target_ts = start_ts {0}")
    @ValueSource(longs = {0, -1, -1_000})
    void a_target_ts_not_after_start_ts_is_refused(long offsetMillis) {
        long start = tso(nowMillis() - 10_000, 5);
        long target = offsetMillis == 0 ? start : tso(nowMillis() - 10_000 + offsetMillis, 5);
        Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-t\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + start + ",\"target_ts\":" + target + "}");
        assertError(r, 400, "CDC:ErrTargetTsBeforeStartTs", "fail to create changefeed because target-ts " + target
                + " is earlier than start-ts " + start);
    }

    @Test
    void resume_checks_the_checkpoint_against_the_current_tso_and_the_gc_safepoint() {
        reach("cf-r", "stopped");
        long future = tso(nowMillis() + 60_000, 0);
        assertErrorMatching(post("/api/v2/changefeeds/cf-r/resume", "{\"overwrite_checkpoint_ts\":" + future + "}"),
                400, "CDC:ErrAPIInvalidParam", "invalid checkpoint-ts " + future + ", larger than current tso \\d+");

        long gc = tso(nowMillis() - Duration.ofMinutes(10).toMillis(), 0);
        long old = tso(nowMillis() - Duration.ofHours(1).toMillis(), 0);
        assertError(post("/api/v2/changefeeds/cf-r/resume", "{\"overwrite_checkpoint_ts\":" + old + "}"), 400,
                "CDC:ErrStartTsBeforeGC", "fail to create or maintain changefeed because start-ts " + old
                        + " is earlier than or equal to GC safepoint at " + gc);
        tick();
        assertEquals("stopped", stateOf("cf-r"), "a refused resume changes nothing");
    }

    @Test
    void drain_with_a_single_capture_is_refused() throws IOException {
        try (Sandbox single = Sandbox.start(Sandbox.Options.defaults().withCaptures(1).withTick(TICK)
                .withClock(clock).withDialect(ServerDialect.CLASSIC))) {
            Resp r = sendTo(single.url(), "POST", "/api/v2/captures/whatever/drain");
            assertErrorMatching(r, 400, "CDC:ErrSchedulerRequestFailed", ".*only one capture alive.*");
        }
    }

    // ------------------------------------------------------------------------------------------ create's asynchrony

    /**
     * The list and GET both ask the owner's changefeeds (tiflow cdc/owner/owner.go handleQueries), so they agree:
     * neither shows a changefeed before the owner has loaded it, both do after.
     */
    @Test
    void create_is_asynchronous_the_owner_loads_the_changefeed_one_tick_later() {
        JsonNode created = create("{\"changefeed_id\":\"cf-a\",\"sink_uri\":\"blackhole://\"}");
        assertEquals("normal", created.path("state").asText());
        long start = created.path("start_ts").asLong();

        assertError(get("/api/v2/changefeeds/cf-a"), 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, default/cf-a");
        for (String list : List.of("/api/v2/changefeeds", "/api/v2/changefeeds?state=all")) {
            assertEquals("{\"total\":0,\"items\":[]}", get(list).body(), "not listed while GET says it does not exist");
        }
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-a\",\"sink_uri\":\"blackhole://\"}"), 500,
                "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, cf-a");

        clock.sleep(TICK);

        Resp loaded = get("/api/v2/changefeeds/cf-a");
        assertEquals(200, loaded.status(), loaded::toString);
        assertEquals("normal", loaded.json().path("state").asText());
        assertEquals(start, loaded.json().path("start_ts").asLong());
        JsonNode after = get("/api/v2/changefeeds").json().path("items").get(0);
        assertEquals("normal", after.path("state").asText());
        assertTrue(after.path("checkpoint_tso").asLong() >= start);
        assertEquals(serverTime(physical(after.path("checkpoint_tso").asLong())), after.path("checkpoint_time").asText());
    }

    // ------------------------------------------------------------------------------------------ masking

    @Test
    void get_masks_the_sink_uri_password_meta_info_does_not_and_config_is_never_masked() {
        String sink = "blackhole://root:secret@127.0.0.1:3306/?sasl-password=s3cret&a=1";
        String masked = "blackhole://root:xxxxx@127.0.0.1:3306/?a=1&sasl-password=xxxxx";
        JsonNode created = create("{\"changefeed_id\":\"cf-m\",\"sink_uri\":\"" + sink + "\",\"replica_config\":"
                + "{\"sink\":{\"kafka_config\":{\"sasl_password\":\"pw-in-config\"}}}}");
        assertEquals(masked, created.path("sink_uri").asText(), "create answers masked");
        tick();

        JsonNode info = info("cf-m");
        assertEquals(masked, info.path("sink_uri").asText(), "GET masks password and sasl-password, sorting the query");
        assertEquals("pw-in-config", info.path("config").path("sink").path("kafka_config").path("sasl_password")
                .asText(), "config is not masked");

        JsonNode meta = get("/api/v2/changefeeds/cf-m/meta_info").json();
        assertEquals(sink, meta.path("sink_uri").asText(), "meta_info is unmasked");
        assertEquals("pw-in-config", meta.path("config").path("sink").path("kafka_config").path("sasl_password")
                .asText());

        assertEquals(200, post("/api/v2/changefeeds/cf-m/pause", null).status());
        tick();
        Resp updated = put("/api/v2/changefeeds/cf-m", "{\"target_ts\":" + V2Route.Fixture.FAR_TARGET + "}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(masked, updated.json().path("sink_uri").asText(), "update answers masked");
        assertEquals(sink, get("/api/v2/changefeeds/cf-m/meta_info").json().path("sink_uri").asText(),
                "the stored URI keeps its password");
    }

    @Test
    void unsafe_metadata_holds_raw_unmasked_values() throws IOException {
        String sink = "blackhole://root:secret@127.0.0.1:3306/";
        create("{\"changefeed_id\":\"cf-m\",\"sink_uri\":\"" + sink + "\"}");
        tick();
        JsonNode kvs = get("/api/v2/unsafe/metadata").json();
        JsonNode info = null;
        for (JsonNode kv : kvs) {
            if (kv.path("key").asText().equals("/tidb/cdc/default/default/changefeed/info/cf-m")) {
                info = JSON.readTree(kv.path("value").asText());
            }
        }
        assertTrue(info != null, kvs::toString);
        assertEquals(sink, info.path("sink-uri").asText(), "raw internal JSON, kebab-case, unmasked");
    }

    // ------------------------------------------------------------------------------------------ tso

    @Test
    void tso_answers_increasing_composed_timestamps_at_the_clocks_millisecond() {
        JsonNode first = post("/api/v2/tso", "{}").json();
        JsonNode second = post("/api/v2/tso", "{}").json();
        assertEquals(nowMillis(), first.path("timestamp").asLong());
        assertEquals(nowMillis(), second.path("timestamp").asLong());
        long a = tso(first.path("timestamp").asLong(), first.path("logic_time").asLong());
        long b = tso(second.path("timestamp").asLong(), second.path("logic_time").asLong());
        assertTrue(b > a, () -> a + " < " + b);
        assertTrue(first.path("logic_time").asLong() < (1L << LOGICAL_BITS));

        clock.sleep(Duration.ofMillis(250));
        JsonNode later = req("POST", "/api/v2/tso").body("{}").on(2).send().json();
        assertEquals(nowMillis(), later.path("timestamp").asLong(), "any capture answers with the same clock");
        assertTrue(tso(later.path("timestamp").asLong(), later.path("logic_time").asLong()) > b);
        assertEquals(200, post("/api/v2/tso", "{\"id\":0,\"pd_addrs\":[]}").status());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Resp sendTo(URI base, String method, String path) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Resp(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertIntegerEquals(long expected, JsonNode value) {
        assertTrue(value.isIntegralNumber(), () -> "expected integer " + expected + ", got " + value);
        assertEquals(expected, value.asLong());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> fieldSet(JsonNode node) {
        return new TreeSet<>(fieldNames(node));
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
