package dev.ticdcctl.model;

import java.time.Instant;

/** A TiDB timestamp oracle value: {@code physical_ms << 18 | logical}. */
public record Tso(long value) {
    public static final int LOGICAL_BITS = 18;
    public static final long MAX_LOGICAL = (1L << LOGICAL_BITS) - 1;

    public Tso {
        if (value < 0) {
            throw new IllegalArgumentException("a TSO is a non-negative 64-bit integer");
        }
    }

    public static Tso of(long physicalMillis, long logical) {
        return new Tso((physicalMillis << LOGICAL_BITS) | (logical & MAX_LOGICAL));
    }

    public static Tso at(Instant time) {
        return of(time.toEpochMilli(), 0);
    }

    /** Parses a decimal TSO; throws IllegalArgumentException with a message fit for the user. */
    public static Tso parse(String text) {
        try {
            return new Tso(Long.parseLong(text.trim()));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException("'" + text + "' is not a TSO (a non-negative 64-bit integer)");
        }
    }

    public long physicalMillis() {
        return value >>> LOGICAL_BITS;
    }

    public long logical() {
        return value & MAX_LOGICAL;
    }

    public Instant instant() {
        return Instant.ofEpochMilli(physicalMillis());
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
