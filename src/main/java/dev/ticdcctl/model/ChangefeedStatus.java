package dev.ticdcctl.model;

/** {@code GET /changefeeds/{id}/status}. */
public record ChangefeedStatus(
        String state, long resolvedTs, long checkpointTs, RunningError lastError, RunningError lastWarning) {}
