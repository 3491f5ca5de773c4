package dev.ticdcctl.output;

import dev.ticdcctl.util.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Renders times for tables: on a terminal, local wall-clock times and relative ages a person reads at a glance;
 * off a terminal, absolute ISO-8601 UTC instants a script can parse.
 */
public final class Times {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Clock clock;
    private final boolean terminal;

    public Times(Clock clock, boolean terminal) {
        this.clock = clock;
        this.terminal = terminal;
    }

    /** A point in time: local seconds on a terminal, ISO-8601 UTC with milliseconds otherwise. */
    public String point(Instant time) {
        if (time == null) {
            return "";
        }
        return terminal
                ? LOCAL.format(time.atZone(clock.getZone()))
                : DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /** An age: {@code 5d ago} on a terminal, the ISO instant otherwise. */
    public String ago(Instant time) {
        if (time == null) {
            return "";
        }
        return terminal ? Durations.format(Duration.between(time, clock.instant())) + " ago" : point(time);
    }

    /** How far behind now a time is, e.g. {@code 3s}; the same on and off a terminal. */
    public String lag(Instant time) {
        return time == null ? "" : Durations.format(Duration.between(time, clock.instant()));
    }

    /** Parses the RFC 3339 times TiCDC writes for {@code create_time} and error times; null when absent or odd. */
    public static Instant parseRfc3339(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
