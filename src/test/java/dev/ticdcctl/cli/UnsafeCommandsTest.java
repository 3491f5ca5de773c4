package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code unsafe metadata|resolve-lock|delete-service-gc-safepoint} (tiflow cdc/api/v2/unsafe.go). */
class UnsafeCommandsTest extends StubServerTest {
    private static final String METADATA = "/api/v2/unsafe/metadata";
    private static final String RESOLVE_LOCK = "/api/v2/unsafe/resolve_lock";
    private static final String GC_SAFEPOINT = "/api/v2/unsafe/service_gc_safepoint";
    private static final String CF_KEY = "/tidb/cdc/default/default/changefeed/info/cf-1";
    private static final String CAPTURE_KEY = "/tidb/cdc/default/__cdc_meta__/capture/d2912e63-3349-447c-90ba-72a4e04b5e9e";
    /** An etcd value as TiCDC stores it: raw internal JSON with kebab-case keys and the unmasked sink URI. */
    private static final String CF_VALUE =
            "{\"upstream-id\":7390512345678901234,\"sink-uri\":\"mysql://root:secret@db:3306/\",\"state\":\"normal\"}";
    private static final String CAPTURE_VALUE =
            "{\"id\":\"d2912e63-3349-447c-90ba-72a4e04b5e9e\",\"address\":\"10.0.0.1:8300\",\"version\":\"v8.5.0\"}";


    /** The metadata answer, JSON-encoded as the server does: each value is a string holding raw JSON. */
    private static String metadata(String... keysAndValues) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("key", keysAndValues[i]);
            entry.put("value", keysAndValues[i + 1]);
            entries.add(entry);
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- unsafe metadata

