package dev.ticdcctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticdcctl.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-07-01T02:05:00.123Z", "2024-07-01T02:05:00Z", "1970-01-01T00:00:00.001Z",
        "2099-12-31T23:59:59.999Z", "2024-02-29T12:00:00.010Z", "0001-01-01T00:00:00Z", "2024-07-01T02:05:00.123456Z"})
    void the_hand_written_format_is_iso_utc_with_three_digits_of_milliseconds(String text) {
        Instant time = Instant.parse(text);
        Times times = new Times(Clock.systemUTC(), false);

        assertEquals(iso(time), times.isoUtcMillis(time));
        // again after another day and on the same day: the cached date must follow the instant
        times.isoUtcMillis(time.plus(1, ChronoUnit.DAYS));
        assertEquals(iso(time), times.isoUtcMillis(time));
        assertEquals(iso(time.plusSeconds(1)), times.isoUtcMillis(time.plusSeconds(1)));
    }

    @Test
    void frozen_times_measure_every_lag_against_one_now() {
        TestClock clock = new TestClock(Instant.parse("2024-07-01T02:05:00Z"), ZoneOffset.UTC);
        Times frozen = new Times(clock, false).frozen();
        clock.sleep(Duration.ofMinutes(5));

        assertEquals("1m", frozen.lag(Instant.parse("2024-07-01T02:04:00Z")));
        assertEquals("6m", new Times(clock, false).lag(Instant.parse("2024-07-01T02:04:00Z")));
    }

    @Test
    void every_utc_time_of_a_table_has_one_width() {
        Times times = new Times(Clock.systemUTC(), false);

        assertEquals("2024-07-01T02:05:00.000Z", times.point(Instant.parse("2024-07-01T02:05:00Z")));
        assertEquals("2024-07-01T02:05:00.100Z", times.point(Instant.parse("2024-07-01T02:05:00.1Z")));
        assertEquals("0001-01-01T00:00:00.000Z", times.point(Instant.parse("0001-01-01T00:00:00Z")));
    }

    /** ISO_INSTANT's form, but with milliseconds always written, so that every time of a column has one width. */
    private static String iso(Instant time) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(time);
    }
}
