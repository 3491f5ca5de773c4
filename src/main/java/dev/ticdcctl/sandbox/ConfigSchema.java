package dev.ticdcctl.sandbox;

import dev.ticdcctl.util.GoDurations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Go structs of TiCDC's API {@code v2.ReplicaConfig} (cdc/api/v2/model.go), as data: field order, JSON names,
 * Go types and whether a field is a pointer and/or {@code omitempty}. With it the simulator decodes a request the
 * way {@code encoding/json} does (case-insensitive keys, unknown keys dropped, strict types, Go's error texts) and
 * writes a config back in the shape {@code json.Marshal} would (struct order, zero values, nulls, omissions).
 */
final class ConfigSchema {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How a Go field is declared, which decides how absence, null and zero values look in JSON. */
    enum Presence {
        /** Plain value: always written, its zero value when unset; JSON null leaves it unchanged. */
        VALUE,
        /** Value with omitempty: left out when zero. */
        VALUE_OMITEMPTY,
        /** Pointer without omitempty: written as null when unset. */
        POINTER,
        /** Pointer with omitempty: left out when unset, written even when it points to a zero value. */
        POINTER_OMITEMPTY,
        /** Decoded (so type errors still surface) but never stored: TiCDC drops it on conversion. */
        DISCARDED
    }

    sealed interface Type permits Scalar, Duration, Struct, Slice {}

    /** A Go bool, string or integer; the name is Go's ({@code uint64}, {@code int32}, ...), shown in errors. */
    record Scalar(String goName) implements Type {
        boolean isInteger() {
            return goName.startsWith("int") || goName.startsWith("uint");
        }

        /** Inclusive range of a Go integer type on a 64-bit platform. */
        BigInteger min() {
            return goName.startsWith("uint") ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits() - 1).negate();
        }

        BigInteger max() {
            int valueBits = goName.startsWith("uint") ? bits() : bits() - 1;
            return BigInteger.ONE.shiftLeft(valueBits).subtract(BigInteger.ONE);
        }

        private int bits() {
            String digits = goName.replaceAll("\\D", "");
            return digits.isEmpty() ? 64 : Integer.parseInt(digits);
        }
    }

    /** TiCDC's {@code JSONDuration}: integer nanoseconds or a Go duration string. */
    record Duration() implements Type {}

    record Struct(String name, List<Field> fields) implements Type {
        /** encoding/json's key match: exact name first, else the first field equal ignoring case. */
        Field field(String key) {
            for (Field f : fields) {
                if (f.name.equals(key)) {
                    return f;
                }
            }
            for (Field f : fields) {
                if (f.name.equalsIgnoreCase(key)) {
                    return f;
                }
            }
            return null;
        }

        String goName() {
            return "v2." + name;
        }
    }

    record Slice(String goName, Type element) implements Type {}

    record Field(String name, Type type, Presence presence) {}

    private static final Scalar BOOL = new Scalar("bool");
    private static final Scalar STRING = new Scalar("string");
    private static final Scalar INT = new Scalar("int");
    private static final Scalar INT16 = new Scalar("int16");
    private static final Scalar INT32 = new Scalar("int32");
    private static final Scalar INT64 = new Scalar("int64");
    private static final Scalar UINT = new Scalar("uint");
    private static final Scalar UINT64 = new Scalar("uint64");
    private static final Duration DURATION = new Duration();
    private static final Slice STRINGS = new Slice("[]string", STRING);

    private static Field value(String name, Type type) {
        return new Field(name, type, Presence.VALUE);
    }

    private static Field valueOmitEmpty(String name, Type type) {
        return new Field(name, type, Presence.VALUE_OMITEMPTY);
    }

    private static Field pointer(String name, Type type) {
        return new Field(name, type, Presence.POINTER);
    }

    private static Field optional(String name, Type type) {
        return new Field(name, type, Presence.POINTER_OMITEMPTY);
    }

    private static Struct struct(String name, Field... fields) {
        return new Struct(name, List.of(fields));
    }

    private static final Struct EVENT_FILTER_RULE = struct("EventFilterRule",
            value("matcher", STRINGS), value("ignore_event", STRINGS), value("ignore_sql", STRINGS),
            value("ignore_insert_value_expr", STRING), value("ignore_update_new_value_expr", STRING),
            value("ignore_update_old_value_expr", STRING), value("ignore_delete_value_expr", STRING));

    private static final Struct FILTER = struct("FilterConfig",
            valueOmitEmpty("rules", STRINGS),
            valueOmitEmpty("ignore_txn_start_ts", new Slice("[]uint64", UINT64)),
            valueOmitEmpty("event_filters", new Slice("[]v2.EventFilterRule", EVENT_FILTER_RULE)));

    private static final Struct CSV = struct("CSVConfig",
            value("delimiter", STRING), value("quote", STRING), value("null", STRING),
            value("include_commit_ts", BOOL), value("binary_encoding_method", STRING),
            value("output_old_value", BOOL), value("output_handle_key", BOOL), value("output_field_header", BOOL));

    private static final Struct DISPATCH_RULE = struct("DispatchRule",
            valueOmitEmpty("matcher", STRINGS), valueOmitEmpty("partition", STRING), valueOmitEmpty("index", STRING),
            valueOmitEmpty("columns", STRINGS), valueOmitEmpty("topic", STRING));

    private static final Struct COLUMN_SELECTOR = struct("ColumnSelector",
            valueOmitEmpty("matcher", STRINGS), valueOmitEmpty("columns", STRINGS));

    private static final Struct CODEC = struct("CodecConfig",
            optional("enable_tidb_extension", BOOL), optional("max_batch_size", INT),
            optional("avro_enable_watermark", BOOL), optional("avro_decimal_handling_mode", STRING),
            optional("avro_bigint_unsigned_handling_mode", STRING), optional("encoding_format", STRING));

    private static final Struct LARGE_MESSAGE_HANDLE = struct("LargeMessageHandleConfig",
            value("large_message_handle_option", STRING), value("large_message_handle_compression", STRING),
            value("claim_check_storage_uri", STRING), value("claim_check_raw_value", BOOL));

    private static final Struct GLUE_SCHEMA_REGISTRY = struct("GlueSchemaRegistryConfig",
            value("registry_name", STRING), value("region", STRING), valueOmitEmpty("access_key", STRING),
            valueOmitEmpty("secret_access_key", STRING), valueOmitEmpty("token", STRING));

    private static final Struct KAFKA = struct("KafkaConfig",
            optional("partition_num", INT32), optional("replication_factor", INT16), optional("kafka_version", STRING),
            optional("max_message_bytes", INT), optional("compression", STRING), optional("kafka_client_id", STRING),
            optional("auto_create_topic", BOOL), optional("dial_timeout", STRING), optional("write_timeout", STRING),
            optional("read_timeout", STRING), optional("required_acks", INT), optional("sasl_user", STRING),
            optional("sasl_password", STRING), optional("sasl_mechanism", STRING),
            optional("sasl_gssapi_auth_type", STRING), optional("sasl_gssapi_keytab_path", STRING),
            optional("sasl_gssapi_kerberos_config_path", STRING), optional("sasl_gssapi_service_name", STRING),
            optional("sasl_gssapi_user", STRING), optional("sasl_gssapi_password", STRING),
            optional("sasl_gssapi_realm", STRING), optional("sasl_gssapi_disable_pafxfast", BOOL),
            optional("sasl_oauth_client_id", STRING), optional("sasl_oauth_client_secret", STRING),
            optional("sasl_oauth_token_url", STRING), valueOmitEmpty("sasl_oauth_scopes", STRINGS),
            optional("sasl_oauth_grant_type", STRING), optional("sasl_oauth_audience", STRING),
            optional("enable_tls", BOOL), optional("ca", STRING), optional("cert", STRING), optional("key", STRING),
            optional("insecure_skip_verify", BOOL), optional("codec_config", CODEC),
            optional("large_message_handle", LARGE_MESSAGE_HANDLE),
            optional("glue_schema_registry_config", GLUE_SCHEMA_REGISTRY),
            optional("output_raw_change_event", BOOL));

    private static final Struct PULSAR_OAUTH2 = struct("PulsarOAuth2",
            valueOmitEmpty("oauth2-issuer-url", STRING), valueOmitEmpty("oauth2-audience", STRING),
            valueOmitEmpty("oauth2-private-key", STRING), valueOmitEmpty("oauth2-client-id", STRING),
            valueOmitEmpty("oauth2-scope", STRING));

    private static final Struct PULSAR = struct("PulsarConfig",
            optional("tls-certificate-path", STRING), optional("tls-private-key-path", STRING),
            optional("tls-trust-certs-file-path", STRING), optional("pulsar-producer-cache-size", INT32),
            optional("pulsar-version", STRING), optional("compression-type", STRING),
            optional("authentication-token", STRING), optional("connection-timeout", INT),
            optional("operation-timeout", INT), optional("batching-max-messages", UINT),
            optional("batching-max-publish-delay", INT), optional("send-timeout", INT),
            optional("token-from-file", STRING), optional("basic-user-name", STRING),
            optional("basic-password", STRING), optional("auth-tls-certificate-path", STRING),
            optional("auth-tls-private-key-path", STRING), optional("oauth2", PULSAR_OAUTH2),
            optional("output-raw-change-event", BOOL));

    private static final Struct MYSQL = struct("MySQLConfig",
            optional("worker_count", INT), optional("max_txn_row", INT), optional("max_multi_update_row_size", INT),
            optional("max_multi_update_row_count", INT), optional("tidb_txn_mode", STRING), optional("ssl_ca", STRING),
            optional("ssl_cert", STRING), optional("ssl_key", STRING), optional("time_zone", STRING),
            optional("write_timeout", STRING), optional("read_timeout", STRING), optional("timeout", STRING),
            optional("enable_batch_dml", BOOL), optional("enable_multi_statement", BOOL),
            optional("enable_cache_prepared_statement", BOOL));

    private static final Struct CLOUD_STORAGE = struct("CloudStorageConfig",
            optional("worker_count", INT), optional("flush_interval", STRING), optional("file_size", INT),
            optional("output_column_id", BOOL), optional("file_expiration_days", INT),
            optional("file_cleanup_cron_spec", STRING), optional("flush_concurrency", INT),
            optional("output_raw_change_event", BOOL));

    private static final Struct SINK = struct("SinkConfig",
            optional("protocol", STRING), optional("schema_registry", STRING), optional("csv", CSV),
            valueOmitEmpty("dispatchers", new Slice("[]*v2.DispatchRule", DISPATCH_RULE)),
            valueOmitEmpty("column_selectors", new Slice("[]*v2.ColumnSelector", COLUMN_SELECTOR)),
            optional("transaction_atomicity", STRING), optional("encoder_concurrency", INT),
            optional("terminator", STRING), optional("date_separator", STRING),
            optional("enable_partition_separator", BOOL), optional("file_index_width", INT),
            optional("enable_kafka_sink_v2", BOOL), optional("only_output_updated_columns", BOOL),
            pointer("delete_only_output_handle_key_columns", BOOL), pointer("content_compatible", BOOL),
            optional("safe_mode", BOOL), optional("kafka_config", KAFKA), optional("pulsar_config", PULSAR),
            optional("mysql_config", MYSQL), optional("cloud_storage_config", CLOUD_STORAGE),
            optional("advance_timeout", UINT), optional("send_bootstrap_interval_in_sec", INT64),
            optional("send_bootstrap_in_msg_count", INT32), optional("send_bootstrap_to_all_partition", BOOL),
            optional("send-all-bootstrap-at-start", BOOL), optional("debezium_disable_schema", BOOL),
            optional("debezium", struct("DebeziumConfig", value("output_old_value", BOOL))),
            optional("open", struct("OpenProtocolConfig", value("output_old_value", BOOL))));

    private static final Struct CONSISTENT = struct("ConsistentConfig",
            valueOmitEmpty("level", STRING), value("max_log_size", INT64), value("flush_interval", INT64),
            value("meta_flush_interval", INT64), value("encoding_worker_num", INT), value("flush_worker_num", INT),
            valueOmitEmpty("storage", STRING), value("use_file_backend", BOOL), valueOmitEmpty("compression", STRING),
            valueOmitEmpty("flush_concurrency", INT),
            pointer("memory_usage", struct("ConsistentMemoryUsage", value("memory_quota_percentage", UINT64))));

    static final Struct REPLICA_CONFIG = struct("ReplicaConfig",
            value("memory_quota", UINT64), value("case_sensitive", BOOL), value("force_replicate", BOOL),
            value("ignore_ineligible_table", BOOL), value("check_gc_safe_point", BOOL),
            optional("enable_sync_point", BOOL), optional("enable_table_monitor", BOOL), optional("bdr_mode", BOOL),
            optional("sync_point_interval", DURATION), optional("sync_point_retention", DURATION),
            pointer("filter", FILTER), pointer("mounter", struct("MounterConfig", value("worker_num", INT))),
            pointer("sink", SINK), optional("consistent", CONSISTENT),
            pointer("scheduler", struct("ChangefeedSchedulerConfig", value("enable_table_across_nodes", BOOL),
                    value("region_threshold", INT), value("write_key_threshold", INT))),
            pointer("integrity", struct("IntegrityConfig", value("integrity_check_level", STRING),
                    value("corruption_handle_level", STRING))),
            optional("changefeed_error_stuck_duration", DURATION),
            optional("synced_status", struct("SyncedStatusConfig", value("synced_check_interval", INT64),
                    value("checkpoint_interval", INT64))),
            new Field("sql_mode", STRING, Presence.DISCARDED));

    private ConfigSchema() {}

    /**
     * Decodes a request's {@code replica_config} into {@code target} (mutated) like {@code json.Unmarshal} into a
     * pre-filled Go struct: objects merge into what is there, arrays and scalars replace, JSON null clears pointers
     * and slices and leaves plain values alone. Throws the first error as TiCDC reports it (400).
     */
    static void decode(ObjectNode target, JsonNode given) {
        if (!given.isObject()) {
            throw typeError(given, "ChangefeedConfig", "replica_config", REPLICA_CONFIG.goName());
        }
        Decoder decoder = new Decoder();
        decoder.decodeStruct(target, given, REPLICA_CONFIG, "replica_config");
        if (decoder.firstTypeError != null) {
            throw decoder.firstTypeError;
        }
    }

    /** Rewrites a decoded config in the shape {@code json.Marshal} gives the Go struct; returns a new tree. */
    static ObjectNode normalize(JsonNode config) {
        return normalizeStruct(config, REPLICA_CONFIG);
    }

    /** Go's integer JSON literal as the node Jackson itself would parse it to, so trees compare equal. */
    static JsonNode number(BigInteger value) {
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    static JsonNode number(long value) {
        return number(BigInteger.valueOf(value));
    }

    /** encoding/json continues after a type mismatch and reports the first one; a duration error aborts at once. */
    private static final class Decoder {
        private ApiError firstTypeError;

        void decodeStruct(ObjectNode target, JsonNode given, Struct type, String path) {
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                Field field = type.field(entry.getKey());
                if (field != null) {
                    decodeField(target, field, entry.getValue(), type, path + "." + field.name);
                }
            }
        }

        private void decodeField(ObjectNode target, Field field, JsonNode given, Struct owner, String path) {
            if (given.isNull()) {
                boolean clears = field.presence == Presence.POINTER || field.presence == Presence.POINTER_OMITEMPTY
                        || field.type instanceof Slice;
                if (clears) {
                    target.remove(field.name);
                }
                return;
            }
            JsonNode existing = target.get(field.name);
            JsonNode decoded = decodeValue(existing, given, field.type, owner, path);
            if (decoded != null) {
                target.set(field.name, decoded);
            }
        }

        /** The decoded value, or null after recording a type mismatch. */
        private JsonNode decodeValue(JsonNode existing, JsonNode given, Type type, Struct owner, String path) {
            if (type instanceof Scalar scalar) {
                return decodeScalar(given, scalar, owner, path);
            }
            if (type instanceof Duration) {
                return number(durationNanos(given));
            }
            if (type instanceof Struct struct) {
                if (!given.isObject()) {
                    return mismatch(given, owner, path, struct.goName());
                }
                ObjectNode into = existing instanceof ObjectNode object ? object : NODES.objectNode();
                decodeStruct(into, given, struct, path);
                return into;
            }
            Slice slice = (Slice) type;
            if (!given.isArray()) {
                return mismatch(given, owner, path, slice.goName);
            }
            ArrayNode elements = NODES.arrayNode();
            for (JsonNode element : given) {
                JsonNode decoded = element.isNull() ? null : decodeValue(null, element, slice.element, owner, path);
                elements.add(decoded != null ? decoded : zeroValue(slice.element));
            }
            return elements;
        }

        private JsonNode decodeScalar(JsonNode given, Scalar scalar, Struct owner, String path) {
            boolean fits = switch (scalar.goName) {
                case "bool" -> given.isBoolean();
                case "string" -> given.isTextual();
                default -> given.isIntegralNumber() && inRange(given.bigIntegerValue(), scalar);
            };
            if (fits) {
                return scalar.isInteger() ? number(given.bigIntegerValue()) : given;
            }
            // Go names the literal only when a number fails to fit a numeric field.
            String kind = given.isNumber() && scalar.isInteger() ? "number " + numberLiteral(given) : jsonKind(given);
            return mismatch(kind, owner, path, scalar.goName);
        }

        private JsonNode mismatch(JsonNode given, Struct owner, String path, String goType) {
            return mismatch(jsonKind(given), owner, path, goType);
        }

        private JsonNode mismatch(String kind, Struct owner, String path, String goType) {
            if (firstTypeError == null) {
                firstTypeError = typeError(kind, owner.name, path, goType);
            }
            return null;
        }
    }

    /**
     * TiCDC's JSONDuration.UnmarshalJSON: a number goes through float64 and is truncated to int64 nanoseconds; a
     * string is a Go duration; anything else is "invalid duration". Integral numbers are taken exactly (Go would
     * round above 2^53 ns, about 104 days); out-of-range numbers give int64's minimum as Go does on amd64.
     */
    private static long durationNanos(JsonNode given) {
        if (given.isTextual()) {
            try {
                return GoDurations.parse(given.textValue());
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidParam("invalid api parameter: " + e.getMessage());
            }
        }
        if (!given.isNumber()) {
            throw ApiError.invalidParam("invalid api parameter: invalid duration");
        }
        if (given.isIntegralNumber() && given.canConvertToLong()) {
            return given.longValue();
        }
        BigInteger truncated = given.decimalValue().setScale(0, RoundingMode.DOWN).toBigInteger();
        return truncated.bitLength() < 64 ? truncated.longValue() : Long.MIN_VALUE;
    }

    private static boolean inRange(BigInteger value, Scalar scalar) {
        return value.compareTo(scalar.min()) >= 0 && value.compareTo(scalar.max()) <= 0;
    }

    private static String numberLiteral(JsonNode number) {
        return number.isBigInteger() ? number.bigIntegerValue().toString() : number.asText();
    }

    private static String jsonKind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "array" : "object";
    }

    private static ApiError typeError(JsonNode given, String struct, String path, String goType) {
        return typeError(jsonKind(given), struct, path, goType);
    }

    private static ApiError typeError(String kind, String struct, String path, String goType) {
        return ApiError.invalidParam("invalid api parameter: json: cannot unmarshal " + kind
                + " into Go struct field " + struct + "." + path + " of type " + goType);
    }

    private static ObjectNode normalizeStruct(JsonNode source, Struct type) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Field field : type.fields) {
            JsonNode v = source == null ? null : source.get(field.name);
            boolean unset = v == null || v.isNull();
            switch (field.presence) {
                case VALUE -> fields.put(field.name, unset ? zeroValue(field.type) : normalizeValue(v, field.type,
                        true));
                case VALUE_OMITEMPTY -> {
                    if (!unset && !isZero(v)) {
                        fields.put(field.name, normalizeValue(v, field.type, false));
                    }
                }
                case POINTER -> fields.put(field.name, unset ? NODES.nullNode() : normalizeValue(v, field.type, false));
                case POINTER_OMITEMPTY -> {
                    if (!unset) {
                        fields.put(field.name, normalizeValue(v, field.type, false));
                    }
                }
                case DISCARDED -> { }
            }
        }
        ObjectNode out = NODES.objectNode();
        out.setAll(fields);
        return out;
    }

    /**
     * A present value in marshalled shape. {@code emptySliceIsNull}: the only plain (non-omitempty) slices are the
     * EventFilterRule lists, which TiCDC copies into the response only when non-empty, so empty ones print null.
     */
    private static JsonNode normalizeValue(JsonNode v, Type type, boolean emptySliceIsNull) {
        if (type instanceof Struct struct) {
            return normalizeStruct(v, struct);
        }
        if (type instanceof Slice slice) {
            if (emptySliceIsNull && v.isEmpty()) {
                return NODES.nullNode();
            }
            ArrayNode out = NODES.arrayNode();
            v.forEach(element -> out.add(element.isNull() ? zeroValue(slice.element)
                    : normalizeValue(element, slice.element, true)));
            return out;
        }
        return v.deepCopy();
    }

    private static JsonNode zeroValue(Type type) {
        if (type instanceof Struct struct) {
            return normalizeStruct(null, struct);
        }
        if (type instanceof Slice) {
            return NODES.nullNode();
        }
        if (type instanceof Duration) {
            return number(0);
        }
        return switch (((Scalar) type).goName) {
            case "bool" -> NODES.booleanNode(false);
            case "string" -> NODES.textNode("");
            default -> number(0);
        };
    }

    /** Go's omitempty test for the kinds declared omitempty here: false, 0, "", empty slice. */
    private static boolean isZero(JsonNode v) {
        if (v.isBoolean()) {
            return !v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue().isEmpty();
        }
        if (v.isNumber()) {
            return v.bigIntegerValue().signum() == 0;
        }
        return v.isArray() && v.isEmpty();
    }
}
