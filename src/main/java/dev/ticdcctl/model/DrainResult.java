package dev.ticdcctl.model;

/** {@code POST /captures/{id}/drain}: tables still held by the capture. */
public record DrainResult(int currentTableCount) {}
