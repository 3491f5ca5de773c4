package dev.ticdcctl.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One item of {@code GET /processors}; the new architecture says {@code keyspace} for the namespace. */
public record ProcessorSummary(@JsonAlias("keyspace") String namespace, String changefeedId,
        String captureId) {}
