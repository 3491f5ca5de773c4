package dev.ticdcctl.sandbox;

import static dev.ticdcctl.sandbox.SandboxContractTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-route behaviour of tiflow's cdc/api/v2 handlers beyond status codes: request decoding, create's defaults and
 * validation order, namespaces, pruning by sink kind, synced, drain, log level, and routes that must not care about
 * credentials when authentication is off.
 */
class RouteBehaviourTest extends ContractSupport {

    // ---------------------------------------------------------------- request decoding: gin BindJSON, Go encoding/json

    @Test
    void request_bodies_are_decoded_as_go_does() {
        Resp r = req("POST", "/api/v2/changefeeds").header("Content-Type", "text/plain; nonsense")
                .body("{\"Changefeed_ID\":\"cf-ci\",\"SINK_URI\":\"blackhole://\",\"no_such_field\":[1,{}]}").send();
        assertEquals(200, r.status(), () -> "keys match case-insensitively, unknown fields are ignored and the "
                + "Content-Type is not checked (gin BindJSON): " + r);
        assertEquals("cf-ci", r.json().path("id").asText());
    }

    @Test
    void credentials_are_ignored_when_authentication_is_not_configured() {
        for (String header : List.of("Basic Og==", basic("bob", "x"), "Bearer nonsense")) {
            Resp r = req("POST", "/api/v2/changefeeds").header("Authorization", header)
                    .body("{\"sink_uri\":\"blackhole://\"}").send();
            assertEquals(200, r.status(),
                    () -> "every route is open without client-user-required (AuthenticateMiddleware): " + r);
        }
        assertEquals(200, req("GET", "/api/v2/unsafe/metadata").send().status());
    }

    // --------------------------------------------------------------- create: cdc/api/v2/changefeed.go createChangefeed

    @Test
    void an_empty_changefeed_id_gets_a_generated_uuid() {
        JsonNode created = create("{\"sink_uri\":\"blackhole://\",\"changefeed_id\":\"\"}");
        String id = created.path("id").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        tick();
        assertEquals("normal", stateOf(id));
    }

    @Test
    void a_partial_replica_config_is_deep_merged_with_the_defaults() {
        JsonNode config = create("{\"changefeed_id\":\"cf-m\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + "{\"case_sensitive\":true,\"filter\":{\"rules\":[\"db.*\"]},\"sink\":{\"terminator\":\"\\n\"}}}")
                .path("config");
        assertTrue(config.path("case_sensitive").asBoolean());
        assertTrue(config.path("check_gc_safe_point").asBoolean(), "omitted scalars keep their defaults on create");
        assertEquals(1_073_741_824L, config.path("memory_quota").asLong());
        assertEquals(JSON.createArrayNode().add("db.*"), config.path("filter").path("rules"), "arrays replace");
        assertEquals("\n", config.path("sink").path("terminator").asText());
        assertEquals(",", config.path("sink").path("csv").path("delimiter").asText(), "objects merge");
        assertEquals(16, config.path("mounter").path("worker_num").asInt());
        assertEquals(300, config.path("synced_status").path("synced_check_interval").asInt());
    }

    @Test
    void ineligible_tables_refuse_a_create_unless_forced_or_ignored() {
        inject("/sandbox/ineligible-tables", "{\"tables\":[\"test.no_pk\"]}");

        Resp refused = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-i\",\"sink_uri\":\"blackhole://\"}");
        assertErrorMatching(refused, 400, "CDC:ErrTableIneligible", "some tables are not eligible to replicate\\(.*"
                + "test.*no_pk.*\\), if you want to ignore these tables, please set ignore_ineligible_table to true");

        for (String flag : List.of("force_replicate", "ignore_ineligible_table")) {
            Resp ok = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-" + flag.length() + "\",\"sink_uri\":"
                    + "\"blackhole://\",\"replica_config\":{\"" + flag + "\":true}}");
            assertEquals(200, ok.status(), ok::toString);
        }

