package dev.ticdcctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Values masked by the writers of stdout and stderr, wherever they appear. */
class MaskedValuesTest {
    private final MaskedValues masked = new MaskedValues();
    private final StringWriter sink = new StringWriter();
    private final PrintWriter out = new PrintWriter(masked.masking(sink));

    @Test
    void a_known_value_is_masked_in_any_text_even_written_in_pieces() {
        out.print("before ");
        out.flush();
        masked.add("pass\"word");
        out.print("u:pa");
        out.print("ss\"word@h {\"p\":\"pass\\\"word\"}");
        out.flush();

        assertEquals("before u:xxxxx@h {\"p\":\"xxxxx\"}", sink.toString());
    }

    @Test
    void the_longest_value_is_masked_first_and_short_ones_not_at_all() {
        masked.add("abcd");
        masked.add("abcdefgh");
        masked.add("on");
        out.print("abcdefgh abcd on");
        out.flush();

        assertEquals("xxxxx xxxxx on", sink.toString());
    }
}
