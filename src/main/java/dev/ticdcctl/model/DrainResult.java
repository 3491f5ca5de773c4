package dev.ticdcctl.model;

/**
 * {@code POST /api/v2/captures/{id}/drain} (classic) or {@code PUT /api/v1/captures/drain} (new architecture): the
 * tables the capture still holds.
 */
public record DrainResult(Integer currentTableCount) {} // the client rejects an answer without it
