package dev.ticdcctl.model;

import java.util.List;

/** {@code GET /processors/{changefeed}/{capture}}; {@code table_ids} may be null. */
public record ProcessorDetail(List<Long> tableIds) {
    public ProcessorDetail {
        tableIds = tableIds == null ? List.of() : tableIds;
    }
}
