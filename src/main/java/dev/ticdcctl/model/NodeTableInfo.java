package dev.ticdcctl.model;

import java.util.List;

/**
 * One item of the new architecture's {@code GET /changefeeds/{id}/tables} (ticdc api/v2/model.go NodeTableInfo): the
 * capture running the spans, and one table ID per span; a split table repeats its ID and {@code 0} is the DDL span.
 */
public record NodeTableInfo(String nodeId, List<Long> tableIds) {
    /** The ID of the DDL span, which runs on the changefeed's maintainer. */
    public static final long DDL_SPAN = 0;
}
