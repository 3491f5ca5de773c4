package dev.ticdcctl.model;

/**
 * {@code GET /status} of the node that answered. {@code liveness}: 0 alive, 1 stopping; on the new architecture from
 * v8.5.7, 1 draining and 2 stopping.
 */
public record ServerStatus(
        String version, String gitHash, String id, String clusterId, long pid, boolean isOwner, int liveness) {}
