package dev.ticdcctl.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A TiDB timestamp oracle value: {@code physical_ms << 18 | logical}. */
public record Tso(long value) {
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    public static final int LOGICAL_BITS = 18;
    public static final long MAX_LOGICAL = (1L << LOGICAL_BITS) - 1;
    /** The last millisecond a TSO can hold: a TSO is below 2^63 (a Java long), so 45 bits are left for it. */
    public static final Instant LAST_TIME = Instant.ofEpochMilli(Long.MAX_VALUE >>> LOGICAL_BITS);

    private static final String TIME_EXAMPLES = "2024-07-01T10:05:00Z or 2024-07-01T18:05:00.123+08:00";

    public Tso {
        if (value < 0) {
            throw new IllegalArgumentException("a TSO is a non-negative 64-bit integer");
        }
    }

    /** Bad TSO or time text, with a message fit for the user and, where one helps, a hint. */
    public static final class InvalidInput extends IllegalArgumentException {
        private final String hint;

        InvalidInput(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        /** What to write instead, or null. */
        public String hint() {
            return hint;
        }
    }

    public static Tso of(long physicalMillis, long logical) {
        return new Tso((physicalMillis << LOGICAL_BITS) | (logical & MAX_LOGICAL));
    }

    /** The TSO of a time with logical part 0; digits finer than a millisecond are dropped (TSO resolution). */
    public static Tso at(Instant time) {
        return at(time, 0);
    }

    /** The TSO of a time and a logical part; throws {@link InvalidInput} for what a TSO cannot hold. */
    public static Tso at(Instant time, long logical) {
        if (time.isBefore(Instant.EPOCH)) {
            throw new InvalidInput(time + " is before the Unix epoch (1970-01-01T00:00:00Z), where TSOs begin", null);
        }
        if (time.truncatedTo(ChronoUnit.MILLIS).isAfter(LAST_TIME)) {
            throw new InvalidInput(time + " is after " + LAST_TIME + ", the last time a TSO can hold", null);
        }
        if (logical < 0 || logical > MAX_LOGICAL) {
            throw new InvalidInput("the logical part of a TSO is 0.." + MAX_LOGICAL + ", not " + logical, null);
        }
        return of(time.toEpochMilli(), logical);
    }

    /** Parses a decimal TSO; throws IllegalArgumentException with a message fit for the user. */
    public static Tso parse(String text) {
        try {
            return new Tso(Long.parseLong(text.trim()));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new InvalidInput("'" + text + "' is not a TSO (a non-negative 64-bit integer)", null);
        }
    }

    /**
     * Parses what a user may give where a TSO is expected: a decimal TSO, or an ISO-8601 time with a zone (see
     * {@link #parseTime}) that becomes the TSO of its millisecond with logical part 0.
     */
    public static Tso parseTsoOrTime(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("-?\\d+")) {
            return parse(trimmed);
        }
        if (!trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0))) {
            return at(parseTime(trimmed));
        }
        throw new InvalidInput("'" + text + "' is neither a TSO (e.g. 450835120160243717) nor an ISO-8601 time"
                + " with a zone (e.g. " + TIME_EXAMPLES + ")", null);
    }

    /**
     * Parses an ISO-8601 date and time with an explicit zone: {@code Z} or an offset such as {@code +08:00}; a space
     * may stand for the {@code T} (RFC 3339). A time without a zone is refused: it would depend on where the
     * command runs.
     */
    public static Instant parseTime(String text) {
        String iso = text.trim();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            String withZone = withoutZone(iso);
            if (withZone != null) {
                throw new InvalidInput("'" + text + "' has no time zone, so the time it means is ambiguous",
                        "add Z for UTC or an offset such as +08:00, e.g. " + withZone);
            }
            String why = e.getCause() instanceof DateTimeException invalid ? ": " + invalid.getMessage() : "";
            throw new InvalidInput("'" + text + "' is not an ISO-8601 time with a zone (e.g. " + TIME_EXAMPLES + ")"
                    + why, null);
        }
    }

    /** The text with {@code Z} added when it is a valid date or date-time lacking only a zone, else null. */
    private static String withoutZone(String iso) {
        try {
            LocalDateTime.parse(iso);
            return iso + "Z";
        } catch (DateTimeParseException e) {
            // not a date-time; maybe a date
        }
        try {
            LocalDate.parse(iso);
            return iso + "T00:00:00Z";
        } catch (DateTimeParseException e) {
            return null;
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

    /**
     * For a person reading a confirmation: the wall time first, to the millisecond, then the TSO a script or
     * {@code cdc cli} would use, e.g. {@code 2024-07-01T02:05:00.123Z (TSO 450835120160243717)}; 0 is {@code none}.
     */
    public String described() {
        if (value == 0) {
            return "none";
        }
        return utcMillis(instant()) + " (TSO " + value + ")";
    }

    /** A time as ISO-8601 UTC with always three digits of milliseconds, so that every such time has one width. */
    public static String utcMillis(Instant time) {
        return UTC_MILLIS.format(time);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
