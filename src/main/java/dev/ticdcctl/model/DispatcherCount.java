package dev.ticdcctl.model;

/** The new architecture's {@code GET /changefeeds/{id}/get_dispatcher_count}: spans, the DDL span included. */
public record DispatcherCount(Integer count) {} // the client rejects an answer without it
