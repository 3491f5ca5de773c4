package dev.ticdcctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The screen a test reads must be the one a terminal would show, or the tests of full-screen views prove nothing. */
class VirtualScreenTest {
    private static final String ESC = "\u001b";

    @Test
    void the_alternate_screen_starts_blank_and_leaving_it_brings_back_the_normal_one_and_its_cursor() {
        String before = "$ ticdcctl top\r\n";
        String enter = ESC + "[?1049h" + ESC + "[22;0;0t";
        VirtualScreen inside = VirtualScreen.of(before + enter + ESC + "[Hdashboard", 20);

        assertTrue(inside.alternate());
        assertEquals(List.of("dashboard"), inside.lines());

        VirtualScreen after = VirtualScreen.of(before + enter + ESC + "[5;1Hdashboard" + ESC + "[?1049l"
                + ESC + "[23;0;0t", 20);
        assertFalse(after.alternate());
        assertEquals(List.of("$ ticdcctl top"), after.lines());
        assertEquals(1, after.cursorRow(), "the cursor where it was, below the prompt");
    }

    @Test
    void cursor_addressing_counts_rows_and_columns_from_one() {
        VirtualScreen screen = VirtualScreen.of(ESC + "[3;5Hx" + ESC + "[Hy" + ESC + "[1;20Hz", 20);

        assertEquals(List.of("y                  z", "", "    x"), screen.lines());
    }

    @Test
    void erase_display_2_clears_the_whole_screen_and_0_from_the_cursor() {
        assertEquals(List.of(), VirtualScreen.of("one\r\ntwo" + ESC + "[2J", 10).lines());
        assertEquals(List.of("one", "t"), VirtualScreen.of("one\r\ntwo" + ESC + "[2;2H" + ESC + "[J", 10).lines());
    }

    @Test
    void an_unknown_sequence_still_fails_loudly() {
        assertThrows(AssertionError.class, () -> VirtualScreen.of(ESC + "[5Z", 10));
    }
}
