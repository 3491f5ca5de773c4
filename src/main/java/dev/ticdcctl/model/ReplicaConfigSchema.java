package dev.ticdcctl.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * TiCDC's changefeed config as both sides name it: the kebab-case keys of {@code cdc cli --config} (tiflow
 * {@code pkg/config}, the {@code toml} tags) and the Go structs of the API's {@code v2.ReplicaConfig} (tiflow
 * {@code cdc/api/v2/model.go}): field order, JSON names, Go types and whether a field is a pointer and/or
 * {@code omitempty}. Read from tiflow {@code c7b2588ef6} and checked against the TOML keys of every release since
 * v5.0 for the renamed and removed ones. The TOML mapping and the sandbox both read it; it is loaded only by them.
 * {@link #NEW_ARCHITECTURE} is the same struct as pingcap/ticdc's new architecture declares it.
 */
public final class ReplicaConfigSchema {
    public enum Kind {
        BOOL, STRING, INTEGER,
        /** A Go {@code float64}: any JSON number (only the new architecture has such settings). */
        FLOAT,
        /** TiCDC's {@code JSONDuration}: int64 nanoseconds in JSON (a Go duration string is accepted too). */
        DURATION,
        STRINGS, INTEGERS, TABLE, TABLES
    }

    /** How a Go field is declared, which decides how absence, null and zero values look in JSON. */
    public enum Presence {
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

    /**
     * One setting. {@code goType} is the Go type as Go's errors name it ({@code uint64}, {@code []string},
     * {@code v2.FilterConfig}, {@code []*v2.DispatchRule}, ...); {@code table} describes nested tables.
     */
    public record Field(String toml, String json, Kind kind, String goType, Presence presence, Table table) {
        /** The Go integer type of an integer, of an integer array's elements or of a duration's nanoseconds. */
        public String goIntegerType() {
            return switch (kind) {
                case INTEGER -> goType;
                case INTEGERS -> goType.substring("[]".length());
                case DURATION -> "int64";
                default -> throw new IllegalStateException(json + " holds no integers");
            };
        }

        /** Inclusive range of {@link #goIntegerType()} on a 64-bit server. */
        public BigInteger min() {
            return goIntegerType().startsWith("uint") ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(integerBits() - 1).negate();
        }

        public BigInteger max() {
            int valueBits = goIntegerType().startsWith("uint") ? integerBits() : integerBits() - 1;
            return BigInteger.ONE.shiftLeft(valueBits).subtract(BigInteger.ONE);
        }

        private int integerBits() {
            String digits = goIntegerType().replaceAll("\\D", "");
            return digits.isEmpty() ? 64 : Integer.parseInt(digits);
        }

        private Field withPresence(Presence p) {
            return new Field(toml, json, kind, goType, p, table);
        }

        private Field withJson(String jsonName) {
            return new Field(toml, jsonName, kind, goType, presence, table);
        }
    }

    /** A key older TiCDC versions read under another name; {@code since} is the release that renamed it. */
    public record Renamed(String oldToml, String newToml, String since) {}

    /**
     * A key newer TiCDC versions no longer read. Ignoring it is safe unless {@code refuseWhenTrue} names a sub-key
     * that is set to true: then the file asked for behaviour TiCDC cannot give any more, and {@code advice} says
     * what replaced it.
     */
    public record Removed(String toml, String refuseWhenTrue, String advice) {}

    /** A Go struct ({@code goName} without the {@code v2.} package) and its fields in declaration order. */
    public record Table(String goName, List<Field> fields, List<Renamed> renamed, List<Removed> removed) {
        public String goType() {
            return "v2." + goName;
        }

        public Field byToml(String key) {
            return fields.stream().filter(f -> f.toml.equals(key)).findFirst().orElse(null);
        }

        public Field byJson(String key) {
            return fields.stream().filter(f -> f.json.equals(key)).findFirst().orElse(null);
        }

        public Renamed renamedFrom(String key) {
            return renamed.stream().filter(r -> r.oldToml.equals(key)).findFirst().orElse(null);
        }

        public Removed removed(String key) {
            return removed.stream().filter(r -> r.toml.equals(key)).findFirst().orElse(null);
        }

        private Table renaming(Renamed... names) {
            return new Table(goName, fields, List.of(names), removed);
        }

        private Table removing(Removed... keys) {
            return new Table(goName, fields, renamed, List.of(keys));
        }
    }

    private ReplicaConfigSchema() {}

    /** Most JSON names are the TOML key in snake_case; pulsar_config keeps the hyphens (its Go json tags do). */
    private static Table table(String goName, UnaryOperator<String> naming, Field... fields) {
        List<Field> named = new ArrayList<>();
        for (Field f : fields) {
            named.add(f.json != null ? f : f.withJson(naming.apply(f.toml)));
        }
        return new Table(goName, List.copyOf(named), List.of(), List.of());
    }

    private static Table table(String goName, Field... fields) {
        return table(goName, key -> key.replace('-', '_'), fields);
    }

    /** A field whose JSON name is not derived from its TOML key. */
    private static Field json(String json, Field f) {
        return f.withJson(json);
    }

    private static Field field(String toml, Kind kind, String goType, Table table) {
        return new Field(toml, null, kind, goType, Presence.VALUE, table);
    }

    private static Field bool(String toml) {
        return field(toml, Kind.BOOL, "bool", null);
    }

    private static Field string(String toml) {
        return field(toml, Kind.STRING, "string", null);
    }

    private static Field strings(String toml) {
        return field(toml, Kind.STRINGS, "[]string", null);
    }

    private static Field integer(String toml, String goType) {
        return field(toml, Kind.INTEGER, goType, null);
    }

    private static Field integer(String toml) {
        return integer(toml, "int");
    }

    private static Field duration(String toml) {
        return field(toml, Kind.DURATION, "v2.JSONDuration", null);
    }

    private static Field table(String toml, Table table) {
        return field(toml, Kind.TABLE, table.goType(), table);
    }

    private static Field tables(String toml, Table table) {
        return field(toml, Kind.TABLES, "[]" + table.goType(), table);
    }

    private static Field pointerTables(String toml, Table table) {
        return field(toml, Kind.TABLES, "[]*" + table.goType(), table);
    }

    private static Field omitEmpty(Field f) {
        return f.withPresence(Presence.VALUE_OMITEMPTY);
    }

    private static Field pointer(Field f) {
        return f.withPresence(Presence.POINTER);
    }

    private static Field optional(Field f) {
        return f.withPresence(Presence.POINTER_OMITEMPTY);
    }

    private static final Table EVENT_FILTER = table("EventFilterRule", strings("matcher"), strings("ignore-event"),
            strings("ignore-sql"), string("ignore-insert-value-expr"), string("ignore-update-new-value-expr"),
            string("ignore-update-old-value-expr"), string("ignore-delete-value-expr"));

    private static final Table FILTER = table("FilterConfig", omitEmpty(strings("rules")),
            omitEmpty(field("ignore-txn-start-ts", Kind.INTEGERS, "[]uint64", null)),
            omitEmpty(tables("event-filters", EVENT_FILTER)))
            // An internal list of DDL job types, removed in v6.2 (tiflow#6743); TiCDC decides this itself now.
            .removing(new Removed("ddl-allow-list", null, null));

    private static final Table CSV = table("CSVConfig", string("delimiter"), string("quote"), string("null"),
            bool("include-commit-ts"), string("binary-encoding-method"), bool("output-old-value"),
            bool("output-handle-key"), bool("output-field-header"));

    /** TiCDC still reads {@code dispatcher}, the old name of {@code partition}, and sends it as {@code partition}. */
    private static final Table DISPATCHER = table("DispatchRule", omitEmpty(strings("matcher")),
            omitEmpty(string("partition")), omitEmpty(string("index")), omitEmpty(strings("columns")),
            omitEmpty(string("topic")))
            .renaming(new Renamed("dispatcher", "partition", null));

    private static final Table COLUMN_SELECTOR = table("ColumnSelector", omitEmpty(strings("matcher")),
            omitEmpty(strings("columns")));

    private static final Table CODEC = table("CodecConfig", optional(bool("enable-tidb-extension")),
            optional(integer("max-batch-size")), optional(bool("avro-enable-watermark")),
            optional(string("avro-decimal-handling-mode")), optional(string("avro-bigint-unsigned-handling-mode")),
            optional(string("encoding-format")));

    private static final Table LARGE_MESSAGE_HANDLE = table("LargeMessageHandleConfig",
            string("large-message-handle-option"), string("large-message-handle-compression"),
            string("claim-check-storage-uri"), bool("claim-check-raw-value"));

    private static final Table GLUE_SCHEMA_REGISTRY = table("GlueSchemaRegistryConfig", string("registry-name"),
            string("region"), omitEmpty(string("access-key")), omitEmpty(string("secret-access-key")),
            omitEmpty(string("token")));

    private static final Table KAFKA = table("KafkaConfig", optional(integer("partition-num", "int32")),
            optional(integer("replication-factor", "int16")), optional(string("kafka-version")),
            optional(integer("max-message-bytes")), optional(string("compression")),
            optional(string("kafka-client-id")), optional(bool("auto-create-topic")),
            optional(string("dial-timeout")), optional(string("write-timeout")), optional(string("read-timeout")),
            optional(integer("required-acks")), optional(string("sasl-user")), optional(string("sasl-password")),
            optional(string("sasl-mechanism")), optional(string("sasl-gssapi-auth-type")),
            optional(string("sasl-gssapi-keytab-path")), optional(string("sasl-gssapi-kerberos-config-path")),
            optional(string("sasl-gssapi-service-name")), optional(string("sasl-gssapi-user")),
            optional(string("sasl-gssapi-password")), optional(string("sasl-gssapi-realm")),
            optional(bool("sasl-gssapi-disable-pafxfast")), optional(string("sasl-oauth-client-id")),
            optional(string("sasl-oauth-client-secret")), optional(string("sasl-oauth-token-url")),
            omitEmpty(strings("sasl-oauth-scopes")), optional(string("sasl-oauth-grant-type")),
            optional(string("sasl-oauth-audience")), optional(bool("enable-tls")), optional(string("ca")),
            optional(string("cert")), optional(string("key")), optional(bool("insecure-skip-verify")),
            optional(table("codec-config", CODEC)), optional(table("large-message-handle", LARGE_MESSAGE_HANDLE)),
            optional(table("glue-schema-registry-config", GLUE_SCHEMA_REGISTRY)),
            optional(bool("output-raw-change-event")));

    private static final UnaryOperator<String> SAME = UnaryOperator.identity();

    private static final Table PULSAR_OAUTH2 = table("PulsarOAuth2", SAME, omitEmpty(string("oauth2-issuer-url")),
            omitEmpty(string("oauth2-audience")), omitEmpty(string("oauth2-private-key")),
            omitEmpty(string("oauth2-client-id")), omitEmpty(string("oauth2-scope")));

    /**
     * Pulsar's JSON keys are hyphenated, and two TLS paths are named crosswise: the same Go field is
     * {@code tls-key-file-path} in TOML and {@code tls-certificate-path} in JSON (TOML called it
     * {@code tls-certificate-path} too until v8.0, tiflow#10611), {@code tls-certificate-file} is
     * {@code tls-private-key-path}.
     */
    private static final Table PULSAR = table("PulsarConfig", SAME,
            optional(json("tls-certificate-path", string("tls-key-file-path"))),
            optional(json("tls-private-key-path", string("tls-certificate-file"))),
            optional(string("tls-trust-certs-file-path")), optional(integer("pulsar-producer-cache-size", "int32")),
            optional(string("pulsar-version")), optional(string("compression-type")),
            optional(string("authentication-token")), optional(integer("connection-timeout")),
            optional(integer("operation-timeout")), optional(integer("batching-max-messages", "uint")),
            optional(integer("batching-max-publish-delay")), optional(integer("send-timeout")),
            optional(string("token-from-file")), optional(string("basic-user-name")),
            optional(string("basic-password")), optional(string("auth-tls-certificate-path")),
            optional(string("auth-tls-private-key-path")), optional(table("oauth2", PULSAR_OAUTH2)),
            optional(bool("output-raw-change-event")))
            .renaming(new Renamed("tls-certificate-path", "tls-key-file-path", "v8.0"));

    private static final Table MYSQL = table("MySQLConfig", optional(integer("worker-count")),
            optional(integer("max-txn-row")), optional(integer("max-multi-update-row-size")),
            optional(json("max_multi_update_row_count", integer("max-multi-update-row"))),
            optional(string("tidb-txn-mode")), optional(string("ssl-ca")), optional(string("ssl-cert")),
            optional(string("ssl-key")), optional(string("time-zone")), optional(string("write-timeout")),
            optional(string("read-timeout")), optional(string("timeout")), optional(bool("enable-batch-dml")),
            optional(bool("enable-multi-statement")), optional(bool("enable-cache-prepared-statement")));

    private static final Table CLOUD_STORAGE = table("CloudStorageConfig", optional(integer("worker-count")),
            optional(string("flush-interval")), optional(integer("file-size")), optional(bool("output-column-id")),
            optional(integer("file-expiration-days")), optional(string("file-cleanup-cron-spec")),
            optional(integer("flush-concurrency")), optional(bool("output-raw-change-event")));

    private static final Table SINK = sink(DISPATCHER, CLOUD_STORAGE, optional(bool("enable-kafka-sink-v2")));

    /** SinkConfig around the dispatch-rule and storage structs of one server. */
    private static Table sink(Table dispatcher, Table cloudStorage, Field enableKafkaSinkV2) {
        return table("SinkConfig", optional(string("protocol")),
                optional(string("schema-registry")), optional(table("csv", CSV)),
                omitEmpty(pointerTables("dispatchers", dispatcher)),
                omitEmpty(pointerTables("column-selectors", COLUMN_SELECTOR)),
                optional(string("transaction-atomicity")), optional(integer("encoder-concurrency")),
                optional(string("terminator")), optional(string("date-separator")),
                optional(bool("enable-partition-separator")),
                optional(json("file_index_width", integer("file-index-digit"))), enableKafkaSinkV2,
                optional(bool("only-output-updated-columns")), pointer(bool("delete-only-output-handle-key-columns")),
                pointer(bool("content-compatible")), optional(bool("safe-mode")),
                optional(table("kafka-config", KAFKA)), optional(table("pulsar-config", PULSAR)),
                optional(table("mysql-config", MYSQL)), optional(table("cloud-storage-config", cloudStorage)),
                optional(json("advance_timeout", integer("advance-timeout-in-sec", "uint"))),
                optional(integer("send-bootstrap-interval-in-sec", "int64")),
                optional(integer("send-bootstrap-in-msg-count", "int32")),
                optional(bool("send-bootstrap-to-all-partition")),
                // The one sink field whose Go json tag kept its hyphens.
                optional(json("send-all-bootstrap-at-start", bool("send-all-bootstrap-at-start"))),
                optional(bool("debezium-disable-schema")),
                optional(table("debezium", table("DebeziumConfig", bool("output-old-value")))),
                optional(table("open", table("OpenProtocolConfig", bool("output-old-value")))));
    }

    private static final Table CONSISTENT = table("ConsistentConfig", omitEmpty(string("level")),
            integer("max-log-size", "int64"), integer("flush-interval", "int64"),
            integer("meta-flush-interval", "int64"), integer("encoding-worker-num"), integer("flush-worker-num"),
            omitEmpty(string("storage")), bool("use-file-backend"), omitEmpty(string("compression")),
            omitEmpty(integer("flush-concurrency")),
            pointer(table("memory-usage", table("ConsistentMemoryUsage",
                    integer("memory-quota-percentage", "uint64")))));

    private static final Table SCHEDULER = table("ChangefeedSchedulerConfig", bool("enable-table-across-nodes"),
            integer("region-threshold"), integer("write-key-threshold"))
            // v6.6's name, replaced in v7.0 by the two settings above (tiflow#8489); cdc cli reads it but the API
            // has no such field, so it is never sent.
            .removing(new Removed("region-per-span", null, null));

    /** The replica config: the whole {@code --config} file, the {@code [config]} table of a spec, the API body. */
    public static final Table REPLICA_CONFIG = table("ReplicaConfig", integer("memory-quota", "uint64"),
            bool("case-sensitive"), bool("force-replicate"), bool("ignore-ineligible-table"),
            bool("check-gc-safe-point"), optional(bool("enable-sync-point")), optional(bool("enable-table-monitor")),
            optional(bool("bdr-mode")), optional(duration("sync-point-interval")),
            optional(duration("sync-point-retention")), pointer(table("filter", FILTER)),
            pointer(table("mounter", table("MounterConfig", integer("worker-num")))), pointer(table("sink", SINK)),
            optional(table("consistent", CONSISTENT)), pointer(table("scheduler", SCHEDULER)),
            pointer(table("integrity", table("IntegrityConfig", string("integrity-check-level"),
                    string("corruption-handle-level")))),
            optional(duration("changefeed-error-stuck-duration")),
            optional(table("synced-status", table("SyncedStatusConfig", integer("synced-check-interval", "int64"),
                    integer("checkpoint-interval", "int64")))),
            // Deprecated since v8.0: the server decodes it and drops it; TOML still maps it as is.
            string("sql-mode").withPresence(Presence.DISCARDED))
            .removing(
                    // Removed in v7.5 (tiflow#9224): TiCDC derives old values from the protocol (tiflow#10711).
                    new Removed("enable-old-value", null, null),
                    // Removed in v6.2 (tiflow#5850). Dropping a disabled section is harmless; dropping an enabled
                    // one would replicate changes back and forth between the clusters.
                    new Removed("cyclic-replication", "enable",
                            "TiCDC v6.2 removed cyclic replication; use 'bdr-mode' for bidirectional replication"));

    /**
     * The same struct in pingcap/ticdc's new architecture as released in v8.5.7 (ticdc api/v2/model.go
     * ReplicaConfig): every field a pointer left out when unset, the scheduler's span and balancing settings, the
     * table-routing keys of a dispatch rule, the storage sink's spool. The sink keys keep their tiflow names in this
     * release. {@code enable_kafka_sink_v2} and {@code sql_mode} are decoded but never stored
     * (toInternalReplicaConfigWithOriginConfig does not copy them).
     */
    public static final Table NEW_ARCHITECTURE = newArchitecture();

    /**
     * What a client reads and writes without knowing which server it talks to: every key either server knows, the
     * classic struct's first, so that a spec exported from one architecture is read back whichever answers.
     */
    public static final Table ANY_SERVER = union(REPLICA_CONFIG, NEW_ARCHITECTURE);

    private static Table union(Table first, Table second) {
        List<Field> fields = new ArrayList<>();
        for (Field f : first.fields) {
            Field other = second.byToml(f.toml);
            boolean nested = other != null && f.table != null && other.table != null;
            fields.add(nested ? new Field(f.toml, f.json, f.kind, f.goType, f.presence, union(f.table, other.table))
                    : f);
        }
        second.fields.stream().filter(f -> first.byToml(f.toml) == null).forEach(fields::add);
        List<Renamed> renamed = new ArrayList<>(first.renamed);
        second.renamed.stream().filter(r -> first.renamedFrom(r.oldToml) == null).forEach(renamed::add);
        List<Removed> removed = new ArrayList<>(first.removed);
        second.removed.stream().filter(r -> first.removed(r.toml) == null).forEach(removed::add);
        return new Table(first.goName, List.copyOf(fields), List.copyOf(renamed), List.copyOf(removed));
    }

    private static Table newArchitecture() {
        Table dispatcher = table("DispatchRule", omitEmpty(strings("matcher")), omitEmpty(string("partition")),
                omitEmpty(string("index")), omitEmpty(strings("columns")), omitEmpty(string("topic")),
                // Hyphenated JSON names, as their Go tags are.
                omitEmpty(json("target-schema", string("target-schema"))),
                omitEmpty(json("target-table", string("target-table"))))
                .renaming(new Renamed("dispatcher", "partition", null));
        Table cloudStorage = table("CloudStorageConfig", optional(integer("worker-count")),
                optional(string("flush-interval")), optional(integer("file-size")),
                optional(integer("spool-disk-quota", "int64")), optional(string("spool-base-dir")),
                optional(bool("output-column-id")), optional(integer("file-expiration-days")),
                optional(string("file-cleanup-cron-spec")), optional(integer("flush-concurrency")),
                optional(bool("output-raw-change-event")), optional(bool("use-table-id-as-path")));
        Table consistent = table("ConsistentConfig", optional(string("level")),
                optional(integer("max-log-size", "int64")), optional(integer("flush-interval", "int64")),
                optional(integer("meta-flush-interval", "int64")), optional(integer("encoding-worker-num")),
                optional(integer("flush-worker-num")), optional(string("storage")), optional(bool("use-file-backend")),
                optional(string("compression")), optional(integer("flush-concurrency")),
                optional(table("memory-usage", table("ConsistentMemoryUsage",
                        integer("memory-quota-percentage", "uint64")))));
        // region_count_refresh_interval is a plain time.Duration here, not a JSONDuration: integers only.
        Table scheduler = table("ChangefeedSchedulerConfig", optional(bool("enable-table-across-nodes")),
                optional(integer("region-threshold")), optional(integer("region-count-per-span")),
                optional(integer("region-count-refresh-interval", "time.Duration")),
                optional(integer("write-key-threshold")), optional(integer("scheduling-task-count-per-node")),
                optional(bool("enable-splittable-check")), optional(bool("force-split")),
                optional(integer("balance-score-threshold")),
                optional(field("min-traffic-percentage", Kind.FLOAT, "float64", null)),
                optional(field("max-traffic-percentage", Kind.FLOAT, "float64", null)));
        return table("ReplicaConfig", optional(integer("memory-quota", "uint64")),
                optional(bool("case-sensitive")), optional(bool("force-replicate")),
                optional(bool("ignore-ineligible-table")), optional(bool("check-gc-safe-point")),
                optional(bool("enable-sync-point")), optional(bool("enable-table-monitor")), optional(bool("bdr-mode")),
                optional(duration("sync-point-interval")), optional(duration("sync-point-retention")),
                optional(table("filter", FILTER)),
                optional(table("mounter", table("MounterConfig", optional(integer("worker-num"))))),
                optional(table("sink", sink(dispatcher, cloudStorage,
                        bool("enable-kafka-sink-v2").withPresence(Presence.DISCARDED)))),
                optional(table("consistent", consistent)), optional(table("scheduler", scheduler)),
                optional(table("integrity", table("IntegrityConfig", optional(string("integrity-check-level")),
                        optional(string("corruption-handle-level"))))),
                optional(duration("changefeed-error-stuck-duration")),
                optional(table("synced-status", table("SyncedStatusConfig",
                        pointer(integer("synced-check-interval", "int64")),
                        pointer(integer("checkpoint-interval", "int64"))))),
                string("sql-mode").withPresence(Presence.DISCARDED));
    }
}
