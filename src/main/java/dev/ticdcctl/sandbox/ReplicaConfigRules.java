package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.util.GoDurations;
import java.util.Set;

/**
 * The checks of a replica config that do not belong to one sink family: the rest of tiflow
 * pkg/config/replica_config.go {@code ReplicaConfig.ValidateAndAdjust} once the sink section has passed (redo log,
 * sync point, memory quota, scheduler, integrity, error-stuck duration), in that order, first failure wins. The new
 * server's scheduler rules are its own; the others it shares.
 */
final class ReplicaConfigRules {
    private static final long SECOND = 1_000_000_000L;
    private static final long MIN_SYNC_POINT_INTERVAL = 30 * SECOND;
    private static final long MIN_SYNC_POINT_RETENTION = 3600 * SECOND;
    private static final long MIN_ERROR_STUCK_DURATION = 1800 * SECOND;
    private static final int MIN_REDO_FLUSH_INTERVAL_MS = 50;
    /** ticdc pkg/config/scheduler_config.go MinWriteKeyThreshold: 10 MiB. */
    private static final int MIN_WRITE_KEY_THRESHOLD = 10485760;

    private ReplicaConfigRules() {}

    /** Checks and adjusts {@code config} in place; {@code sink} is its sink section, if any. */
    static void validate(ObjectNode config, ObjectNode sink, GoUrl url, SinkKind kind, ServerDialect dialect) {
        validateConsistent(ConfigFields.object(config, "consistent"));
        validateSyncPoint(config);
        ReplicaConfigs.fixMemoryQuota(config);
        if (dialect.isNew()) {
            validateNewScheduler(config, kind);
        } else {
            validateScheduler(config, url);
        }
        validateIntegrity(ConfigFields.object(config, "integrity"), sink, kind);
        validateErrorStuckDuration(config);
    }

    /**
     * tiflow pkg/config/consistent.go {@code ConsistentConfig.ValidateAndAdjust} and the storage check of
     * pkg/redo/config.go {@code ValidateStorage}; only an enabled redo log ("eventual") is checked and completed.
     */
    private static void validateConsistent(ObjectNode consistent) {
        if (consistent == null || !"eventual".equals(ConfigFields.text(consistent, "level", ""))) {
            return;
        }
        defaultIfZero(consistent, "max_log_size", 64);
        defaultIfZero(consistent, "flush_interval", 2000);
        requireFlushInterval(consistent, "flush_interval", "flush-interval");
        defaultIfZero(consistent, "meta_flush_interval", 200);
        requireFlushInterval(consistent, "meta_flush_interval", "meta-flush-interval");
        String compression = ConfigFields.text(consistent, "compression", "");
        if (!compression.isEmpty() && !compression.equals("none") && !compression.equals("lz4")) {
            throw ApiError.invalidReplicaConfig("The consistent.compression:" + compression
                    + " must be 'none' or 'lz4'");
        }
        defaultIfZero(consistent, "encoding_worker_num", 16);
        defaultIfZero(consistent, "flush_worker_num", 8);
        String storage = ConfigFields.text(consistent, "storage", "");
        String scheme;
        try {
            // br's ParseRawURL protects '+' in secret keys before parsing.
            scheme = GoUrl.parse(storage.replace("+", "%2B")).scheme;
        } catch (GoUrl.ParseException e) {
            throw ApiError.invalidReplicaConfig("invalid storage uri: " + storage);
        }
        boolean supported = scheme.startsWith("blackhole")
                || Set.of("local", "nfs", "s3", "gcs", "gs", "azblob", "azure", "file", "noop").contains(scheme);
        if (!supported) {
            throw new ApiError(500, "CDC:ErrConsistentStorage", "consistent storage (" + scheme + ") not support");
        }
    }

    private static void requireFlushInterval(ObjectNode consistent, String field, String tomlName) {
        long value = ConfigFields.integer(consistent, field, 0);
        if (value < MIN_REDO_FLUSH_INTERVAL_MS) {
            throw ApiError.invalidReplicaConfig("The consistent." + tomlName + ":" + value
                    + " must be equal or greater than " + MIN_REDO_FLUSH_INTERVAL_MS);
        }
    }

    private static void defaultIfZero(ObjectNode node, String field, long defaultValue) {
        if (ConfigFields.integer(node, field, 0) == 0) {
            node.set(field, ReplicaConfigCodec.number(defaultValue));
        }
    }

    private static void validateSyncPoint(ObjectNode config) {
        if (!ConfigFields.isTrue(config, "enable_sync_point")) {
            return;
        }
        long interval = ConfigFields.integer(config, "sync_point_interval", MIN_SYNC_POINT_INTERVAL);
        if (interval < MIN_SYNC_POINT_INTERVAL) {
            throw ApiError.invalidReplicaConfig("The SyncPointInterval:" + GoDurations.format(interval)
                    + " must be larger than " + GoDurations.format(MIN_SYNC_POINT_INTERVAL));
        }
        long retention = ConfigFields.integer(config, "sync_point_retention", MIN_SYNC_POINT_RETENTION);
        if (retention < MIN_SYNC_POINT_RETENTION) {
            throw ApiError.invalidReplicaConfig("The SyncPointRetention:" + GoDurations.format(retention)
                    + " must be larger than " + GoDurations.format(MIN_SYNC_POINT_RETENTION));
        }
    }

