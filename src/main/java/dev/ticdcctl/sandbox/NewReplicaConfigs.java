package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.model.ReplicaConfigSchema;
import java.util.List;
import java.util.Map;

/**
 * The replica config of pingcap/ticdc's new architecture as released in v8.5.7, where it departs from tiflow's
 * ({@link ReplicaConfigs}): the API struct {@link ReplicaConfigSchema#NEW_ARCHITECTURE}, in which every field is a
 * pointer left out when unset; its defaults; and how a request body becomes the stored config. GET shows the stored
 * config as it is: the new server prunes nothing per sink.
 */
final class NewReplicaConfigs {
    /**
     * ticdc pkg/config/replica_config.go {@code defaultReplicaConfig} as api/v2/model.go {@code ToAPIReplicaConfig}
     * shows it, in struct order: no {@code force_replicate}, {@code ignore_ineligible_table} or
     * {@code enable_kafka_sink_v2} (never copied), {@code consistent.storage} and {@code compression} present though
     * empty, the scheduler's span and balancing settings, {@code region_threshold} 10000.
     */
    private static final String DEFAULT_JSON = """
            {"memory_quota":1073741824,"case_sensitive":false,"check_gc_safe_point":true,"enable_sync_point":false,
             "enable_table_monitor":false,"bdr_mode":false,"sync_point_interval":600000000000,
             "sync_point_retention":86400000000000,"filter":{"rules":["*.*"]},"mounter":{"worker_num":16},
             "sink":{"csv":{"delimiter":",","quote":"\\"","null":"\\\\N","include_commit_ts":false,
               "binary_encoding_method":"base64","output_old_value":false,"output_handle_key":false,
               "output_field_header":false},
               "encoder_concurrency":32,"terminator":"\\r\\n","date_separator":"day","enable_partition_separator":true,
               "only_output_updated_columns":false,"delete_only_output_handle_key_columns":false,
               "content_compatible":false,"advance_timeout":150,"send_bootstrap_interval_in_sec":120,
               "send_bootstrap_in_msg_count":10000,"send_bootstrap_to_all_partition":true,
               "send-all-bootstrap-at-start":false,"debezium_disable_schema":false,
               "debezium":{"output_old_value":true},"open":{"output_old_value":true}},
             "consistent":{"level":"none","max_log_size":64,"flush_interval":2000,"meta_flush_interval":200,
               "encoding_worker_num":16,"flush_worker_num":8,"storage":"","use_file_backend":false,"compression":"",
               "memory_usage":{"memory_quota_percentage":50}},
             "scheduler":{"enable_table_across_nodes":false,"region_threshold":10000,"region_count_per_span":100,
               "region_count_refresh_interval":300000000000,"write_key_threshold":0,
               "scheduling_task_count_per_node":20,"enable_splittable_check":false,"force_split":false,
               "balance_score_threshold":20,"min_traffic_percentage":0.8,"max_traffic_percentage":1.25},
             "integrity":{"integrity_check_level":"none","corruption_handle_level":"warn"},
             "changefeed_error_stuck_duration":1800000000000,
             "synced_status":{"synced_check_interval":300,"checkpoint_interval":15}}
            """;
    private static final ObjectNode DEFAULTS = parse(DEFAULT_JSON);
    /** Sections the conversion fills field by field over the defaults; {@code filter} and {@code sink} it replaces. */
    private static final List<String> MERGED_SECTIONS = List.of("mounter", "consistent", "scheduler", "integrity",
            "synced_status");
    /** Flags the conversion copies as they are, so that leaving them out unsets them. */
    private static final List<String> COPIED_AS_GIVEN = List.of("enable_sync_point", "enable_table_monitor");

    private NewReplicaConfigs() {}

    static ObjectNode defaults() {
        return DEFAULTS.deepCopy();
    }

    /**
     * The config a create, verify_table or get_all_tables body asks for (ticdc api/v2/changefeed.go
     * {@code CreateChangefeed}): decoded over the API defaults, so what is left out keeps its default, then
     * converted. JSON null leaves a setting at its default, except the two sync-point and table-monitor flags, which
     * it unsets. A missing or null {@code replica_config} gives the defaults (the real server dereferences the nil
     * pointer and panics).
     */
    static ObjectNode forCreate(JsonNode given) {
        ObjectNode api = defaults();
        if (given != null && !given.isNull() && !given.isMissingNode()) {
            ReplicaConfigCodec.decode(api, given, ReplicaConfigSchema.NEW_ARCHITECTURE);
        }
        return toInternal(api);
    }

    /**
     * The config an update stores when its body has a {@code replica_config} (ticdc api/v2/changefeed.go
     * {@code UpdateChangefeed}): decoded into an empty struct and converted, so the whole config is replaced, and
     * what is left out takes the new server's default ({@code check_gc_safe_point} true, unlike tiflow) — but a
     * {@code filter} or {@code sink} that is given is taken as given, its omitted keys unset, and the sync-point and
     * table-monitor flags are unset unless given.
     */
    static ObjectNode forUpdate(JsonNode given) {
        ObjectNode api = ReplicaConfigCodec.NODES.objectNode();
        ReplicaConfigCodec.decode(api, given, ReplicaConfigSchema.NEW_ARCHITECTURE);
        return toInternal(api);
    }

    /** ticdc api/v2/model.go {@code toInternalReplicaConfigWithOriginConfig}, starting from the defaults. */
    private static ObjectNode toInternal(ObjectNode api) {
        ObjectNode config = defaults();
        config.remove(COPIED_AS_GIVEN);
        for (Map.Entry<String, JsonNode> setting : api.properties()) {
            JsonNode value = setting.getValue();
            if (MERGED_SECTIONS.contains(setting.getKey()) && value instanceof ObjectNode section) {
                ((ObjectNode) config.get(setting.getKey())).setAll(section);
            } else {
                config.set(setting.getKey(), value);
            }
        }
        ReplicaConfigs.fixMemoryQuota(config);
        return ReplicaConfigCodec.normalize(config, ReplicaConfigSchema.NEW_ARCHITECTURE);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
