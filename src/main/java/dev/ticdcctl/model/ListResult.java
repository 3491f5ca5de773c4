package dev.ticdcctl.model;

import java.util.List;

/** The {@code {"total": n, "items": [...]}} envelope of every v2 list route. */
public record ListResult<T>(int total, List<T> items) {
    public ListResult {
        items = items == null ? List.of() : items;
    }
}
