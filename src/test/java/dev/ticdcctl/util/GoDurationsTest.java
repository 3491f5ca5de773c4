package dev.ticdcctl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10m | 600000000000",
        "1h30m | 5400000000000",
        "500ms | 500000000",
        "1.5s | 1500000000",
        "1.5h | 5400000000000",
        "-1m | -60000000000",
        "+5s | 5000000000",
        "0 | 0",
        "1µs | 1000",
        "1us | 1000",
        "3ns | 3",
        ".5m | 30000000000",
        "2562047h47m16.854775807s | 9223372036854775807",
        "-2562047h47m16.854775808s | -9223372036854775808",
        "9223372036854775807ns | 9223372036854775807"})
    void go_durations_parse_to_exact_nanoseconds(String text, long nanos) {
        assertEquals(nanos, GoDurations.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | time: invalid duration \"\"",
        "abc | time: invalid duration \"abc\"",
        "10 | time: missing unit in duration \"10\"",
        "10x | time: unknown unit \"x\" in duration \"10x\"",
        "1m5 | time: missing unit in duration \"1m5\"",
        ". | time: invalid duration \".\"",
        "- | time: invalid duration \"-\"",
        "1é | time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"",
        "9223372036854775808ns | time: invalid duration \"9223372036854775808ns\"",
        "2562048h | time: invalid duration \"2562048h\""})
    void anything_else_fails_with_gos_message(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDurations.parse(text));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 0s",
        "3 | 3ns",
        "1500 | 1.5µs",
        "100000000 | 100ms",
        "1500000000 | 1.5s",
        "10000000000 | 10s",
        "30000000000 | 30s",
        "90000000000 | 1m30s",
        "3600000000000 | 1h0m0s",
        "-60000000000 | -1m0s",
        "-9223372036854775808 | -2562047h47m16.854775808s"})
    void durations_print_as_go_does(long nanos, String text) {
        assertEquals(text, GoDurations.format(nanos));
    }
}
