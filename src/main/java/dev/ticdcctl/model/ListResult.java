package dev.ticdcctl.model;

import java.util.List;

/** The {@code {"total": n, "items": [...]}} envelope of every v2 list route; the client rejects null items. */
public record ListResult<T>(int total, List<T> items) {}