        JsonNode tables = post("/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + tso(nowMillis(), 0) + "}").json();
        assertEquals(List.of("no_pk"), texts(tables.path("ineligible_tables"), "table_name"));
        assertEquals(List.of("test"), texts(tables.path("ineligible_tables"), "database_name"));
    }

    @Test
    void sink_uri_errors_never_show_the_password() {
        Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-s\",\"sink_uri\":\"mysql://root:secret@[::1\"}");
        assertErrorMatching(r, 400, "CDC:ErrSinkURIInvalid", "sink uri invalid .*");
        assertFalse(r.body().contains("secret"), r::body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "foo://127.0.0.1/|400|CDC:ErrSinkURIInvalid|.*the sink scheme \\(foo\\) is not supported.*",
        "mysql://root@127.0.0.1:3306/?protocol=canal-json|400|CDC:ErrSinkURIInvalid"
                + "|.*protocol canal-json is incompatible with mysql scheme.*",
        "mysql://root@db.invalid:3306/|400|CDC:ErrMySQLConnectionError|.+",
    })
    void sink_uris_are_validated_and_the_sink_opened(String row) {
        String[] cols = row.split("\\|");
        Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-s\",\"sink_uri\":\"" + cols[0] + "\"}");
        assertErrorMatching(r, Integer.parseInt(cols[1]), cols[2], cols[3]);
        assertEquals(0, get("/api/v2/changefeeds?state=all").json().path("total").asInt());
    }

    @Test
    void create_validates_in_the_documented_order() {
        createLoaded("cf-1");
        long future = tso(nowMillis() + 3_600_000, 0);
        long old = tso(nowMillis() - Duration.ofHours(30).toMillis(), 0);
        // step 6 (exists) before step 8 (start_ts)
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\","
                + "\"start_ts\":" + future + "}"), 500, "CDC:ErrChangeFeedAlreadyExists",
                "changefeed already exists, cf-1");
        // step 8 (start_ts vs TSO) before step 10 (target_ts)
        assertErrorMatching(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\","
                + "\"start_ts\":" + future + ",\"target_ts\":1}"), 400, "CDC:ErrAPIInvalidParam",
                "invalid start-ts " + future + ", larger than current tso \\d+");
        // step 9 (GC) before step 10 (target_ts)
        assertErrorMatching(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"blackhole://\","
                + "\"start_ts\":" + old + ",\"target_ts\":1}"), 400, "CDC:ErrStartTsBeforeGC", ".+");
        // step 10 (target_ts) before step 11 (sink URI)
        long start = tso(nowMillis() - 1_000, 0);
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"foo://x\",\"start_ts\":"
                + start + ",\"target_ts\":" + start + "}"), 400, "CDC:ErrTargetTsBeforeStartTs",
                "fail to create changefeed because target-ts " + start + " is earlier than start-ts " + start);
    }

    // ----------------------------------------------- namespaces: cdc/api/v2/changefeed.go getNamespaceValueWithDefault

    @Test
    void namespaces_separate_changefeeds_and_are_not_validated_on_reads() {
        createLoaded("cf-1");
        Resp other = post("/api/v2/changefeeds", "{\"namespace\":\"ns2\",\"changefeed_id\":\"cf-1\","
                + "\"sink_uri\":\"blackhole://\"}");
        assertEquals(200, other.status(), other::toString);
        assertEquals("ns2", other.json().path("namespace").asText());
        tick();

        assertEquals(List.of("cf-1"), texts(get("/api/v2/changefeeds?namespace=ns2").json().path("items"), "id"));
        assertEquals("ns2", get("/api/v2/changefeeds?namespace=ns2").json().path("items").get(0).path("namespace")
                .asText());
        assertEquals("ns2", get("/api/v2/changefeeds/cf-1?namespace=ns2").json().path("namespace").asText());
        assertEquals("default", get("/api/v2/changefeeds/cf-1?namespace=").json().path("namespace").asText(),
                "empty namespace = default");
        assertError(get("/api/v2/changefeeds/cf-1?namespace=a_b"), 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, a_b/cf-1");
        assertEquals(0, get("/api/v2/changefeeds?namespace=a_b").json().path("total").asInt());

        assertEmptyOk(post("/api/v2/changefeeds/cf-1/pause?namespace=ns2", null));
        tick();
        assertEquals("stopped", get("/api/v2/changefeeds/cf-1?namespace=ns2").json().path("state").asText());
        assertEquals("normal", stateOf("cf-1"), "the default namespace's cf-1 is another changefeed");

        JsonNode processors = get("/api/v2/processors").json().path("items");
        assertTrue(texts(processors, "namespace").stream().allMatch("default"::equals), "ns2/cf-1 is stopped");
        assertEmptyOk(post("/api/v2/changefeeds/cf-1/resume?namespace=ns2", "{}"));
        tick();
        JsonNode after = get("/api/v2/processors").json().path("items");
        assertTrue(texts(after, "namespace").contains("ns2"), () -> "processors of all namespaces: " + after);
    }

    // -------------------------------------------------- pruning: cdc/model/changefeed.go ChangeFeedInfo.RmUnusedFields

    @Test
    void get_prunes_the_config_by_sink_kind_and_blackhole_keeps_everything() {
        create("{\"changefeed_id\":\"cf-mysql\",\"sink_uri\":\"mysql://root@127.0.0.1:3306/\"}");
        create("{\"changefeed_id\":\"cf-kafka\",\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=canal-json\"}");
        create("{\"changefeed_id\":\"cf-s3\",\"sink_uri\":\"s3://bucket/prefix?protocol=csv\"}");
        create("{\"changefeed_id\":\"cf-bh\",\"sink_uri\":\"blackhole://\"}");
        tick();

        JsonNode mysql = info("cf-mysql").path("config");
        assertHas(mysql, true, "sync_point_interval", "sync_point_retention", "consistent");
        assertHas(mysql.path("sink"), false, "protocol", "terminator", "csv", "date_separator",
                "enable_partition_separator", "encoder_concurrency", "enable_kafka_sink_v2",
                "only_output_updated_columns", "delete_only_output_handle_key_columns", "content_compatible");

        JsonNode kafka = info("cf-kafka").path("config");
        assertHas(kafka, false, "enable_sync_point", "bdr_mode", "sync_point_interval", "sync_point_retention",
                "consistent");
        assertHas(kafka.path("sink"), false, "csv", "date_separator", "enable_partition_separator", "safe_mode",
                "mysql_config");
        assertHas(kafka.path("sink"), true, "encoder_concurrency", "terminator");
        assertEquals("canal-json", kafka.path("sink").path("protocol").asText(),
                "the URI's protocol wins (SinkConfig.validateAndAdjustSinkURI)");

        JsonNode s3 = info("cf-s3").path("config");
        assertHas(s3, false, "sync_point_interval", "consistent");
        assertHas(s3.path("sink"), true, "csv", "date_separator", "enable_partition_separator");
        assertHas(s3.path("sink"), false, "encoder_concurrency", "enable_kafka_sink_v2", "kafka_config");

        JsonNode blackhole = info("cf-bh").path("config");
        assertHas(blackhole, true, "sync_point_interval", "sync_point_retention", "consistent",
                "changefeed_error_stuck_duration");
        assertHas(blackhole.path("sink"), true, "csv", "terminator", "encoder_concurrency", "date_separator",
                "enable_kafka_sink_v2");
        assertEquals(get("/api/v2/changefeeds/cf-bh/meta_info").json().path("config"), blackhole,
                "meta_info shows the same config");
    }

    /** Present = a non-null value; pruned = absent, or null for the fields that are not omitempty in the API model. */
    private static void assertHas(JsonNode object, boolean present, String... keys) {
        for (String key : keys) {
            assertEquals(present, object.hasNonNull(key), () -> (present ? "expected " : "unexpected ") + key
                    + " in " + object);
        }
    }

    // ------------------------------------------------------------------------- synced: cdc/api/v2/changefeed.go synced

    @Test
    void synced_tells_whether_the_changefeed_is_quiet_and_caught_up() {
        createLoaded("cf-s");
        JsonNode fresh = get("/api/v2/changefeeds/cf-s/synced").json();
        assertFalse(fresh.path("synced").asBoolean());
        assertEquals("The data syncing is not finished, please wait", fresh.path("info").asText());
        long checkpoint = info("cf-s").path("checkpoint_ts").asLong();
        assertEquals(serverTime(physical(checkpoint)), fresh.path("sink_checkpoint_ts").asText());
        assertEquals(serverTime(nowMillis() / 1000 * 1000), fresh.path("now_ts").asText());

        Resp custom = req("GET", "/api/v2/changefeeds/cf-s/synced").body("{\"replica_config\":{\"synced_status\":"
                + "{\"synced_check_interval\":0}}}").send();
        assertEquals(200, custom.status(), custom::toString);

        clock.sleep(Duration.ofSeconds(301));
        JsonNode quiet = get("/api/v2/changefeeds/cf-s/synced").json();
        assertTrue(quiet.path("synced").asBoolean(), quiet::toString);
        assertEquals("Data syncing is finished", quiet.path("info").asText());

        post("/api/v2/changefeeds/cf-s/pause", null);
        clock.sleep(Duration.ofSeconds(60));
        JsonNode lagging = get("/api/v2/changefeeds/cf-s/synced").json();
        assertFalse(lagging.path("synced").asBoolean());
        assertTrue(lagging.path("info").asText().contains("PD"), () -> "the PD/TiKV hint (synced): " + lagging);
    }

    @Test
    void synced_takes_its_intervals_from_an_optional_body() {
        createLoaded("cf-s");
        clock.sleep(Duration.ofSeconds(20));
        assertFalse(get("/api/v2/changefeeds/cf-s/synced").json().path("synced").asBoolean(), "default 300 s");

        Resp r = req("GET", "/api/v2/changefeeds/cf-s/synced").body("{\"replica_config\":{\"synced_status\":"
                + "{\"synced_check_interval\":10,\"checkpoint_interval\":15}}}").send();
        assertTrue(r.json().path("synced").asBoolean(), r::toString);
    }

    // ----------------------------------------------------------------------- drain: cdc/api/v2/capture.go drainCapture

    @Test
    void drain_reports_the_tables_left_until_the_capture_is_empty() {
        createLoaded("cf-d");
        String drained = captureIds().get(1); // round-robin placement always gives the second capture a table

        Resp first = post("/api/v2/captures/" + drained + "/drain", null);
        assertEquals(202, first.status(), first::toString);
        int left = first.json().path("current_table_count").asInt();
        assertTrue(left >= 1, first::body);
        for (int i = 0; i < 20 && left > 0; i++) {
            tick();
            int now = post("/api/v2/captures/" + drained + "/drain", null).json().path("current_table_count").asInt();
            assertTrue(now <= left, "the count never grows");
            left = now;
        }
        assertEquals(0, left, "call repeatedly until 0 (drainCapture)");
    }

    @Test
    void drain_counts_an_uninitialized_changefeed_as_one_table() {
        create("{\"changefeed_id\":\"cf-young\",\"sink_uri\":\"blackhole://\"}");
        Resp r = post("/api/v2/captures/" + captureIds().get(1) + "/drain", null);
        assertEquals(202, r.status(), r::toString);
        assertEquals(1, r.json().path("current_table_count").asInt(), r::body);
    }

    // ------------------------------------------------------------------------ log level: cdc/api/v2/log.go setLogLevel

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"log_level\":\"debug\"}", "{\"log_level\":\"info\"}", "{\"log_level\":\"warn\"}",
        "{\"log_level\":\"error\"}", "{\"log_level\":\"dpanic\"}", "{\"log_level\":\"panic\"}",
        "{\"log_level\":\"fatal\"}", "{\"log_level\":\"DEBUG\"}", "{\"log_level\":\"Warn\"}", "{}"})
    void log_accepts_zap_levels_case_insensitively(String body) {
        for (int node = 0; node < urls.size(); node++) {
            assertEmptyOk(req("POST", "/api/v2/log").body(body).on(node).send());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trace", "warning", "off"})
    void log_refuses_other_levels(String level) {
        assertError(post("/api/v2/log", "{\"log_level\":\"" + level + "\"}"), 400, "CDC:ErrAPIInvalidParam",
                "fail to change log level: " + level);
    }

    // --------------------------------------------------------------------------------- tso: cdc/api/v2/tso.go QueryTso

    @Test
    void tso_from_an_unreachable_pd_is_an_internal_error() {
        Resp r = post("/api/v2/tso", "{\"pd_addrs\":[\"http://pd.invalid:2379\"]}");
        assertErrorMatching(r, 500, "CDC:ErrInternalServerError", ".+");
    }
}
