package dev.ticdcctl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"500ms, 500", "30s, 30000", "1m30s, 90000", "2h, 7200000", "1.5s, 1500", "1d, 86400000",
        "' 2s ', 2000", "1h1h, 7200000"})
    void go_style_durations_parse(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "soon", "5 s", "1x", "m5", "0", "-5s", "+5s", ".5s", "1.s", "1\u03bcs"})
    void anything_else_is_refused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration (examples: 500ms, 30s, 1m30s, 2h)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"850, 850ms", "12000, 12s", "185000, 3m5s", "180000, 3m", "7800000, 2h10m", "367200000, 4d6h"})
    void durations_format_with_two_units(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
    }
}
