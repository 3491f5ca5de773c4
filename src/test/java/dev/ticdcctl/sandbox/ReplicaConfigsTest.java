package dev.ticdcctl.sandbox;

import static dev.ticdcctl.sandbox.RuleAssertions.assertRefused;
import static dev.ticdcctl.sandbox.RuleAssertions.json;
import static dev.ticdcctl.sandbox.RuleAssertions.object;
import static dev.ticdcctl.sandbox.RuleAssertions.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaConfigsTest {
    /**
     * The default replica_config as a v8.5 server returns it for a fresh blackhole:// create (tiflow
     * cdc/api/v2/model.go {@code GetDefaultReplicaConfig}, marshalled).
     */
    private static final String SERVER_DEFAULTS = """
        {"memory_quota":1073741824,"case_sensitive":false,"force_replicate":false,"ignore_ineligible_table":false,
         "check_gc_safe_point":true,"enable_sync_point":false,"enable_table_monitor":false,"bdr_mode":false,
         "sync_point_interval":600000000000,"sync_point_retention":86400000000000,
         "filter":{"rules":["*.*"]},"mounter":{"worker_num":16},
         "sink":{"csv":{"delimiter":",","quote":"\\"","null":"\\\\N","include_commit_ts":false,
           "binary_encoding_method":"base64",
           "output_old_value":false,"output_handle_key":false,"output_field_header":false},
           "encoder_concurrency":32,"terminator":"\\r\\n","date_separator":"day","enable_partition_separator":true,
           "enable_kafka_sink_v2":false,"only_output_updated_columns":false,
           "delete_only_output_handle_key_columns":false,
           "content_compatible":false,"advance_timeout":150,"send_bootstrap_interval_in_sec":120,
           "send_bootstrap_in_msg_count":10000,"send_bootstrap_to_all_partition":true,
           "send-all-bootstrap-at-start":false,
           "debezium_disable_schema":false,"debezium":{"output_old_value":true},"open":{"output_old_value":true}},
         "consistent":{"level":"none","max_log_size":64,"flush_interval":2000,"meta_flush_interval":200,
           "encoding_worker_num":16,"flush_worker_num":8,"use_file_backend":false,
           "memory_usage":{"memory_quota_percentage":50}},
         "scheduler":{"enable_table_across_nodes":false,"region_threshold":100000,"write_key_threshold":0},
         "integrity":{"integrity_check_level":"none","corruption_handle_level":"warn"},
         "changefeed_error_stuck_duration":1800000000000,
         "synced_status":{"synced_check_interval":300,"checkpoint_interval":15}}
        """;

    @Test
    void defaults_are_the_reference_json_in_its_key_order() {
        JsonNode reference = json(SERVER_DEFAULTS);
        assertEquals(reference, ReplicaConfigs.defaults());
        assertEquals(text(reference), text(ReplicaConfigs.defaults()));
        assertEquals("\"", ReplicaConfigs.defaults().at("/sink/csv/quote").textValue());
        assertEquals("\\N", ReplicaConfigs.defaults().at("/sink/csv/null").textValue());
    }

    @Test
    void defaults_are_a_fresh_copy_each_time() {
        ReplicaConfigs.defaults().put("memory_quota", 1);
        assertEquals(1073741824, ReplicaConfigs.defaults().get("memory_quota").intValue());
    }

    @Test
    void an_empty_missing_or_null_replica_config_is_the_defaults_unchanged() {
        String defaults = text(ReplicaConfigs.defaults());
        assertAll(
                () -> assertEquals(defaults, text(ReplicaConfigs.mergeOverDefaults(json("{}")))),
                () -> assertEquals(defaults, text(ReplicaConfigs.mergeOverDefaults(null))),
                () -> assertEquals(defaults, text(ReplicaConfigs.mergeOverDefaults(NullNode.getInstance()))));
    }

    @Test
    void a_partial_sink_section_keeps_the_other_sink_defaults_and_the_struct_key_order() {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(
                "{'sink':{'csv':{'delimiter':'|'},'protocol':'canal-json','encoder_concurrency':4}}"));
        JsonNode sink = config.get("sink");
        assertAll(
                () -> assertEquals("protocol", sink.fieldNames().next()),
                () -> assertEquals("canal-json", sink.get("protocol").textValue()),
                () -> assertEquals("|", sink.at("/csv/delimiter").textValue()),
                () -> assertEquals("\"", sink.at("/csv/quote").textValue()),
                () -> assertEquals(4, sink.get("encoder_concurrency").intValue()),
                () -> assertEquals("\r\n", sink.get("terminator").textValue()),
                () -> assertEquals(150, sink.get("advance_timeout").intValue()),
                () -> assertEquals(ReplicaConfigs.defaults().get("filter"), config.get("filter")));
    }

    @Test
    void arrays_replace_instead_of_merging() {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(
                "{'filter':{'rules':['db.*','!db.tmp'],'ignore_txn_start_ts':[1,18446744073709551615]}}"));
        assertEquals(json("{'rules':['db.*','!db.tmp'],'ignore_txn_start_ts':[1,18446744073709551615]}"),
                config.get("filter"));
    }

    @Test
    void keys_match_case_insensitively_and_unknown_keys_are_dropped() {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(
                "{'Memory_Quota':5,'SINK':{'Protocol':'avro','Dispatcher':'x'},'no_such_field':1,'sql_mode':'ANSI'}"));
        assertAll(
                () -> assertEquals(5, config.get("memory_quota").intValue()),
                () -> assertEquals("avro", config.at("/sink/protocol").textValue()),
                () -> assertFalse(config.has("no_such_field")),
                () -> assertFalse(config.has("Memory_Quota")),
                () -> assertFalse(config.get("sink").has("Dispatcher")),
                // accepted for compatibility, never stored by TiCDC
                () -> assertFalse(config.has("sql_mode")));
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("'10m'", 600_000_000_000L),
                Arguments.of("'1h30m'", 5_400_000_000_000L),
                Arguments.of("'500ms'", 500_000_000L),
                Arguments.of("'1.5s'", 1_500_000_000L),
                Arguments.of("600000000000", 600_000_000_000L),
                Arguments.of("9007199254740993", 9_007_199_254_740_993L),
                Arguments.of("1.9e9", 1_900_000_000L),
                Arguments.of("-1.9", -1L));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void durations_accept_go_strings_and_integer_nanoseconds(String given, long nanos) {
        for (String field : List.of("sync_point_interval", "sync_point_retention", "changefeed_error_stuck_duration")) {
            ObjectNode config = ReplicaConfigs.mergeOverDefaults(json("{'" + field + "':" + given + "}"));
            assertEquals(nanos, config.get(field).longValue(), field);
            assertTrue(config.get(field).isIntegralNumber(), field);
        }
    }

    static Stream<Arguments> undecodableValues() {
        String prefix = "invalid api parameter: json: cannot unmarshal ";
        return Stream.of(
                Arguments.of("{'sync_point_interval':'10x'}",
                        "invalid api parameter: time: unknown unit \"x\" in duration \"10x\""),
                Arguments.of("{'sync_point_interval':'soon'}",
                        "invalid api parameter: time: invalid duration \"soon\""),
                Arguments.of("{'changefeed_error_stuck_duration':'30'}",
                        "invalid api parameter: time: missing unit in duration \"30\""),
                Arguments.of("{'sync_point_retention':true}", "invalid api parameter: invalid duration"),
                Arguments.of("{'sync_point_retention':{'h':1}}", "invalid api parameter: invalid duration"),
                Arguments.of("{'memory_quota':'1'}", prefix
                        + "string into Go struct field ReplicaConfig.replica_config.memory_quota of type uint64"),
                Arguments.of("{'memory_quota':-1}", prefix
                        + "number -1 into Go struct field ReplicaConfig.replica_config.memory_quota of type uint64"),
                Arguments.of("{'memory_quota':18446744073709551616}", prefix + "number 18446744073709551616 into Go"
                        + " struct field ReplicaConfig.replica_config.memory_quota of type uint64"),
                Arguments.of("{'case_sensitive':1}", prefix
                        + "number into Go struct field ReplicaConfig.replica_config.case_sensitive of type bool"),
                Arguments.of("{'sink':{'encoder_concurrency':1.5}}", prefix + "number 1.5 into Go struct field"
                        + " SinkConfig.replica_config.sink.encoder_concurrency of type int"),
                Arguments.of("{'sink':{'kafka_config':{'replication_factor':40000}}}", prefix + "number 40000 into"
                        + " Go struct field KafkaConfig.replica_config.sink.kafka_config.replication_factor of type"
                        + " int16"),
                Arguments.of("{'filter':{'rules':'*.*'}}", prefix
                        + "string into Go struct field FilterConfig.replica_config.filter.rules of type []string"),
                Arguments.of("{'filter':{'rules':[1]}}", prefix
                        + "number into Go struct field FilterConfig.replica_config.filter.rules of type string"),
                Arguments.of("{'sink':'kafka'}", prefix
                        + "string into Go struct field ReplicaConfig.replica_config.sink of type v2.SinkConfig"),
                Arguments.of("{'sink':{'dispatchers':[{'matcher':'db.*'}]}}", prefix + "string into Go struct field"
                        + " DispatchRule.replica_config.sink.dispatchers.matcher of type []string"),
                Arguments.of("{'sink':{'dispatchers':{}}}", prefix + "object into Go struct field"
                        + " SinkConfig.replica_config.sink.dispatchers of type []*v2.DispatchRule"),
                Arguments.of("5", prefix
                        + "number into Go struct field ChangefeedConfig.replica_config of type v2.ReplicaConfig"),
                // encoding/json reports the first mismatch but aborts at once on a duration error
                Arguments.of("{'memory_quota':'1','case_sensitive':'yes'}", prefix
                        + "string into Go struct field ReplicaConfig.replica_config.memory_quota of type uint64"),
                Arguments.of("{'memory_quota':'1','sync_point_interval':'x'}",
                        "invalid api parameter: time: invalid duration \"x\""));
    }

    @ParameterizedTest
    @MethodSource("undecodableValues")
    void undecodable_values_are_refused_with_gos_decode_error(String given, String message) {
        assertRefused(400, "CDC:ErrAPIInvalidParam", message, () -> ReplicaConfigs.mergeOverDefaults(json(given)));
        assertRefused(400, "CDC:ErrAPIInvalidParam", message, () -> ReplicaConfigs.replaceFromDefaults(json(given)));
    }

    @Test
    void null_clears_pointers_to_their_defaults_and_leaves_plain_values_alone() {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(
                "{'sink':null,'enable_sync_point':null,'sync_point_interval':null,'memory_quota':null,"
                        + "'check_gc_safe_point':null,'filter':{'rules':null}}"));
        ObjectNode defaults = ReplicaConfigs.defaults();
        assertAll(
                () -> assertEquals(defaults.get("sink"), config.get("sink")),
                () -> assertFalse(config.has("enable_sync_point")),
                () -> assertEquals(defaults.get("sync_point_interval"), config.get("sync_point_interval")),
                () -> assertEquals(defaults.get("memory_quota"), config.get("memory_quota")),
                () -> assertTrue(config.get("check_gc_safe_point").booleanValue()),
                () -> assertEquals(json("{}"), config.get("filter")));
    }

    @Test
    void memory_quota_zero_means_the_default() {
        assertEquals(1073741824L, ReplicaConfigs.mergeOverDefaults(json("{'memory_quota':0}"))
                .get("memory_quota").longValue());
    }

    @Test
    void event_filter_rules_are_written_with_all_their_fields() {
        ObjectNode config = ReplicaConfigs.mergeOverDefaults(json(
                "{'filter':{'event_filters':[{'matcher':['db.*'],'ignore_event':['insert'],'ignore_sql':[]}]}}"));
        assertEquals(text(json("{'matcher':['db.*'],'ignore_event':['insert'],'ignore_sql':null,"
                + "'ignore_insert_value_expr':'','ignore_update_new_value_expr':'','ignore_update_old_value_expr':'',"
                + "'ignore_delete_value_expr':''}")), text(config.at("/filter/event_filters/0")));
    }

    @Test
    void an_update_replaces_the_whole_config_from_zero_values_and_default_sections() {
        ObjectNode config = ReplicaConfigs.replaceFromDefaults(
                json("{'sink':{'protocol':'canal-json'},'bdr_mode':true}"));
        ObjectNode defaults = ReplicaConfigs.defaults();
        assertAll(
                () -> assertFalse(config.get("check_gc_safe_point").booleanValue()),
                () -> assertFalse(config.get("case_sensitive").booleanValue()),
                () -> assertEquals(1073741824L, config.get("memory_quota").longValue()),
                () -> assertFalse(config.has("enable_sync_point")),
                () -> assertFalse(config.has("enable_table_monitor")),
                () -> assertTrue(config.get("bdr_mode").booleanValue()),
                () -> assertEquals(defaults.get("sync_point_interval"), config.get("sync_point_interval")),
                () -> assertEquals(defaults.get("filter"), config.get("filter")),
                () -> assertEquals(defaults.get("consistent"), config.get("consistent")),
                // a section that is given keeps only what was given
                () -> assertEquals(text(json("{'protocol':'canal-json','delete_only_output_handle_key_columns':null,"
                        + "'content_compatible':null}")), text(config.get("sink"))));
    }

    @Test
    void an_update_of_a_partial_section_zeroes_its_other_plain_fields() {
        ObjectNode config = ReplicaConfigs.replaceFromDefaults(json("{'consistent':{'level':'eventual'}}"));
        assertEquals(text(json("{'level':'eventual','max_log_size':0,'flush_interval':0,'meta_flush_interval':0,"
                + "'encoding_worker_num':0,'flush_worker_num':0,'use_file_backend':false,'memory_usage':null}")),
                text(config.get("consistent")));
    }

    @Test
    void an_update_with_a_complete_config_stores_it_unchanged() {
        ObjectNode full = ReplicaConfigs.mergeOverDefaults(json("{'sink':{'protocol':'canal-json'}}"));
        assertEquals(text(full), text(ReplicaConfigs.replaceFromDefaults(full)));
    }

    @Test
    void an_absent_or_null_update_config_is_not_a_replacement() {
        assertThrows(IllegalArgumentException.class, () -> ReplicaConfigs.replaceFromDefaults(null));
        assertThrows(IllegalArgumentException.class, () -> ReplicaConfigs.replaceFromDefaults(NullNode.getInstance()));
    }

    /** A config that uses every field the pruning looks at. */
    private static ObjectNode everything(String protocol) {
        return ReplicaConfigs.mergeOverDefaults(json("{'sink':{'protocol':'" + protocol + "',"
                + "'schema_registry':'http://registry:8081','dispatchers':[{'matcher':['db.*'],'topic':'t'}],"
                + "'kafka_config':{'partition_num':3},'mysql_config':{'worker_count':8},'safe_mode':true,"
                + "'cloud_storage_config':{'file_size':1024},'file_index_width':8}}"));
    }

    static Stream<Arguments> pruning() {
        List<String> mqOnly = List.of("/sink/dispatchers", "/sink/schema_registry", "/sink/encoder_concurrency",
                "/sink/enable_kafka_sink_v2", "/sink/only_output_updated_columns", "/sink/kafka_config");
        List<String> storageOnly = List.of("/sink/csv", "/sink/date_separator", "/sink/enable_partition_separator",
                "/sink/file_index_width", "/sink/cloud_storage_config");
        List<String> dbOnly = List.of("/enable_sync_point", "/bdr_mode", "/sync_point_interval",
                "/sync_point_retention", "/consistent", "/sink/safe_mode", "/sink/mysql_config");
        return Stream.of(
                Arguments.of("mysql://root@127.0.0.1:3306/", "canal-json",
                        concat(mqOnly, storageOnly, List.of("/sink/protocol", "/sink/terminator")), dbOnly),
                Arguments.of("kafka://127.0.0.1:9092/t", "canal-json",
                        concat(storageOnly, dbOnly, List.of("/sink/schema_registry")),
                        List.of("/sink/dispatchers", "/sink/protocol", "/sink/kafka_config", "/sink/terminator")),
                Arguments.of("kafka://127.0.0.1:9092/t", "avro", concat(storageOnly, dbOnly),
                        List.of("/sink/schema_registry", "/sink/dispatchers")),
                Arguments.of("pulsar://127.0.0.1:6650/t", "flat-avro", List.of("/sink/schema_registry"),
                        List.of("/sink/dispatchers")),
                Arguments.of("s3://bucket/prefix", "csv", concat(mqOnly, dbOnly),
                        concat(storageOnly, List.of("/sink/protocol", "/sink/terminator"))),
                Arguments.of("blackhole://", "canal-json", List.of(), concat(mqOnly, storageOnly, dbOnly)));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    @ParameterizedTest
    @MethodSource("pruning")
    void get_prunes_the_fields_the_sink_kind_does_not_use(String sinkUri, String protocol, List<String> removed,
            List<String> kept) {
        ObjectNode pruned = ReplicaConfigs.pruneForSink(everything(protocol), sinkUri);
        for (String pointer : removed) {
            assertTrue(pruned.at(pointer).isMissingNode(), pointer + " should be removed for " + sinkUri);
        }
        for (String pointer : kept) {
            assertFalse(pruned.at(pointer).isMissingNode(), pointer + " should be kept for " + sinkUri);
        }
    }

    @Test
    void pruned_fields_that_go_cannot_omit_print_as_null() {
        ObjectNode pruned = ReplicaConfigs.pruneForSink(ReplicaConfigs.defaults(), "mysql://root@127.0.0.1:3306/");
        assertAll(
                () -> assertTrue(pruned.at("/sink/delete_only_output_handle_key_columns").isNull()),
                () -> assertTrue(pruned.at("/sink/content_compatible").isNull()));
    }

    @Test
    void blackhole_and_unparsable_uris_keep_everything() {
        ObjectNode config = everything("canal-json");
        assertEquals(text(config), text(ReplicaConfigs.pruneForSink(config, "blackhole://")));
        assertEquals(text(config), text(ReplicaConfigs.pruneForSink(config, "kafka://bad host/t")));
    }

    @Test
    void loading_fills_unset_sections_with_defaults_before_pruning() {
        ObjectNode pruned = ReplicaConfigs.pruneForSink(object("{'memory_quota':1,'check_gc_safe_point':true}"),
                "kafka://127.0.0.1:9092/t");
        ObjectNode defaults = ReplicaConfigs.defaults();
        assertAll(
                () -> assertEquals(defaults.get("scheduler"), pruned.get("scheduler")),
                () -> assertEquals(defaults.get("synced_status"), pruned.get("synced_status")),
                () -> assertEquals(defaults.get("changefeed_error_stuck_duration"),
                        pruned.get("changefeed_error_stuck_duration")),
                () -> assertEquals(32, pruned.at("/sink/encoder_concurrency").intValue()),
                () -> assertTrue(pruned.at("/sink/csv").isMissingNode()),
                () -> assertFalse(pruned.has("consistent")),
                () -> assertFalse(pruned.has("sync_point_interval")));
    }

    @Test
    void pruning_does_not_touch_its_input() {
        ObjectNode config = everything("canal-json");
        String before = text(config);
        ReplicaConfigs.pruneForSink(config, "mysql://root@127.0.0.1:3306/");
        assertEquals(before, text(config));
    }
}