    @Test
    void metadata_off_a_terminal_without_yes_exits_2_and_sends_nothing() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result r = cli.run("unsafe", "metadata");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void metadata_on_a_terminal_asks_first_and_reads_on_yes() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result r = cli.onTerminal(300).stdin("y\n").run("unsafe", "metadata");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Print the raw TiCDC metadata of cluster " + server.url() + "? [y/N] ", r.err(), r::toString);
        assertEquals("GET " + METADATA, server.last("GET", METADATA).toString());
    }

    @Test
    void metadata_declined_exits_7_and_sends_nothing() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result r = cli.onTerminal(300).stdin("n\n").run("unsafe", "metadata");

        assertEquals(7, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void metadata_with_yes_prints_keys_and_values_with_the_sink_password_masked() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result r = cli.run("unsafe", "metadata", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("KEY                                              VALUE\n"
                + CF_KEY + "   {\"upstream-id\":7390512345678901234,\"sink-uri\":\"mysql://root:xxxxx@db:3306/\","
                + "\"state\":\"normal\"}\n", r.out(), r::toString);
        assertFalse(r.out().contains("secret"), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void metadata_leaves_values_without_a_sink_uri_as_they_are() {
        server.on("GET", METADATA, 200, metadata(CAPTURE_KEY, CAPTURE_VALUE, CF_KEY, CF_VALUE));

        Cli.Result r = cli.run("unsafe", "metadata", "--yes", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith(CAPTURE_KEY + "   "), r::toString);
        assertTrue(lines.get(0).endsWith(CAPTURE_VALUE), r::toString);
        assertTrue(lines.get(1).contains("mysql://root:xxxxx@db:3306/"), r::toString);
        assertFalse(r.out().contains("secret"), r::toString);
    }

    @Test
    void metadata_json_is_masked_too_and_keeps_the_values_as_strings() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result r = cli.run("unsafe", "metadata", "--yes", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("[\n  {\n    \"key\": \"" + CF_KEY + "\",\n    \"value\": \"{\\\"upstream-id\\\":7390512345678901234,"
                + "\\\"sink-uri\\\":\\\"mysql://root:xxxxx@db:3306/\\\",\\\"state\\\":\\\"normal\\\"}\"\n  }\n]\n",
                r.out(), r::toString);
        assertFalse(r.out().contains("secret"), r::toString);
    }

    @Test
    void metadata_yaml_and_jq_are_masked_too() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result yaml = cli.run("unsafe", "metadata", "--yes", "-o", "yaml");
        Cli.Result jq = cli.run("unsafe", "metadata", "--yes", "--jq", ".[].value");

        assertEquals(0, yaml.exitCode(), yaml::toString);
        assertFalse(yaml.out().contains("secret"), yaml::toString);
        assertTrue(yaml.out().contains("xxxxx"), yaml::toString);
        assertEquals(0, jq.exitCode(), jq::toString);
        assertEquals(CF_VALUE.replace("secret", "xxxxx") + "\n", jq.out(), jq::toString);
    }

    @Test
    void metadata_show_secrets_prints_the_values_as_stored() {
        server.on("GET", METADATA, 200, metadata(CF_KEY, CF_VALUE));

        Cli.Result r = cli.run("unsafe", "metadata", "--yes", "--show-secrets", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(CF_KEY + "   " + CF_VALUE + "\n", r.out(), r::toString);
    }

    @Test
    void metadata_masks_secret_query_parameters_of_the_sink_uri() {
        String value = "{\"sink-uri\":\"kafka://k:9092/t?sasl-password=hunter2&protocol=canal-json\"}";
        server.on("GET", METADATA, 200, metadata(CF_KEY, value));

        Cli.Result r = cli.run("unsafe", "metadata", "--yes", "--jq", ".[].value");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"sink-uri\":\"kafka://k:9092/t?sasl-password=xxxxx&protocol=canal-json\"}\n", r.out(),
                r::toString);
    }

    /**
     * TiCDC stores its etcd values with Go's {@code json.Marshal}, which escapes {@code &} as {@code \\u0026}
     * (HTML-safe encoding), so a stored sink URI reads {@code ...?protocol=canal-json\\u0026sasl-password=...}.
     */
    @Test
    void metadata_masks_secret_parameters_that_go_escaped_as_u0026() {
        String value = "{\"sink-uri\":\"kafka://k:9092/t?protocol=canal-json\\u0026sasl-password=hunter2\","
                + "\"state\":\"normal\"}";
        server.on("GET", METADATA, 200, metadata(CF_KEY, value));

        Cli.Result table = cli.run("unsafe", "metadata", "--yes");
        Cli.Result json = cli.run("unsafe", "metadata", "--yes", "-o", "json");

        assertEquals(0, table.exitCode(), table::toString);
        assertFalse(table.out().contains("hunter2"), table::toString);
        assertFalse(json.out().contains("hunter2"), json::toString);
    }

    @Test
    void metadata_masks_secrets_in_the_stored_config_but_keeps_file_paths() {
        String value = "{\"sink-uri\":\"kafka://k:9092/t\",\"config\":{\"sink\":{\"kafka-config\":"
                + "{\"sasl-password\":\"hunter2\",\"sasl-user\":\"u\",\"key\":\"/etc/tls/client.key\"}}}}";
        server.on("GET", METADATA, 200, metadata(CF_KEY, value));

        Cli.Result r = cli.run("unsafe", "metadata", "--yes", "--jq", ".[0].value");

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.out().contains("hunter2"), r::toString);
        assertTrue(r.out().contains("\"sasl-password\":\"xxxxx\""), r::toString);
        assertTrue(r.out().contains("\"key\":\"/etc/tls/client.key\""), r::toString);
    }

    // ---- unsafe resolve-lock

    @Test
    void resolve_lock_with_region_and_ts_sends_both() {
        server.on("POST", RESOLVE_LOCK, 200, "{}");

        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", "7", "--ts", "450835120160243717", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("resolved the locks of region 7 older than TSO 450835120160243717\n", r.out(), r::toString);
        assertEquals("{\"region_id\":7,\"ts\":450835120160243717}", server.last("POST", RESOLVE_LOCK).body());
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void resolve_lock_without_ts_uses_the_current_tso_minus_one_minute() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", RESOLVE_LOCK, 200, "{}");

        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", "7", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        long expected = (1719799500123L - 60_000L) << 18;
        assertEquals(450835104431603712L, expected);
        assertEquals(List.of("POST /api/v2/tso {}", "POST " + RESOLVE_LOCK + " {\"region_id\":7,\"ts\":" + expected + "}"),
                server.requests().stream().map(StubServer.Request::toString).toList());
        assertEquals("resolved the locks of region 7 older than TSO " + expected + "\n", r.out(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void resolve_lock_of_a_region_that_is_not_positive_exits_2_and_sends_nothing(String region) {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", RESOLVE_LOCK, 200, "{}");

        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", region, "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: invalid --region " + region + ": a region ID is a positive integer\n", r.err(),
                r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void resolve_lock_with_ts_0_exits_2_and_sends_nothing() {
        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", "7", "--ts", "0", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: Invalid value for option '--ts': a TSO must be positive\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void resolve_lock_without_region_is_a_usage_error() {
        Cli.Result r = cli.run("unsafe", "resolve-lock", "--ts", "450835120160243717", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: Missing required option: '--region=ID'"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void resolve_lock_off_a_terminal_without_yes_exits_2_before_asking_for_a_tso() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", RESOLVE_LOCK, 200, "{}");

        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", "7");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void resolve_lock_on_a_terminal_names_the_tso_and_its_time_and_declining_resolves_nothing() {
        server.on("POST", RESOLVE_LOCK, 200, "{}");

        Cli.Result r = cli.onTerminal(120).stdin("n\n").run("unsafe", "resolve-lock", "--region", "7", "--ts",
                String.valueOf(Fixtures.CHECKPOINT_TSO));

        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Resolve the locks of region 7 older than TSO 450835120160243717"
                + " (2024-07-01T02:05:00.123Z) in cluster " + server.url() + "? [y/N] "), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void resolve_lock_rejected_by_the_server_exits_1() {
        server.onError("POST", RESOLVE_LOCK, 500, "CDC:ErrInternalServerError", "internal server error: region not found");

        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", "7", "--ts", "450835120160243717", "--yes");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: internal server error: region not found (CDC:ErrInternalServerError)\n", r.err(),
                r::toString);
    }

    // ---- unsafe delete-service-gc-safepoint

    @Test
    void delete_service_gc_safepoint_with_yes_sends_delete_with_an_empty_object() {
        server.on("DELETE", GC_SAFEPOINT, 200, "{}");

        Cli.Result r = cli.run("unsafe", "delete-service-gc-safepoint", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("deleted the TiCDC service GC safepoint\n", r.out(), r::toString);
        StubServer.Request sent = server.last("DELETE", GC_SAFEPOINT);
        assertEquals("{}", sent.body());
        assertEquals("application/json", sent.header("Content-Type"));
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void delete_service_gc_safepoint_off_a_terminal_without_yes_exits_2_and_sends_nothing() {
        server.on("DELETE", GC_SAFEPOINT, 200, "{}");

        Cli.Result r = cli.run("unsafe", "delete-service-gc-safepoint");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void delete_service_gc_safepoint_declined_exits_7_and_sends_nothing() {
        server.on("DELETE", GC_SAFEPOINT, 200, "{}");

        Cli.Result r = cli.onTerminal(120).stdin("no\n").run("unsafe", "delete-service-gc-safepoint");

        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("Error: the service GC safepoint was not deleted\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void delete_service_gc_safepoint_failing_in_pd_exits_1() {
        server.onError("DELETE", GC_SAFEPOINT, 500, "CDC:ErrInternalServerError", "internal server error: pd down");

        Cli.Result r = cli.run("unsafe", "delete-service-gc-safepoint", "--yes");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: internal server error: pd down (CDC:ErrInternalServerError)\n", r.err(), r::toString);
    }
}
