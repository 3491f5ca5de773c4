package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the classic server's words and details are gin's and Go's rather than TiCDC's own: request bodies decoded by
 * Go's Decoder, gin's trailing-slash redirects and panic recovery, uint64 TSOs, nanosecond times; and the same-config
 * update and the processor detail as tiflow cdc/api/v2 answers them.
 */
class ClassicWireContractTest extends ContractSupport {

    // ------------------------------------------------------------------------------------------ Go's decoder

    @ParameterizedTest(name = "[{index}] {0} {1} ''{2}''")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        POST | /api/v2/changefeeds | {x                  | invalid api parameter: invalid character 'x' looking for beginning of object key string
        POST | /api/v2/changefeeds | ~{"sink_uri":"a"~    | invalid api parameter: unexpected EOF
        POST | /api/v2/changefeeds | ~{"sink_uri" 1}~     | invalid api parameter: invalid character '1' after object key
        POST | /api/v2/changefeeds | ~{"a":1 "b":2}~      | invalid api parameter: invalid character '"' after object key:value pair
        POST | /api/v2/changefeeds | ~{"a":[1,]}~         | invalid api parameter: invalid character ']' looking for beginning of value
        POST | /api/v2/changefeeds | ~{"a":tru}~          | invalid api parameter: invalid character '}' in literal true (expecting 'e')
        POST | /api/v2/changefeeds | ~{"a":01}~           | invalid api parameter: invalid character '1' after object key:value pair
        POST | /api/v2/changefeeds | ~{"a":1.}~           | invalid api parameter: invalid character '}' after decimal point in numeric literal
        POST | /api/v2/changefeeds | ~{"a":"\\q"}~        | invalid api parameter: invalid character 'q' in string escape code
        POST | /api/v2/changefeeds | ~{'a':1}~            | invalid api parameter: invalid character '\\'' looking for beginning of object key string
        POST | /api/v2/changefeeds | []                   | invalid api parameter: json: cannot unmarshal array into Go value of type v2.ChangefeedConfig
        POST | /api/v2/changefeeds | 42                   | invalid api parameter: json: cannot unmarshal number into Go value of type v2.ChangefeedConfig
        POST | /api/v2/changefeeds | ~   ~                | invalid api parameter: EOF
        POST | /api/v2/changefeeds/cf-1/resume | ~"x"~  | invalid api parameter: json: cannot unmarshal string into Go value of type v2.ResumeChangefeedConfig
        POST | /api/v2/tso         | {,                   | invalid api parameter: invalid character ',' looking for beginning of object key string
        POST | /api/v2/log         | {x                   | invalid log level: invalid character 'x' looking for beginning of object key string
        POST | /api/v2/log         | true                 | invalid log level: json: cannot unmarshal bool into Go value of type v2.LogLevelReq
        """)
    void malformed_bodies_answer_with_gos_decoder_text(String method, String path, String body, String message) {
        createLoaded("cf-1");
        assertError(req(method, path).body(body.replace("\\\\", "\\")).send(), 400, "CDC:ErrAPIInvalidParam",
                message.replace("\\\\", "\\"));
    }

    @Test
    void the_decoder_reads_only_the_first_value_and_null_binds_as_the_handler_binds_it() {
        Resp trailing = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-t\",\"sink_uri\":\"blackhole://\"} x");
        assertEquals(200, trailing.status(), () -> "what follows the first value is never read: " + trailing);

        // createChangefeed binds into &cfg: null nils the pointer and gin's validator panics; recovery answers 500.
        Resp created = post("/api/v2/changefeeds", "null");
        assertEquals(500, created.status(), created::toString);
        assertEquals("", created.body());
        assertEquals("", created.contentType(), "gin's recovery writes no body and no content type");

        // updateChangefeed binds into the struct itself: null changes nothing, as {} would.
        reach("cf-u", "stopped");
        assertError(put("/api/v2/changefeeds/cf-u", "null"), 400, "CDC:ErrChangefeedUpdateRefused",
                "changefeed update error: changefeed config is the same with the old one, do nothing");
    }

    // ------------------------------------------------------------------------------------------ tiflow's words

    @Test
    void resolve_lock_and_a_request_forwarded_too_often_answer_with_tiflows_messages() {
        assertError(post("/api/v2/unsafe/resolve_lock", "{\"region_id\":7}"), 400, "CDC:ErrAPIInvalidParam",
                "invalid resolve_lock request: region_id and ts must be non-zero");
        Resp forwarded = req("GET", "/api/v2/changefeeds").on(1).header("TiCDC-ForwardTimes", "3").send();
        assertError(forwarded, 500, "ErrRequestForwardErr",
                "request forward error, an request can only forward to owner one time");
    }

    // ------------------------------------------------------------------------------------------ gin

    @Test
    void a_trailing_slash_is_redirected_301_for_get_and_307_otherwise() {
        createLoaded("cf-1");
        Resp list = get("/api/v2/changefeeds/?state=all&namespace=default");
        assertEquals(301, list.status(), list::toString);
        assertEquals("/api/v2/changefeeds?state=all&namespace=default", list.raw().headers().firstValue("Location")
                .orElseThrow());
        assertEquals("text/html; charset=utf-8", list.contentType());
        assertEquals("<a href=\"/api/v2/changefeeds?state=all&amp;namespace=default\">Moved Permanently</a>.\n\n",
                list.body());
        Resp one = req("GET", "/api/v2/changefeeds/cf-1/").on(1).send();
        assertEquals(301, one.status(), one::toString);
        assertEquals("/api/v2/changefeeds/cf-1", one.raw().headers().firstValue("Location").orElseThrow());

        Resp pause = post("/api/v2/changefeeds/cf-1/pause/", null);
        assertEquals(307, pause.status(), pause::toString);
        assertEquals("/api/v2/changefeeds/cf-1/pause", pause.raw().headers().firstValue("Location").orElseThrow());
        assertEquals("", pause.body());
        tick();
        assertEquals("normal", stateOf("cf-1"), "a redirect does not act");

        assertGin404(get("/api/v2/nope/"));
        assertGin404(req("PATCH", "/api/v2/changefeeds/").send());
    }

    @Test
    void a_null_replica_config_panics_after_the_checks_before_it() {
        createLoaded("cf-1");
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":null}"), 500, "CDC:ErrChangeFeedAlreadyExists",
                "changefeed already exists, cf-1");
        Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-n\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":null}");
        assertEquals(500, r.status(), r::toString);
        assertEquals("", r.body());
        Resp verify = post("/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\",\"replica_config\":null}");
        assertEquals(500, verify.status(), verify::toString);
        assertEquals("", verify.body());
        // updateChangefeed checks for nil and keeps the old config
        reach("cf-u", "stopped");
        assertError(put("/api/v2/changefeeds/cf-u", "{\"replica_config\":null}"), 400,
                "CDC:ErrChangefeedUpdateRefused",
                "changefeed update error: changefeed config is the same with the old one, do nothing");
    }

    // ------------------------------------------------------------------------------------------ values

    @Test
    void tsos_are_uint64_a_start_ts_past_2_pow_63_is_later_than_now() {
        String tooLate = "9223372036854775808";
        Resp r = post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-s\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                + tooLate + "}");
        assertErrorMatching(r, 400, "CDC:ErrAPIInvalidParam", "invalid start-ts " + tooLate
                + ", larger than current tso \\d+");

        String farTarget = "18446744073709551615";
        JsonNode created = create("{\"changefeed_id\":\"cf-t\",\"sink_uri\":\"blackhole://\",\"target_ts\":" + farTarget
                + "}");
        assertEquals(farTarget, created.path("target_ts").asText(), "printed unsigned");
        tick();
        assertEquals(farTarget, info("cf-t").path("target_ts").bigIntegerValue().toString());
        assertEquals("normal", stateOf("cf-t"));
    }

    @Test
    void create_time_and_error_times_carry_nanoseconds() {
        clock.sleep(Duration.ofNanos(456_789));
        Instant createdAt = clock.instant();
        JsonNode created = create("{\"changefeed_id\":\"cf-n\",\"sink_uri\":\"blackhole://\"}");
        assertEquals(goTime(createdAt), created.path("create_time").asText());
        assertTrue(created.path("create_time").asText().contains(".123456789+08:00"), created::toString);
        tick();
        assertEquals(goTime(createdAt), info("cf-n").path("create_time").asText());

        clock.sleep(Duration.ofNanos(1_000_111));
        Instant failedAt = clock.instant();
        inject("/sandbox/changefeeds/cf-n/fault", "{\"state\":\"failed\",\"code\":\"CDC:ErrSinkURIInvalid\","
                + "\"message\":\"bad sink\"}");
        String time = get("/api/v2/changefeeds/cf-n/status").json().path("last_error").path("time").asText();
        assertEquals(goTime(failedAt), time);
        assertEquals(goTime(failedAt), get("/api/v2/changefeeds").json().path("items").get(0).path("error")
                .path("time").asText());
    }

    private static String goTime(Instant t) {
        ZonedDateTime local = t.atZone(ZONE);
        String fraction = String.format("%09d", local.getNano()).replaceAll("0+$", "");
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(local)
                + (fraction.isEmpty() ? "" : "." + fraction) + "+08:00";
    }

    // ------------------------------------------------------------------------------------------ same config

    @Test
    void putting_back_the_config_get_returned_is_the_same_config_for_a_mysql_sink() {
        create("{\"changefeed_id\":\"cf-m\",\"sink_uri\":\"mysql://root@db.example:3306/\"}");
        tick();
        assertEquals(200, post("/api/v2/changefeeds/cf-m/pause", null).status());
        tick();
        JsonNode config = info("cf-m").path("config");
        assertTrue(config.path("sink").has("content_compatible") && config.path("sink").path("content_compatible")
                .isNull(), () -> "GET shows the pruned MQ-only flags as null: " + config);

        assertError(put("/api/v2/changefeeds/cf-m", "{\"replica_config\":" + config + "}"), 400,
                "CDC:ErrChangefeedUpdateRefused",
                "changefeed update error: changefeed config is the same with the old one, do nothing");
        ObjectNode changed = config.deepCopy();
        changed.put("force_replicate", true);
        Resp updated = put("/api/v2/changefeeds/cf-m", "{\"replica_config\":" + changed + "}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(true, info("cf-m").path("config").path("force_replicate").asBoolean());
    }

    @Test
    void an_mq_sinks_config_put_back_gets_the_database_sections_back_which_tiflow_counts_as_a_change() {
        create("{\"changefeed_id\":\"cf-k\",\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=canal-json\"}");
        tick();
        post("/api/v2/changefeeds/cf-k/pause", null);
        tick();
        JsonNode config = info("cf-k").path("config");
        assertFalse(config.has("consistent"), config::toString);
        Resp r = put("/api/v2/changefeeds/cf-k", "{\"replica_config\":" + config + "}");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().path("config").has("consistent"), "ToInternalReplicaConfig starts from the defaults");
    }

    @Test
    void an_update_whose_protocol_contradicts_the_sink_uri_is_refused_unless_the_uri_changes_it() {
        String kafka = "kafka://127.0.0.1:9092/t?protocol=canal-json";
        create("{\"changefeed_id\":\"cf-k\",\"sink_uri\":\"" + kafka + "\"}");
        tick();
        post("/api/v2/changefeeds/cf-k/pause", null);
        tick();
        String openProtocol = "{\"sink\":{\"protocol\":\"open-protocol\"}}";
        assertError(put("/api/v2/changefeeds/cf-k", "{\"replica_config\":" + openProtocol + "}"), 400,
                "CDC:ErrChangefeedUpdateRefused", "changefeed update error: [CDC:ErrIncompatibleSinkConfig]incompatible"
                        + " configuration in sink uri(protocol=canal-json) and config file(protocol=open-protocol),"
                        + " please try to update the configuration only through sink uri");
        Resp viaUri = put("/api/v2/changefeeds/cf-k", "{\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=simple\","
                + "\"replica_config\":" + openProtocol + "}");
        assertEquals(200, viaUri.status(), viaUri::toString);
        assertEquals("simple", viaUri.json().path("config").path("sink").path("protocol").asText(), "the URI wins");
    }

    // ------------------------------------------------------------------------------------------ processors

    @Test
    void a_capture_with_other_processors_but_none_of_this_changefeed_answers_null_tables() {
        createLoaded("big"); // two tables: two of the three captures
        List<String> captures = captureIds();
        List<String> hosting = processorCaptures("big");
        String idle = captures.stream().filter(c -> !hosting.contains(c)).findFirst().orElseThrow();
        assertError(get("/api/v2/processors/big/" + idle), 400, "CDC:ErrCaptureNotExist", "capture not exists, "
                + idle);

        createLoaded("cf-1"); // four tables: every capture
        assertTrue(processorCaptures("cf-1").contains(idle));
        Resp r = get("/api/v2/processors/big/" + idle);
        assertEquals(200, r.status(), r::toString);
        assertEquals("{\"table_ids\":null}", r.body());
    }

    private List<String> processorCaptures(String changefeed) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : get("/api/v2/processors").json().path("items")) {
            if (item.path("changefeed_id").asText().equals(changefeed)) {
                ids.add(item.path("capture_id").asText());
            }
        }
        return ids;
    }
}
