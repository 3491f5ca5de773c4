package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The replica-config rules of a TiCDC v8.5 server (classic tiflow), as pure functions over Jackson trees: the
 * defaults, how create and update bodies become a stored config, how the config is checked against the sink URI, and
 * how GET shows it. Configs are returned in the shape Go's json.Marshal gives the API struct (field order, zero
 * values, nulls, omitted fields), so they can be written out as they are. Refusals are {@link ApiError}s carrying
 * TiCDC's code, HTTP status and message.
 */
public final class ReplicaConfigs {
    static final long DEFAULT_MEMORY_QUOTA = 1L << 30;

    /** The API's default replica_config, in Go struct order: tiflow cdc/api/v2/model.go GetDefaultReplicaConfig. */
    private static final String DEFAULT_JSON = """
            {"memory_quota":1073741824,"case_sensitive":false,"force_replicate":false,"ignore_ineligible_table":false,
             "check_gc_safe_point":true,"enable_sync_point":false,"enable_table_monitor":false,"bdr_mode":false,
             "sync_point_interval":600000000000,"sync_point_retention":86400000000000,
             "filter":{"rules":["*.*"]},"mounter":{"worker_num":16},
             "sink":{"csv":{"delimiter":",","quote":"\\"","null":"\\\\N","include_commit_ts":false,
               "binary_encoding_method":"base64","output_old_value":false,"output_handle_key":false,
               "output_field_header":false},
               "encoder_concurrency":32,"terminator":"\\r\\n","date_separator":"day","enable_partition_separator":true,
               "enable_kafka_sink_v2":false,"only_output_updated_columns":false,
               "delete_only_output_handle_key_columns":false,"content_compatible":false,"advance_timeout":150,
               "send_bootstrap_interval_in_sec":120,"send_bootstrap_in_msg_count":10000,
               "send_bootstrap_to_all_partition":true,"send-all-bootstrap-at-start":false,
               "debezium_disable_schema":false,"debezium":{"output_old_value":true},"open":{"output_old_value":true}},
             "consistent":{"level":"none","max_log_size":64,"flush_interval":2000,"meta_flush_interval":200,
               "encoding_worker_num":16,"flush_worker_num":8,"use_file_backend":false,
               "memory_usage":{"memory_quota_percentage":50}},
             "scheduler":{"enable_table_across_nodes":false,"region_threshold":100000,"write_key_threshold":0},
             "integrity":{"integrity_check_level":"none","corruption_handle_level":"warn"},
             "changefeed_error_stuck_duration":1800000000000,
             "synced_status":{"synced_check_interval":300,"checkpoint_interval":15}}
            """;
    private static final ObjectNode DEFAULTS = parseDefaults();

    /** Fields TiCDC's ToInternalReplicaConfig copies only when set, keeping its defaults otherwise. */
    private static final List<String> DEFAULTED_WHEN_UNSET = List.of("sync_point_interval", "sync_point_retention",
            "filter", "mounter", "sink", "consistent", "scheduler", "integrity", "changefeed_error_stuck_duration",
            "synced_status");
    /** Fields the owner fills with defaults when it loads a changefeed (ChangeFeedInfo.VerifyAndComplete). */
    private static final List<String> COMPLETED_ON_LOAD = List.of("filter", "mounter", "sink", "consistent",
            "scheduler", "integrity", "changefeed_error_stuck_duration", "synced_status");
    /** ChangeFeedInfo.RmUnusedFields, per sink family. */
    private static final List<String> MQ_ONLY_SINK_FIELDS = List.of("dispatchers", "schema_registry",
            "encoder_concurrency", "enable_kafka_sink_v2", "only_output_updated_columns",
            "delete_only_output_handle_key_columns", "content_compatible", "kafka_config");
    private static final List<String> STORAGE_ONLY_SINK_FIELDS = List.of("csv", "date_separator",
            "enable_partition_separator", "file_index_width", "cloud_storage_config");
    private static final List<String> DB_ONLY_FIELDS = List.of("enable_sync_point", "bdr_mode", "sync_point_interval",
            "sync_point_retention", "consistent");
    private static final List<String> DB_ONLY_SINK_FIELDS = List.of("safe_mode", "mysql_config");
    private static final List<String> NOT_FOR_DB_SINK_FIELDS = List.of("protocol", "terminator");

    private ReplicaConfigs() {}

    /** A fresh copy of the default replica_config, exactly as a fresh {@code blackhole://} changefeed shows it. */
    public static ObjectNode defaults() {
        return DEFAULTS.deepCopy();
    }

