package dev.ticdcctl.model;

/** One key of {@code GET /unsafe/metadata}; the value is the raw stored JSON. */
public record EtcdEntry(String key, String value) {}
