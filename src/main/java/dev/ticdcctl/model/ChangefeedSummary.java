package dev.ticdcctl.model;

import java.math.BigInteger;

/** One item of {@code GET /changefeeds} (the server maps internal states to display states). */
public record ChangefeedSummary(
        BigInteger upstreamId,
        String namespace,
        String id,
        String state,
        long checkpointTso,
        String checkpointTime,
        RunningError error) {}
