package dev.ticdcctl.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * One item of {@code GET /changefeeds} (the server maps internal states to display states); {@code namespace} is the
 * new architecture's {@code keyspace} too.
 */
public record ChangefeedSummary(
        String upstreamId, // a 64-bit ID kept as written: only ever shown
        @JsonAlias("keyspace") String namespace,
        String id,
        String state,
        long checkpointTso,
        String checkpointTime,
        RunningError error) {}