    /** tiflow pkg/config/scheduler_config.go {@code ChangefeedSchedulerConfig.Validate}, then the span switch. */
    private static void validateScheduler(ObjectNode config, GoUrl url) {
        ObjectNode scheduler = ConfigFields.object(config, "scheduler");
        if (scheduler == null) {
            scheduler = (ObjectNode) ReplicaConfigs.defaults().get("scheduler");
            config.set("scheduler", scheduler);
        } else if (ConfigFields.isTrue(scheduler, "enable_table_across_nodes")) {
            // Plain Go errors: no code, so 500 with error_code "".
            if (ConfigFields.integer(scheduler, "region_threshold", 0) < 0) {
                throw ApiError.plain("region-threshold must be larger than 0");
            }
            if (ConfigFields.integer(scheduler, "write_key_threshold", 0) < 0) {
                throw ApiError.plain("write-key-threshold must be larger than 0");
            }
        }
        // Span replication works only with these sinks; TiCDC switches it off silently elsewhere.
        if (!url.scheme.contains("kafka") && !url.scheme.contains("blackhole")) {
            scheduler.put("enable_table_across_nodes", false);
        }
    }

    /**
     * ticdc pkg/config/scheduler_config.go {@code ChangefeedSchedulerConfig.ValidateAndAdjust} (v8.5.7): checked only
     * with span replication on, which no sink switches off; MySQL-compatible sinks split only splittable tables
     * unless {@code force_split}. The refusals are plain Go errors.
     */
    private static void validateNewScheduler(ObjectNode config, SinkKind kind) {
        ObjectNode scheduler = ConfigFields.object(config, "scheduler");
        if (scheduler == null) {
            config.set("scheduler", NewReplicaConfigs.defaults().get("scheduler"));
            return;
        }
        if (!ConfigFields.isTrue(scheduler, "enable_table_across_nodes")) {
            return;
        }
        long regionThreshold = ConfigFields.integer(scheduler, "region_threshold", 0);
        refuseUnless(regionThreshold >= 0, "region-threshold must be larger than 0");
        long writeKeyThreshold = ConfigFields.integer(scheduler, "write_key_threshold", 0);
        refuseUnless(writeKeyThreshold >= 0, "write-key-threshold must be larger than 0");
        if (writeKeyThreshold > 0 && writeKeyThreshold < MIN_WRITE_KEY_THRESHOLD) {
            scheduler.put("write_key_threshold", MIN_WRITE_KEY_THRESHOLD);
        }
        refuseUnless(ConfigFields.integer(scheduler, "scheduling_task_count_per_node", 0) >= 0,
                "scheduling-task-count-per-node must be larger than 0");
        long regionsPerSpan = ConfigFields.integer(scheduler, "region_count_per_span", 0);
        refuseUnless(regionsPerSpan > 0, "region-count-per-span must be larger than 0");
        if (regionThreshold > 0 && regionsPerSpan > regionThreshold) {
            scheduler.set("region_count_per_span", ReplicaConfigCodec.number(regionThreshold));
        }
        refuseUnless(ConfigFields.integer(scheduler, "region_count_refresh_interval", 0) > 0,
                "region-count-refresh-interval must be larger than 0");
        refuseUnless(ConfigFields.integer(scheduler, "balance_score_threshold", 0) > 0,
                "balance-score-threshold must be larger than 0");
        double minTraffic = scheduler.path("min_traffic_percentage").asDouble(0);
        refuseUnless(minTraffic > 0 && minTraffic < 1, "min-traffic-percentage must be between 0 and 1");
        refuseUnless(scheduler.path("max_traffic_percentage").asDouble(0) > 1,
                "max-traffic-percentage must be greater than 1");
        boolean forceSplit = ConfigFields.isTrue(scheduler, "force_split");
        if (kind == SinkKind.MYSQL && !forceSplit) {
            scheduler.put("enable_splittable_check", true);
        } else if (forceSplit) {
            scheduler.put("enable_splittable_check", false);
        }
    }

    private static void refuseUnless(boolean holds, String otherwise) {
        if (!holds) {
            throw ApiError.plain(otherwise);
        }
    }

    /** tiflow pkg/integrity/integrity.go {@code Config.Validate}, after the switch-off for non-Kafka sinks. */
    private static void validateIntegrity(ObjectNode integrity, ObjectNode sink, SinkKind kind) {
        if (integrity == null) {
            return;
        }
        if (kind != SinkKind.KAFKA && "correctness".equals(ConfigFields.text(integrity, "integrity_check_level", ""))) {
            integrity.put("integrity_check_level", "none"); // only Kafka supports it; TiCDC just logs a warning
        }
        String level = ConfigFields.text(integrity, "integrity_check_level", "");
        String handling = ConfigFields.text(integrity, "corruption_handle_level", "");
        if (!Set.of("none", "correctness").contains(level) || !Set.of("warn", "error").contains(handling)) {
            // TiCDC builds this error without its argument, so Go prints %!s(MISSING).
            throw ApiError.invalidReplicaConfig("%!s(MISSING)");
        }
        JsonNode selectors = sink == null ? null : sink.get("column_selectors");
        if (level.equals("correctness") && selectors != null && !selectors.isEmpty()) {
            throw new ApiError(500, "CDC:ErrInvalidReplicaConfig",
                    "integrity check enabled and column selector set, not allowed");
        }
    }

    /** The minimum is enforced with an error (500), not clamped. */
    private static void validateErrorStuckDuration(ObjectNode config) {
        JsonNode stuck = config.get("changefeed_error_stuck_duration");
        if (stuck != null && stuck.isNumber() && stuck.longValue() < MIN_ERROR_STUCK_DURATION) {
            throw ApiError.invalidReplicaConfig("The ChangefeedErrorStuckDuration:" + GoDurations.secondsFixed6(
                    stuck.longValue()) + " must be larger than " + GoDurations.secondsFixed6(MIN_ERROR_STUCK_DURATION)
                    + " Seconds");
        }
    }
}
