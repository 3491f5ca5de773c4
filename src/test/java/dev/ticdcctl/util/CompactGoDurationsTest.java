package dev.ticdcctl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompactGoDurationsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10m | 600000000000",
        "24h | 86400000000000",
        "1h30m | 5400000000000",
        "1.5h | 5400000000000",
        "500ms | 500000000",
        "1.5s | 1500000000",
        "1.s | 1000000000",
        ".5m | 30000000000",
        "1us | 1000",
        "1µs | 1000",
        "3ns | 3",
        "-1m | -60000000000",
        "+5s | 5000000000",
        "1s1s | 2000000000",
        "0 | 0",
        "2562047h47m16.854775807s | 9223372036854775807"})
    void go_duration_strings_are_read_as_go_reads_them(String text, long nanos) {
        assertEquals(nanos, GoDurations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10 m", "1. s", "10x", "1m5", ".", "-", "1d", "2562048h", "m"})
    void anything_else_is_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDurations.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 0s",
        "3 | 3ns",
        "1500 | 1.5us",
        "250000000 | 250ms",
        "1500000000 | 1.5s",
        "90000000000 | 1m30s",
        "600000000000 | 10m",
        "3600000000000 | 1h",
        "86400000000000 | 24h",
        "3723000000000 | 1h2m3s",
        "60500000000 | 1m0.5s",
        "-60000000000 | -1m",
        "9223372036854775807 | 2562047h47m16.854775807s",
        "-9223372036854775808 | -2562047h47m16.854775808s"})
    void durations_are_written_in_their_shortest_exact_form(long nanos, String text) {
        assertEquals(text, GoDurations.compact(nanos));
        assertEquals(nanos, GoDurations.parse(text));
    }
}