    /**
     * The config a create (or verify_table, or synced) request asks for: its {@code replica_config} decoded over the
     * defaults the way Go decodes into a pre-filled struct. Objects merge, arrays and scalars replace; keys match
     * case-insensitively and unknown keys are dropped; durations accept integer nanoseconds or Go duration strings
     * and are stored as nanoseconds; JSON null resets a section to its default (and drops an optional flag such as
     * {@code enable_sync_point}); {@code memory_quota} 0 means the default. A missing or null {@code given} yields
     * the defaults (a real server panics on {@code "replica_config": null}: tiflow cdc/api/v2/api_helpers.go
     * {@code verifyCreateChangefeedConfig} dereferences it). Sink-dependent adjustments ({@code advance_timeout}
     * 0 → 150, ...) happen in {@link #validateForSink}, as in TiCDC.
     *
     * @throws ApiError 400 {@code CDC:ErrAPIInvalidParam} {@code invalid api parameter: <Go decode error>} for a
     *     value of the wrong JSON type, an out-of-range number or a bad duration
     */
    public static ObjectNode mergeOverDefaults(JsonNode given) {
        if (given == null || given.isNull() || given.isMissingNode()) {
            return defaults();
        }
        return decodeAndComplete(defaults(), given);
    }

    /**
     * The config an update stores when its body has a {@code replica_config} (tiflow cdc/api/v2/api_helpers.go
     * {@code verifyUpdateChangefeedConfig}, tiflow#10830): TiCDC decodes it into an empty struct, not over the old
     * config. So plain top-level fields that are left out become
     * zero ({@code check_gc_safe_point:false}, {@code case_sensitive:false}, {@code memory_quota} 0 → the 1 GiB
     * default), optional flags left out disappear ({@code enable_sync_point}, {@code bdr_mode}), whole sections left
     * out are the defaults, and a section that is given keeps only what was given (its other plain fields zero, its
     * optional ones absent). Callers keep the old config when the body has no {@code replica_config} or has null.
     *
     * @throws IllegalArgumentException when {@code given} is missing or null: that case keeps the old config
     * @throws ApiError as for {@link #mergeOverDefaults}
     */
    public static ObjectNode replaceFromDefaults(JsonNode given) {
        if (given == null || given.isNull() || given.isMissingNode()) {
            throw new IllegalArgumentException("an absent or null replica_config keeps the old config");
        }
        return decodeAndComplete(ReplicaConfigCodec.NODES.objectNode(), given);
    }

    /**
     * The config as GET shows it once the owner has loaded the changefeed: unset sections filled with defaults, then
     * the fields the sink family does not use removed (ChangeFeedInfo.RmUnusedFields). Non-MQ sinks lose the MQ
     * fields ({@code dispatchers}, {@code kafka_config}, ...; the two non-omitempty ones print as null), MQ sinks
     * whose protocol is not exactly {@code avro} lose {@code schema_registry}, non-storage sinks lose {@code csv} and
     * the storage fields, non-MySQL sinks lose sync point, BDR, {@code consistent}, {@code safe_mode} and
     * {@code mysql_config}, MySQL sinks lose {@code protocol} and {@code terminator}; {@code blackhole} and an
     * unparsable URI keep everything. Returns a new tree.
     */
    public static ObjectNode pruneForSink(JsonNode config, String sinkUri) {
        ObjectNode out = config.deepCopy();
        fillUnset(out, COMPLETED_ON_LOAD);
        SinkKind kind;
        try {
            kind = SinkKind.of(GoUrl.parse(sinkUri).scheme);
        } catch (GoUrl.ParseException e) {
            return ReplicaConfigCodec.normalize(out);
        }
        if (kind == SinkKind.BLACKHOLE) {
            return ReplicaConfigCodec.normalize(out);
        }
        ObjectNode sink = (ObjectNode) out.get("sink");
        if (!kind.isMq()) {
            sink.remove(MQ_ONLY_SINK_FIELDS);
        } else if (!"avro".equals(sink.path("protocol").asText())) {
            sink.remove("schema_registry");
        }
        if (kind != SinkKind.STORAGE) {
            sink.remove(STORAGE_ONLY_SINK_FIELDS);
        }
        if (kind != SinkKind.MYSQL) {
            out.remove(DB_ONLY_FIELDS);
            sink.remove(DB_ONLY_SINK_FIELDS);
        } else {
            sink.remove(NOT_FOR_DB_SINK_FIELDS);
        }
        return ReplicaConfigCodec.normalize(out);
    }

