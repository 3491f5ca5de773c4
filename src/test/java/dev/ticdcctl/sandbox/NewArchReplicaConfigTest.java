package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The new architecture's replica config (ticdc api/v2/model.go ReplicaConfig, pkg/config/replica_config.go and
 * scheduler_config.go at v8.5.7) as create, update and GET answer it: pointer fields left out when unset, the
 * scheduler's new settings and defaults, and an update that starts again from the defaults.
 */
class NewArchReplicaConfigTest extends ContractSupport {
    NewArchReplicaConfigTest() {
        super(o -> o.withDialect(ServerDialect.NEW_CLASSIC_KERNEL));
    }

    private void pause(String id) {
        assertEmptyOk(post("/api/v2/changefeeds/" + id + "/pause", null));
    }

    @Test
    void the_scheduler_has_the_new_settings_and_defaults_in_struct_order() {
        JsonNode scheduler = create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}").path("config")
                .path("scheduler");

        assertEquals("{\"enable_table_across_nodes\":false,\"region_threshold\":10000,\"region_count_per_span\":100,"
                + "\"region_count_refresh_interval\":300000000000,\"write_key_threshold\":0,"
                + "\"scheduling_task_count_per_node\":20,\"enable_splittable_check\":false,\"force_split\":false,"
                + "\"balance_score_threshold\":20,\"min_traffic_percentage\":0.8,\"max_traffic_percentage\":1.25}",
                scheduler.toString());
    }

    @Test
    void unset_pointers_are_left_out_and_nothing_is_pruned_per_sink() {
        JsonNode config = create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"kafka://k:9092/t?protocol=open-protocol\"}")
                .path("config");

        assertEquals(List.of("memory_quota", "case_sensitive", "check_gc_safe_point", "enable_sync_point",
                "enable_table_monitor", "bdr_mode", "sync_point_interval", "sync_point_retention", "filter", "mounter",
                "sink", "consistent", "scheduler", "integrity", "changefeed_error_stuck_duration", "synced_status"),
                keys(config), "no force_replicate or ignore_ineligible_table until given; consistent kept for Kafka");
        assertEquals("{\"level\":\"none\",\"max_log_size\":64,\"flush_interval\":2000,\"meta_flush_interval\":200,"
                + "\"encoding_worker_num\":16,\"flush_worker_num\":8,\"storage\":\"\",\"use_file_backend\":false,"
                + "\"compression\":\"\",\"memory_usage\":{\"memory_quota_percentage\":50}}",
                config.path("consistent").toString());
        assertFalse(config.path("sink").has("enable_kafka_sink_v2"), "never copied into the API model");
        assertEquals(150, config.path("sink").path("advance_timeout").asInt(), "v8.5.7 keeps tiflow's key names");
        assertEquals(config, info("cf-1").path("config"), "GET shows what create stored");
    }

    @Test
    void an_update_replaces_the_config_and_omitted_settings_take_the_new_servers_defaults() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"case_sensitive\":true,"
                + "\"check_gc_safe_point\":false,\"force_replicate\":true,\"scheduler\":{\"region_threshold\":5}}}");
        pause("cf-1");

        Resp r = put("/api/v2/changefeeds/cf-1", "{\"replica_config\":{\"memory_quota\":1024,"
                + "\"scheduler\":{\"enable_table_across_nodes\":true},\"sink\":{\"protocol\":\"canal-json\"}}}");

        assertEquals(200, r.status(), r::toString);
        JsonNode config = r.json().path("config");
        assertEquals(1024, config.path("memory_quota").asInt());
        assertFalse(config.path("case_sensitive").asBoolean(), "back to the default");
        assertTrue(config.path("check_gc_safe_point").asBoolean(), "the new server's default is true (tiflow: false)");
        assertFalse(config.has("force_replicate"), "unset again");
        assertFalse(config.has("enable_sync_point") || config.has("enable_table_monitor"), "copied as given: unset");
        assertEquals(10000, config.path("scheduler").path("region_threshold").asInt(), "merged over the defaults");
        assertTrue(config.path("scheduler").path("enable_table_across_nodes").asBoolean());
        assertEquals(List.of("protocol", "terminator", "delete_only_output_handle_key_columns", "content_compatible",
                "advance_timeout"), keys(config.path("sink")),
                "a given sink replaces the default one: what was given, what validation fills in, two nil pointers");
        assertEquals(r.json().path("config"), info("cf-1").path("config"));
    }

    @Test
    void an_identical_update_is_accepted() {
        JsonNode config = create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}").path("config");
        pause("cf-1");

        Resp r = put("/api/v2/changefeeds/cf-1", "{\"replica_config\":" + config + "}");

        assertEquals(200, r.status(), r::toString);
        assertEquals(config, r.json().path("config"));
    }

    @Test
    void region_count_refresh_interval_takes_integer_nanoseconds_only() {
        String body = "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"scheduler\":"
                + "{\"region_count_refresh_interval\":%s}}}";

        assertError(post("/api/v2/changefeeds", body.formatted("\"5m\"")), 400, "CDC:ErrAPIInvalidParam",
                "invalid api parameter: json: cannot unmarshal string into Go struct field"
                        + " ChangefeedSchedulerConfig.replica_config.scheduler.region_count_refresh_interval of type"
                        + " time.Duration");
        assertEquals(60000000000L, create(body.formatted("60000000000")).path("config").path("scheduler")
                .path("region_count_refresh_interval").asLong());
    }

    @Test
    void traffic_percentages_are_numbers_written_back_as_go_writes_them() {
        JsonNode scheduler = create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + "{\"scheduler\":{\"min_traffic_percentage\":0.50,\"max_traffic_percentage\":2.0}}}")
                .path("config").path("scheduler");

        assertTrue(scheduler.toString().contains("\"min_traffic_percentage\":0.5,\"max_traffic_percentage\":2}"),
                scheduler::toString);
        assertError(post("/api/v2/verify_table", "{\"replica_config\":{\"scheduler\":{\"max_traffic_percentage\":"
                + "\"1.5\"}}}"), 400, "CDC:ErrAPIInvalidParam", "invalid api parameter: json: cannot unmarshal string"
                + " into Go struct field ChangefeedSchedulerConfig.replica_config.scheduler.max_traffic_percentage of"
                + " type float64");
    }

    @Test
    void span_replication_stays_on_for_mysql_which_then_splits_only_splittable_tables() {
        JsonNode scheduler = create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"mysql://root@127.0.0.1:3306/\","
                + "\"replica_config\":{\"scheduler\":{\"enable_table_across_nodes\":true,\"region_threshold\":50,"
                + "\"write_key_threshold\":1}}}").path("config").path("scheduler");

        assertTrue(scheduler.path("enable_table_across_nodes").asBoolean(), "tiflow switches it off for MySQL");
        assertTrue(scheduler.path("enable_splittable_check").asBoolean());
        assertEquals(50, scheduler.path("region_count_per_span").asInt(), "capped at region_threshold");
        assertEquals(10485760, scheduler.path("write_key_threshold").asInt(), "raised to the 10 MiB minimum");
        JsonNode forced = create("{\"changefeed_id\":\"cf-2\",\"sink_uri\":\"mysql://root@127.0.0.1:3306/\","
                + "\"replica_config\":{\"scheduler\":{\"enable_table_across_nodes\":true,\"force_split\":true}}}")
                .path("config").path("scheduler");
        assertFalse(forced.path("enable_splittable_check").asBoolean());
    }

    @Test
    void a_refused_config_is_wrapped_as_an_invalid_replica_config_on_create_and_update() {
        String refusal = "invalid replica config, %s: min-traffic-percentage must be between 0 and 1";
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"scheduler\":{\"enable_table_across_nodes\":true,"
                + "\"min_traffic_percentage\":1}}}"), 500, "CDC:ErrInvalidReplicaConfig", refusal);

        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
        pause("cf-1");
        assertError(put("/api/v2/changefeeds/cf-1", "{\"replica_config\":{\"scheduler\":{"
                + "\"enable_table_across_nodes\":true,\"min_traffic_percentage\":1}}}"), 500,
                "CDC:ErrInvalidReplicaConfig", refusal);
        assertError(put("/api/v2/changefeeds/cf-1", "{\"sink_uri\":\"mysql://h:3306/?protocol=canal-json\"}"), 400,
                "CDC:ErrInvalidReplicaConfig", "invalid replica config, %s: [CDC:ErrSinkURIInvalid]sink uri invalid"
                        + " 'protocol canal-json is incompatible with mysql scheme'");
    }

    @Test
    void the_name_is_checked_before_the_sink_uri() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");

        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-1\"}"), 500,
                "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, cf-1");
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-2\"}"), 400, "CDC:ErrSinkURIInvalid",
                "sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'");
    }
}
