package dev.ticdcctl.model;

/** One item of {@code GET /captures}. */
public record Capture(String id, boolean isOwner, String address, String clusterId) {}