    /**
     * Checks and adjusts {@code config} in place against the sink URI, as tiflow pkg/config/replica_config.go
     * {@code ReplicaConfig.ValidateAndAdjust} and the connection-free refusals of cdc/sink/validator/validator.go
     * {@code Validate} do, first failure wins. Among the rules: an empty URI (400
     * {@code sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'}); an unparsable URI
     * (400 {@code ErrSinkURIInvalid}, URI shown as {@code <invalid uri>}); URI {@code protocol} and
     * {@code transaction-atomicity} parameters copied into the sink config; a protocol with a MySQL scheme (400);
     * a missing or unknown protocol for MQ and storage (500 {@code ErrSinkUnknownProtocol}); {@code table} atomicity
     * with MQ (400); storage and CSV rules (500 {@code ErrSinkInvalidConfig}); redo, sync point, integrity and
     * stuck-duration limits (500 {@code ErrInvalidReplicaConfig}); an unbracketed IPv6 host, sync point or BDR with a
     * non-MySQL sink, an unsupported scheme (400); a Kafka/Pulsar URI without topic (500); Pulsar only with
     * canal-json (400); storage only with csv/canal-json (500). Adjustments: {@code terminator} "\r\n" when unset,
     * {@code advance_timeout} 0 → 150 (not for MySQL), storage {@code file_index_width} → 20, integrity
     * {@code correctness} → {@code none} for non-Kafka, span replication off for sinks other than Kafka and
     * blackhole, an empty {@code pulsar_config} for Pulsar, redo zero settings → defaults, {@code memory_quota} 0.
     * On update TiCDC wraps these errors in 400 {@code ErrChangefeedUpdateRefused}; that is the caller's part.
     */
    public static void validateForSink(ObjectNode config, String sinkUri) {
        SinkRules.validate(config, sinkUri);
    }

    /** {@link #validateForSink(ObjectNode, String)} as {@code dialect}'s server checks a config of its own shape. */
    static void validateForSink(ObjectNode config, String sinkUri, ServerDialect dialect) {
        SinkRules.validate(config, sinkUri, dialect);
    }

    /**
     * Only the URI parse check, which is all {@code POST /verify_table} does with the sink URI (it neither
     * validates the config against it nor refuses an empty one).
     *
     * @throws ApiError 400 {@code CDC:ErrSinkURIInvalid} as {@link #validateForSink} for an unparsable URI
     */
    public static void requireParsableSinkUri(String sinkUri) {
        SinkRules.parseSinkUri(sinkUri);
    }

    /**
     * Simulates actually opening the sink (tiflow cdc/sink/validator/validator.go {@code Validate}): a host under the
     * reserved {@code .invalid} domain cannot be resolved. The codes and texts are those TiCDC's sink factories produce for a failed lookup: MySQL 400
     * {@code CDC:ErrMySQLConnectionError}, Kafka (every broker unreachable) 500 {@code CDC:ErrKafkaNewProducer},
     * Pulsar 500 {@code CDC:ErrPulsarNewProducer}, storage (bucket host or {@code endpoint} parameter) 500
     * {@code DFLOW:ErrFailToCreateExternalStorage}, which is what the cloud-storage sink really returns
     * ({@code CDC:ErrStorageInitialize} belongs to the redo log). Other hosts, blackhole and unparsable URIs pass.
     */
    public static void openSink(String sinkUri) {
        SinkRules.open(sinkUri);
    }

    /** {@code memory_quota} 0 (or unset) means the default, both on decode and in ValidateAndAdjust. */
    static void fixMemoryQuota(ObjectNode config) {
        JsonNode quota = config.get("memory_quota");
        if (quota == null || !quota.isNumber() || quota.bigIntegerValue().signum() == 0) {
            config.set("memory_quota", ReplicaConfigCodec.number(DEFAULT_MEMORY_QUOTA));
        }
    }

    private static ObjectNode decodeAndComplete(ObjectNode start, JsonNode given) {
        ReplicaConfigCodec.decode(start, given);
        fillUnset(start, DEFAULTED_WHEN_UNSET);
        fixMemoryQuota(start);
        return ReplicaConfigCodec.normalize(start);
    }

    private static void fillUnset(ObjectNode config, List<String> fields) {
        for (String field : fields) {
            if (!config.hasNonNull(field)) {
                config.set(field, DEFAULTS.get(field).deepCopy());
            }
        }
    }

    private static ObjectNode parseDefaults() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(DEFAULT_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
