package dev.ticdcctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
