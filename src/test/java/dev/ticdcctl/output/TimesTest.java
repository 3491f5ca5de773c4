package dev.ticdcctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-07-01T02:05:00.123Z", "2024-07-01T02:05:00Z", "1970-01-01T00:00:00.001Z",
        "2099-12-31T23:59:59.999Z", "2024-02-29T12:00:00.010Z", "0001-01-01T00:00:00Z", "2024-07-01T02:05:00.123456Z"})
    void the_hand_written_format_matches_iso_instant_to_the_millisecond(String text) {
        Instant time = Instant.parse(text);

        assertEquals(DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)),
                Times.isoUtcMillis(time));
    }
}
