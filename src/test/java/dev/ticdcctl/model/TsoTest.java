package dev.ticdcctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsoTest {
    @Test
    void a_tso_is_physical_milliseconds_shifted_by_18_bits_plus_logical() {
        Tso tso = Tso.of(1719799500123L, 5);

        assertEquals(450835120160243717L, tso.value());
        assertEquals(1719799500123L, tso.physicalMillis());
        assertEquals(5, tso.logical());
        assertEquals(Instant.parse("2024-07-01T02:05:00.123Z"), tso.instant());
    }

    @Test
    void parse_refuses_what_is_not_a_non_negative_integer() {
        assertThrows(IllegalArgumentException.class, () -> Tso.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Tso.parse("12e3"));
        assertThrows(IllegalArgumentException.class, () -> Tso.parse("99999999999999999999"));
        assertEquals(0, Tso.parse("0").value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "450835120160243717             | 450835120160243717",
        "' 450835120160243717 '         | 450835120160243717",
        "2024-07-01T02:05:00.123Z       | 450835120160243712",
        "2024-07-01T10:05:00.123+08:00  | 450835120160243712",
        "2024-07-01T10:05:00.1239+08:00 | 450835120160243712",
        "2024-07-01 02:05:00.123Z       | 450835120160243712",
        "2024-07-01T02:05Z              | 450835120128000000",
    })
    void parse_tso_or_time_takes_a_tso_or_a_time_with_a_zone(String text, long expected) {
        assertEquals(expected, Tso.parseTsoOrTime(text).value());
    }

    @Test
    void parse_tso_or_time_refuses_a_time_without_a_zone_with_a_hint() {
        Tso.InvalidInput e = assertThrows(Tso.InvalidInput.class, () -> Tso.parseTsoOrTime("2024-07-01T10:05:00"));

        assertEquals("'2024-07-01T10:05:00' has no time zone, so the time it means is ambiguous", e.getMessage());
        assertEquals("add Z for UTC or an offset such as +08:00, e.g. 2024-07-01T10:05:00Z", e.hint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "now                        | 'now' is neither a TSO (e.g. 450835120160243717) nor an ISO-8601 time",
        "-1                         | '-1' is not a TSO (a non-negative 64-bit integer)",
        "99999999999999999999       | '99999999999999999999' is not a TSO",
        "2024-07-01T10:05:00+0800   | '2024-07-01T10:05:00+0800' is not an ISO-8601 time with a zone",
        "1969-12-31T23:59:59Z       | 1969-12-31T23:59:59Z is before the Unix epoch",
        "3084-12-12T12:41:28.832Z   | 3084-12-12T12:41:28.832Z is after 3084-12-12T12:41:28.831Z",
    })
    void parse_tso_or_time_explains_what_it_refuses(String text, String message) {
        Tso.InvalidInput e = assertThrows(Tso.InvalidInput.class, () -> Tso.parseTsoOrTime(text));

        assertTrue(e.getMessage().startsWith(message), e::getMessage);
        assertNull(e.hint());
    }

    @Test
    void at_keeps_whole_milliseconds_and_the_logical_part() {
        assertEquals(450835120160243717L, Tso.at(Instant.parse("2024-07-01T02:05:00.123999Z"), 5).value());
        assertThrows(Tso.InvalidInput.class, () -> Tso.at(Instant.EPOCH, Tso.MAX_LOGICAL + 1));
        assertEquals(Long.MAX_VALUE, Tso.at(Tso.LAST_TIME, Tso.MAX_LOGICAL).value());
    }
}
