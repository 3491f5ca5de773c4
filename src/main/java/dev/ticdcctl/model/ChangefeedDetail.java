package dev.ticdcctl.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code GET /changefeeds/{id}} and the create/update responses. {@code state} is the raw internal state;
 * {@code namespace} is the new architecture's {@code keyspace} too. Its {@code gid} (two unsigned 64-bit numbers)
 * is left to the JSON as received.
 */
public record ChangefeedDetail(
        String upstreamId, // a 64-bit ID kept as written: only ever shown
        @JsonAlias("keyspace") String namespace,
        String id,
        String sinkUri,
        String createTime,
        long startTs,
        long targetTs,
        JsonNode config,
        String state,
        RunningError error,
        String creatorVersion,
        long resolvedTs,
        long checkpointTs,
        String checkpointTime,
        List<TaskStatus> taskStatus) {

    /** The server omits an empty (not yet initialised) state: it reads as "". Renamed sink keys read as classic. */
    public ChangefeedDetail {
        state = state == null ? "" : state;
        config = SinkKeyNames.classic(config);
    }

    /** This changefeed with another sink URI, such as the unmasked one of {@code meta_info}. */
    public ChangefeedDetail withSinkUri(String uri) {
        return new ChangefeedDetail(upstreamId, namespace, id, uri, createTime, startTs, targetTs, config, state, error,
                creatorVersion, resolvedTs, checkpointTs, checkpointTime, taskStatus);
    }

    /** Tables a capture replicates for this changefeed. */
    public record TaskStatus(String captureId, List<Long> tableIds) {}
}
