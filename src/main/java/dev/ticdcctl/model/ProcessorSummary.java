package dev.ticdcctl.model;

/** One item of {@code GET /processors}. */
public record ProcessorSummary(String namespace, String changefeedId, String captureId) {}
