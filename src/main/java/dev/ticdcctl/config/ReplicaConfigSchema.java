package dev.ticdcctl.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * TiCDC's changefeed config as both sides name it: the kebab-case keys of {@code cdc cli --config} (tiflow
 * {@code pkg/config}, the {@code toml} tags) and the API's {@code replica_config} JSON names (tiflow
 * {@code cdc/api/v2/model.go}), with each value's kind and range. Read from tiflow {@code c7b2588ef6} and checked
 * against the TOML keys of every release since v5.0 for the renamed and removed ones.
 */
final class ReplicaConfigSchema {
    enum Kind {
        BOOL("true or false"),
        STRING("a string"),
        INTEGER("an integer"),
        /** int64 nanoseconds in JSON; in TOML a Go duration string or an integer of nanoseconds. */
        DURATION("a duration such as \"10m\" or an integer of nanoseconds"),
        STRINGS("an array of strings"),
        INTEGERS("an array of integers"),
        TABLE("a table"),
        TABLES("an array of tables");

        /** What a value of this kind must be, for "'key' must be ..." messages. */
        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** One setting; {@code min}/{@code max} bound integers (Go's int16, uint, ...), {@code table} nested ones. */
    record Field(String toml, String json, Kind kind, long min, long max, Table table) {}

    /** A key older TiCDC versions read under another name; {@code since} is the release that renamed it. */
    record Renamed(String oldToml, String newToml, String since) {}

    /**
     * A key newer TiCDC versions no longer read. Ignoring it is safe unless {@code refuseWhenTrue} names a sub-key
     * that is set to true: then the file asked for behaviour TiCDC cannot give any more, and {@code advice} says
     * what replaced it.
     */
    record Removed(String toml, String refuseWhenTrue, String advice) {}

    record Table(List<Field> fields, List<Renamed> renamed, List<Removed> removed) {
        Field byToml(String key) {
            return fields.stream().filter(f -> f.toml.equals(key)).findFirst().orElse(null);
        }

        Field byJson(String key) {
            return fields.stream().filter(f -> f.json.equals(key)).findFirst().orElse(null);
        }

        Renamed renamedFrom(String key) {
            return renamed.stream().filter(r -> r.oldToml.equals(key)).findFirst().orElse(null);
        }

        Removed removed(String key) {
            return removed.stream().filter(r -> r.toml.equals(key)).findFirst().orElse(null);
        }

        Table renaming(Renamed... names) {
            return new Table(fields, List.of(names), removed);
        }

        Table removing(Removed... keys) {
            return new Table(fields, renamed, List.of(keys));
        }
    }

    /** Go integer types on a 64-bit server; TOML integers are int64, so unsigned ones stop at Long.MAX_VALUE. */
    private enum GoInt {
        INT(Long.MIN_VALUE, Long.MAX_VALUE), INT16(Short.MIN_VALUE, Short.MAX_VALUE),
        INT32(Integer.MIN_VALUE, Integer.MAX_VALUE), UINT(0, Long.MAX_VALUE);

        final long min;
        final long max;

        GoInt(long min, long max) {
            this.min = min;
            this.max = max;
        }
    }

    private static final GoInt INT64 = GoInt.INT;
    private static final GoInt UINT64 = GoInt.UINT;

    /** Most JSON names are the TOML key in snake_case; pulsar_config keeps the hyphens (its Go json tags do). */
    private static final Function<String, String> SNAKE = key -> key.replace('-', '_');
    private static final Function<String, String> SAME = Function.identity();

    private ReplicaConfigSchema() {}

    /** Fields named by {@code naming}; an entry is a Field or an {@code Irregular} (TOML and JSON names differ). */
    private static Table table(Function<String, String> naming, Object... entries) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Object entry : entries) {
            Field f = entry instanceof Irregular irregular ? irregular.field : (Field) entry;
            Field named = entry instanceof Irregular ? f : new Field(f.toml, naming.apply(f.toml), f.kind, f.min,
                    f.max, f.table);
            fields.put(named.toml, named);
        }
        return new Table(List.copyOf(fields.values()), List.of(), List.of());
    }

    private static Table table(Object... entries) {
        return table(SNAKE, entries);
    }

    /** A field whose JSON name is not derived from its TOML key. */
    private record Irregular(Field field) {}

    private static Irregular json(String json, Field f) {
        return new Irregular(new Field(f.toml, json, f.kind, f.min, f.max, f.table));
    }

    private static Field bool(String toml) {
        return new Field(toml, null, Kind.BOOL, 0, 0, null);
    }

    private static Field string(String toml) {
        return new Field(toml, null, Kind.STRING, 0, 0, null);
    }

    private static Field strings(String toml) {
        return new Field(toml, null, Kind.STRINGS, 0, 0, null);
    }

    private static Field integer(String toml, GoInt type) {
        return new Field(toml, null, Kind.INTEGER, type.min, type.max, null);
    }

