package dev.ticdcctl.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies. Absent (null) fields are omitted, so the server applies its own defaults. */
public final class Requests {
    private Requests() {}

    /** {@code POST /changefeeds}. Never send {@code replica_config: null}: the server panics on it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateChangefeed(
            String namespace,
            String changefeedId,
            Long startTs,
            Long targetTs,
            String sinkUri,
            JsonNode replicaConfig) {
        /** Renamed sink keys go in both spellings, so either architecture reads them (see SinkKeyNames). */
        public CreateChangefeed {
            replicaConfig = SinkKeyNames.withBoth(replicaConfig);
        }
    }

    /**
     * {@code PUT /changefeeds/{id}}: {@code sink_uri} only when it changes (GET returns it masked), and
     * {@code replica_config} only when complete, because the server replaces the whole config with it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpdateChangefeed(Long targetTs, String sinkUri, JsonNode replicaConfig) {
        /** Never a {@code start_ts}: the new architecture refuses one (ticdc api/v2/changefeed.go UpdateChangefeed). */
        public UpdateChangefeed {
            replicaConfig = SinkKeyNames.withBoth(replicaConfig);
        }
    }

    /** {@code POST /changefeeds/{id}/resume}; the server requires a body, {@code {}} at least. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResumeChangefeed(Long overwriteCheckpointTs) {}

    /** {@code POST /log}. */
    public record LogLevel(String logLevel) {}

    /** {@code POST /unsafe/resolve_lock}. */
    public record ResolveLock(long regionId, long ts) {}

    /** {@code POST /tso} and {@code DELETE /unsafe/service_gc_safepoint}: {@code {}} selects the default upstream. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Upstream(Long id) {
        public static final Upstream DEFAULT = new Upstream(null);
    }
}
