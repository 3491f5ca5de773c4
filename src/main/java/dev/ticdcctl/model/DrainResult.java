package dev.ticdcctl.model;

/** {@code POST /captures/{id}/drain}: tables still held by the capture. */
public record DrainResult(Integer currentTableCount) {} // the client rejects an answer without it