    private static Field integer(String toml) {
        return integer(toml, GoInt.INT);
    }

    private static Field duration(String toml) {
        return new Field(toml, null, Kind.DURATION, Long.MIN_VALUE, Long.MAX_VALUE, null);
    }

    private static Field table(String toml, Table table) {
        return new Field(toml, null, Kind.TABLE, 0, 0, table);
    }

    private static Field tables(String toml, Table table) {
        return new Field(toml, null, Kind.TABLES, 0, 0, table);
    }

    private static final Table EVENT_FILTER = table(strings("matcher"), strings("ignore-event"),
            strings("ignore-sql"), string("ignore-insert-value-expr"), string("ignore-update-new-value-expr"),
            string("ignore-update-old-value-expr"), string("ignore-delete-value-expr"));

    private static final Table FILTER = table(strings("rules"),
            new Field("ignore-txn-start-ts", null, Kind.INTEGERS, UINT64.min, UINT64.max, null),
            tables("event-filters", EVENT_FILTER))
            // An internal list of DDL job types, removed in v6.2 (tiflow#6743); TiCDC decides this itself now.
            .removing(new Removed("ddl-allow-list", null, null));

    private static final Table CSV = table(string("delimiter"), string("quote"), string("null"),
            bool("include-commit-ts"), string("binary-encoding-method"), bool("output-old-value"),
            bool("output-handle-key"), bool("output-field-header"));

    /** TiCDC still reads {@code dispatcher}, the old name of {@code partition}, and sends it as {@code partition}. */
    private static final Table DISPATCHER = table(strings("matcher"), string("partition"), string("index"),
            strings("columns"), string("topic"))
            .renaming(new Renamed("dispatcher", "partition", null));

    private static final Table COLUMN_SELECTOR = table(strings("matcher"), strings("columns"));

    private static final Table CODEC = table(bool("enable-tidb-extension"), integer("max-batch-size"),
            bool("avro-enable-watermark"), string("avro-decimal-handling-mode"),
            string("avro-bigint-unsigned-handling-mode"), string("encoding-format"));

    private static final Table LARGE_MESSAGE_HANDLE = table(string("large-message-handle-option"),
            string("large-message-handle-compression"), string("claim-check-storage-uri"),
            bool("claim-check-raw-value"));

    private static final Table GLUE_SCHEMA_REGISTRY = table(string("registry-name"), string("region"),
            string("access-key"), string("secret-access-key"), string("token"));

    private static final Table KAFKA = table(integer("partition-num", GoInt.INT32),
            integer("replication-factor", GoInt.INT16), string("kafka-version"), integer("max-message-bytes"),
            string("compression"), string("kafka-client-id"), bool("auto-create-topic"), string("dial-timeout"),
            string("write-timeout"), string("read-timeout"), integer("required-acks"), string("sasl-user"),
            string("sasl-password"), string("sasl-mechanism"), string("sasl-gssapi-auth-type"),
            string("sasl-gssapi-keytab-path"), string("sasl-gssapi-kerberos-config-path"),
            string("sasl-gssapi-service-name"), string("sasl-gssapi-user"), string("sasl-gssapi-password"),
            string("sasl-gssapi-realm"), bool("sasl-gssapi-disable-pafxfast"), string("sasl-oauth-client-id"),
            string("sasl-oauth-client-secret"), string("sasl-oauth-token-url"), strings("sasl-oauth-scopes"),
            string("sasl-oauth-grant-type"), string("sasl-oauth-audience"), bool("enable-tls"), string("ca"),
            string("cert"), string("key"), bool("insecure-skip-verify"), table("codec-config", CODEC),
            table("large-message-handle", LARGE_MESSAGE_HANDLE),
            table("glue-schema-registry-config", GLUE_SCHEMA_REGISTRY), bool("output-raw-change-event"));

    private static final Table PULSAR_OAUTH2 = table(SAME, string("oauth2-issuer-url"), string("oauth2-audience"),
            string("oauth2-private-key"), string("oauth2-client-id"), string("oauth2-scope"));

    /**
     * Pulsar's JSON keys are hyphenated, and two TLS paths are named crosswise: the same Go field is
     * {@code tls-key-file-path} in TOML and {@code tls-certificate-path} in JSON (TOML called it
     * {@code tls-certificate-path} too until v8.0, tiflow#10611), {@code tls-certificate-file} is
     * {@code tls-private-key-path}.
     */
    private static final Table PULSAR = table(SAME,
            json("tls-certificate-path", string("tls-key-file-path")),
            json("tls-private-key-path", string("tls-certificate-file")),
            string("tls-trust-certs-file-path"), integer("pulsar-producer-cache-size", GoInt.INT32),
            string("pulsar-version"), string("compression-type"), string("authentication-token"),
            integer("connection-timeout"), integer("operation-timeout"),
            integer("batching-max-messages", GoInt.UINT), integer("batching-max-publish-delay"),
            integer("send-timeout"), string("token-from-file"), string("basic-user-name"), string("basic-password"),
            string("auth-tls-certificate-path"), string("auth-tls-private-key-path"), table("oauth2", PULSAR_OAUTH2),
            bool("output-raw-change-event"))
            .renaming(new Renamed("tls-certificate-path", "tls-key-file-path", "v8.0"));

