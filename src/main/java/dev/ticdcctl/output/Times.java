package dev.ticdcctl.output;

import dev.ticdcctl.model.Tso;
import dev.ticdcctl.util.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Renders times for tables: on a terminal, local wall-clock times and relative ages a person reads at a glance;
 * off a terminal, absolute ISO-8601 UTC instants a script can parse. Safe to share between threads (the workers of
 * a bulk action): its only state is a cache held in one immutable value.
 */
public final class Times {
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Clock clock;
    private final boolean terminal;
    /**
     * Now for every lag measured, or null for the clock's now; kept apart from the clock, whose time zone is looked
     * up only when a local time is printed.
     */
    private final Instant frozenNow;
    /** The last UTC day formatted and its {@code yyyy-MM-ddT}: rows of a table mostly fall on one day. */
    private record Day(long epochDay, String prefix) {}

    private Day lastDay = new Day(Long.MIN_VALUE, null);

    public Times(Clock clock, boolean terminal) {
        this(clock, terminal, null);
    }

    private Times(Clock clock, boolean terminal, Instant frozenNow) {
        this.clock = clock;
        this.terminal = terminal;
        this.frozenNow = frozenNow;
    }

    /** These times with now fixed at this moment: every row of one table measures its lag against the same now. */
    public Times frozen() {
        return new Times(clock, terminal, clock.instant());
    }

    private Instant now() {
        return frozenNow != null ? frozenNow : clock.instant();
    }

    /**
     * A point in time, of one width whatever the time: local seconds on a terminal ({@code 2024-07-01T10:05:00}),
     * ISO-8601 UTC with milliseconds otherwise, {@code .000} included ({@code 2024-07-01T02:05:00.000Z}).
     */
    public String point(Instant time) {
        if (time == null) {
            return "";
        }
        return terminal ? LOCAL.format(time.atZone(clock.getZone())) : isoUtcMillis(time);
    }

    /**
     * ISO-8601 UTC to the millisecond, always with three digits of them, written by hand: a table of 10,000
     * changefeeds formats 10,000 of them, and the general formatter is several times slower.
     */
    String isoUtcMillis(Instant time) {
        long seconds = time.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        Day day = lastDay;
        if (epochDay != day.epochDay()) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                return Tso.utcMillis(time);
            }
            StringBuilder b = new StringBuilder(11).append(date.getYear()).append('-');
            two(b, date.getMonthValue()).append('-');
            two(b, date.getDayOfMonth()).append('T');
            day = new Day(epochDay, b.toString());
            lastDay = day;
        }
        int second = Math.floorMod(seconds, 86_400);
        StringBuilder b = new StringBuilder(24).append(day.prefix());
        two(b, second / 3600).append(':');
        two(b, second / 60 % 60).append(':');
        two(b, second % 60);
        int millis = time.getNano() / 1_000_000;
        b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10));
        return b.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** An age: {@code 5d ago} on a terminal, the ISO instant otherwise. */
    public String ago(Instant time) {
        if (time == null) {
            return "";
        }
        return terminal ? Durations.format(Duration.between(time, now())) + " ago" : point(time);
    }

    /** How far behind now a time is, e.g. {@code 3s}; the same on and off a terminal. */
    public String lag(Instant time) {
        return time == null ? "" : Durations.format(Duration.between(time, now()));
    }

    /** Parses the RFC 3339 times TiCDC writes for {@code create_time} and error times; null when absent or odd. */
    public static Instant parseRfc3339(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant time = OffsetDateTime.parse(text).toInstant();
            // Go's zero time, which the new architecture writes for an error of unknown time (ticdc
            // api/v2/changefeed.go GetChangeFeed), is unknown, not the year 1.
            return time.equals(GO_ZERO_TIME) ? null : time;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
