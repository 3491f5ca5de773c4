package dev.ticdcctl.model;

/** One item of {@code GET /changefeeds} (the server maps internal states to display states). */
public record ChangefeedSummary(
        String upstreamId, // a 64-bit ID kept as written: only ever shown
        String namespace,
        String id,
        String state,
        long checkpointTso,
        String checkpointTime,
        RunningError error) {}
