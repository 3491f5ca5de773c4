package dev.ticdcctl.cli.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What terminals send for each key, in both cursor-key modes, decoded. */
class KeyTest {
    /** The characters of {@code sent}, then nothing more (as a read that times out). */
    private static Key.Source typed(String sent) {
        Deque<Integer> chars = new ArrayDeque<>();
        sent.chars().forEach(chars::add);
        return millis -> chars.isEmpty() ? Key.EXPIRED : chars.poll();
    }

    @ParameterizedTest(name = "[{index}] {1}") // what is sent is control characters
    @CsvSource({"'\u001b[A', UP", "'\u001bOA', UP", "'\u001b[B', DOWN", "'\u001bOB', DOWN", "'\u001b[5~', PAGE_UP",
        "'\u001b[6~', PAGE_DOWN", "'\u001b[H', HOME", "'\u001b[1~', HOME", "'\u001b[F', END", "'\u001b[4~', END",
        "'\r', ENTER", "'\u007f', BACKSPACE", "'\u0003', INTERRUPT", "'\u001b', ESCAPE", "'\u001b[15~', OTHER",
        "'\u0001', OTHER"})
    void decodes(String sent, Key.Kind kind) throws IOException {
        assertEquals(Key.of(kind), Key.read(typed(sent), 100));
    }

    @Test
    void a_character_is_itself_and_nothing_typed_is_no_key() throws IOException {
        assertEquals(new Key(Key.Kind.CHAR, 'p'), Key.read(typed("p"), 100));
        assertNull(Key.read(typed(""), 100));
        assertEquals(Key.of(Key.Kind.INTERRUPT), Key.read(millis -> -1, 100), "the end of input quits");
    }
}
