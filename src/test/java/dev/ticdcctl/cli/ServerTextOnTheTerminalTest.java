package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text from a server reaches the terminal without control characters: escape sequences, carriage returns and newlines
 * are shown escaped, a newline never starts a second Error: or Hint: line, and a huge message is cut with a note.
 */
class ServerTextOnTheTerminalTest extends StubServerTest {
    /** What a hostile server writes, JSON-escaped, and how the user must see it. */
    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                Arguments.of("an escape sequence", "\\u001b[2J\\u001b[31mred", "\\x1b[2J\\x1b[31mred"),
                Arguments.of("a newline that fakes a hint", "boom\\nHint: run rm -rf", "boom\\nHint: run rm -rf"),
                Arguments.of("a carriage return that hides the start", "safe\\rError: forged", "safe\\rError: forged"),
                Arguments.of("a one-byte CSI and a bell", "a\\u009b31mb\\u0007", "a\\x9b31mb\\x07"),
                Arguments.of("a direction override", "abc\\u202edef", "abc\\u202edef"),
                Arguments.of("a tab and DEL", "a\\tb\\u007f", "a\\tb\\x7f"));
    }

    @ParameterizedTest(name = "{0} in an error message")
    @MethodSource("hostileTexts")
    void an_error_message_is_one_escaped_line(String name, String json, String shown) {
        server.on("GET", "/api/v2/changefeeds", 500, "{\"error_msg\":\"" + json + "\",\"error_code\":\"CDC:ErrX\"}");

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: " + shown + " (CDC:ErrX)\n", r.err());
    }

    @ParameterizedTest(name = "{0} in an error code")
    @MethodSource("hostileTexts")
    void an_error_code_is_escaped_too(String name, String json, String shown) {
        server.on("GET", "/api/v2/changefeeds", 500, "{\"error_msg\":\"m\",\"error_code\":\"" + json + "\"}");

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals("Error: m (" + shown + ")\n", r.err());
    }

    @ParameterizedTest(name = "{0} in table cells")
    @MethodSource("hostileTexts")
    void table_cells_from_the_server_are_escaped(String name, String json, String shown) {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList()
                .replace("\"cf-kafka\"", "\"" + json + "\"")
                .replace("\"CDC:ErrMySQLConnectionError\"", "\"" + json + "\""));

        Cli.Result r = cli.run("changefeed", "list", "-o", "wide");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(shown + " ")), r::toString);
        assertTrue(r.out().contains(" " + shown), r::toString);
        assertEquals(3, r.out().lines().count(), r::toString);
        assertNoControlCharacters(r.out());
    }

    @ParameterizedTest(name = "{0} in an HTML page")
    @MethodSource("hostileTexts")
    void an_html_excerpt_is_escaped(String name, String json, String shown) {
        String raw = json.replace("\\u001b", "\u001b").replace("\\u009b", "\u009b").replace("\\u0007", "\u0007")
                .replace("\\u202e", "\u202e").replace("\\u007f", "\u007f").replace("\\r", "\r");
        server.on("GET", "/api/v2/changefeeds", new StubServer.Response(502, "text/html",
                "<html><body>" + raw + "</body></html>", 0));

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(2, r.err().lines().count(), r::toString); // the error and the hint about the proxy
        assertNoControlCharacters(r.err().replace("\n", ""));
    }

    @Test
    void a_huge_message_is_cut_with_a_note_of_what_was_left_out() {
        String huge = "x".repeat(50_000);
        server.on("GET", "/api/v2/changefeeds", 500, "{\"error_msg\":\"" + huge + "\",\"error_code\":\"CDC:ErrX\"}");

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: " + "x".repeat(1000) + "… (" + (50_000 + " (CDC:ErrX)".length() - 1000)
                + " more characters)\n", r.err());
    }

    @Test
    void a_warning_from_the_server_is_escaped() {
        server.on("GET", "/api/v2/status", 500, "{\"error_msg\":\"down\\n\\u001b[31m\",\"error_code\":\"CDC:ErrX\"}");

        Cli.Result r = cli.run("version");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Warning: down\\n\\x1b[31m\n", r.err());
    }

    @Test
    void json_output_keeps_the_text_as_received_and_escaped_by_json() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, "{\"id\":\"cf-1\",\"x\":\"a\\u001bb\\nc\"}");

        Cli.Result r = cli.run("changefeed", "get", "cf-1", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"x\": \"a\\u001Bb\\nc\""), r::toString);
    }

    private static void assertNoControlCharacters(String text) {
        assertFalse(text.chars().anyMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e)),
                text);
    }
}
