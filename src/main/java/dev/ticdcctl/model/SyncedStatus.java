package dev.ticdcctl.model;

/** {@code GET /changefeeds/{id}/synced}; the {@code *_ts} fields are server-local time strings, not TSOs. */
public record SyncedStatus(
        boolean synced,
        String sinkCheckpointTs,
        String pullerResolvedTs,
        String lastSyncedTs,
        String nowTs,
        String info) {}