    private static final Table MYSQL = table(integer("worker-count"), integer("max-txn-row"),
            integer("max-multi-update-row-size"),
            json("max_multi_update_row_count", integer("max-multi-update-row")),
            string("tidb-txn-mode"), string("ssl-ca"), string("ssl-cert"), string("ssl-key"), string("time-zone"),
            string("write-timeout"), string("read-timeout"), string("timeout"), bool("enable-batch-dml"),
            bool("enable-multi-statement"), bool("enable-cache-prepared-statement"));

    private static final Table CLOUD_STORAGE = table(integer("worker-count"), string("flush-interval"),
            integer("file-size"), bool("output-column-id"), integer("file-expiration-days"),
            string("file-cleanup-cron-spec"), integer("flush-concurrency"), bool("output-raw-change-event"));

    private static final Table OUTPUT_OLD_VALUE = table(bool("output-old-value"));

    private static final Table SINK = table(string("protocol"), string("schema-registry"), table("csv", CSV),
            tables("dispatchers", DISPATCHER), tables("column-selectors", COLUMN_SELECTOR),
            string("transaction-atomicity"), integer("encoder-concurrency"), string("terminator"),
            string("date-separator"), bool("enable-partition-separator"),
            json("file_index_width", integer("file-index-digit")), bool("enable-kafka-sink-v2"),
            bool("only-output-updated-columns"), bool("delete-only-output-handle-key-columns"),
            bool("content-compatible"), bool("safe-mode"), table("kafka-config", KAFKA),
            table("pulsar-config", PULSAR), table("mysql-config", MYSQL),
            table("cloud-storage-config", CLOUD_STORAGE),
            json("advance_timeout", integer("advance-timeout-in-sec", GoInt.UINT)),
            integer("send-bootstrap-interval-in-sec", INT64),
            integer("send-bootstrap-in-msg-count", GoInt.INT32), bool("send-bootstrap-to-all-partition"),
            // The one sink field whose Go json tag kept its hyphens.
            json("send-all-bootstrap-at-start", bool("send-all-bootstrap-at-start")),
            bool("debezium-disable-schema"), table("debezium", OUTPUT_OLD_VALUE), table("open", OUTPUT_OLD_VALUE));

    private static final Table CONSISTENT = table(string("level"), integer("max-log-size", INT64),
            integer("flush-interval", INT64), integer("meta-flush-interval", INT64),
            integer("encoding-worker-num"), integer("flush-worker-num"), string("storage"),
            bool("use-file-backend"), string("compression"), integer("flush-concurrency"),
            table("memory-usage", table(integer("memory-quota-percentage", UINT64))));

    private static final Table SCHEDULER = table(bool("enable-table-across-nodes"), integer("region-threshold"),
            integer("write-key-threshold"))
            // v6.6's name, replaced in v7.0 by the two settings above (tiflow#8489); cdc cli reads it but the API
            // has no such field, so it is never sent.
            .removing(new Removed("region-per-span", null, null));

    /** The replica config: the whole {@code --config} file, or the {@code [config]} table of a spec. */
    static final Table REPLICA_CONFIG = table(integer("memory-quota", UINT64), bool("case-sensitive"),
            bool("force-replicate"), bool("ignore-ineligible-table"), bool("check-gc-safe-point"),
            bool("enable-sync-point"), bool("enable-table-monitor"), bool("bdr-mode"),
            duration("sync-point-interval"), duration("sync-point-retention"), table("filter", FILTER),
            table("mounter", table(integer("worker-num"))), table("sink", SINK), table("consistent", CONSISTENT),
            table("scheduler", SCHEDULER),
            table("integrity", table(string("integrity-check-level"), string("corruption-handle-level"))),
            duration("changefeed-error-stuck-duration"),
            table("synced-status", table(integer("synced-check-interval", INT64),
                    integer("checkpoint-interval", INT64))),
            // Deprecated since v8.0 (the server drops it) but still part of both schemas, so it maps as is.
            string("sql-mode"))
            .removing(
                    // Removed in v7.5 (tiflow#9224): TiCDC derives old values from the protocol (tiflow#10711).
                    new Removed("enable-old-value", null, null),
                    // Removed in v6.2 (tiflow#5850). Dropping a disabled section is harmless; dropping an enabled
                    // one would replicate changes back and forth between the clusters.
                    new Removed("cyclic-replication", "enable",
                            "TiCDC v6.2 removed cyclic replication; use 'bdr-mode' for bidirectional replication"));
}
