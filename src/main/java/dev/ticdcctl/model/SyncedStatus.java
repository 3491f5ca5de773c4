package dev.ticdcctl.model;

/** {@code GET /changefeeds/{id}/synced}; the {@code *_ts} fields are server-local time strings, not TSOs. */
public record SyncedStatus(
        Boolean synced, // the client rejects an answer without it
        String sinkCheckpointTs,
        String pullerResolvedTs,
        String lastSyncedTs,
        String nowTs,
        String info) {}
