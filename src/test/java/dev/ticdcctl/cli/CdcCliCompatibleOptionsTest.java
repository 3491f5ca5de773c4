package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cdc cli spellings that work in ticdcctl as they do in cdc cli. */
class CdcCliCompatibleOptionsTest extends StubServerTest {
    private static final String CF = "/api/v2/changefeeds/cf-1";

    @BeforeEach
    void everyTableIsEligible() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", "/api/v2/verify_table", 200, "{\"eligible_tables\":[]}");
    }

    // --start-ts 0

    @ParameterizedTest(name = "--start-ts {0} lets the server start now")
    @ValueSource(strings = {"0", "now", "NOW"})
    void start_ts_0_means_now_as_in_cdc_cli(String startTs) {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--start-ts", startTs,
                "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"namespace\":\"default\",\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}",
                server.last("POST", "/api/v2/changefeeds").body(), "no start_ts: the server takes its current TSO");
    }

    @Test
    void a_dry_run_with_start_ts_0_shows_the_body_without_a_start_ts_and_sends_nothing() {
        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--start-ts", "0",
                "--dry-run", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"sink_uri\""), r::toString);
        assertFalse(r.out().contains("start_ts"), r::toString);
        assertTrue(server.mutations().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_negative_start_ts_is_still_refused() {
        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--start-ts", "-1");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    // query -s / --simple

    @ParameterizedTest(name = "changefeed query cf-1 {0}")
    @ValueSource(strings = {"-s", "--simple"})
    void query_simple_prints_the_state_checkpoint_and_error(String flag) {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "query", "cf-1", flag, "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                {
                  "upstream_id" : 7390512345678901234,
                  "namespace" : "default",
                  "id" : "cf-1",
                  "state" : "normal",
                  "checkpoint_time" : "2024-07-01 10:05:00.123",
                  "error" : null
                }
                """.replace(" : ", ": "), r.out().replace(" : ", ": "), r::toString);
    }

    @Test
    void query_simple_as_a_table_has_the_state_checkpoint_lag_and_error_code() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "failed").replace("\"state\"",
                "\"error\":{\"code\":\"CDC:ErrKafkaNewProducer\",\"message\":\"dial tcp: refused\"},\"state\""));

        Cli.Result r = cli.run("changefeed", "query", "-c", "cf-1", "-s");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("ID", "STATE", "CHECKPOINT", "LAG", "ERROR"), List.of(lines.get(0).split("\\s+")),
                r::toString);
        assertTrue(lines.get(1).matches("cf-1\\s+failed\\s+2024-07-01T02:05:00\\.123Z\\s+\\S+\\s+"
                + "CDC:ErrKafkaNewProducer"), r::toString);
    }

    // --disable-gc-check and --schema-registry

    @Test
    void create_with_disable_gc_check_and_schema_registry_sets_their_config_keys() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "kafka://k:9092/t?protocol=avro",
                "--disable-gc-check", "--schema-registry", "http://registry:8081", "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"namespace\":\"default\",\"changefeed_id\":\"cf-1\",\"sink_uri\":\"kafka://k:9092/t?"
                + "protocol=avro\",\"replica_config\":{\"check_gc_safe_point\":false,"
                + "\"sink\":{\"schema_registry\":\"http://registry:8081\"}}}",
                server.last("POST", "/api/v2/changefeeds").body());
    }

    @Test
    void update_with_schema_registry_changes_only_that_key_of_the_config() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("PUT", CF, 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--schema-registry", "http://registry:8081", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("config.sink: (unset) → {\"schema_registry\":\"http://registry:8081\"}"),
                r::toString);
        String body = server.last("PUT", CF).body();
        assertTrue(body.contains("\"sink\":{\"schema_registry\":\"http://registry:8081\"}")
                && body.contains("\"memory_quota\":1073741824"), body);
    }
}
