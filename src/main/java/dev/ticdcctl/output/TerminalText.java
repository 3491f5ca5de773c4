package dev.ticdcctl.output;

/**
 * Text that came from a server, made safe for a terminal: control characters (escape sequences, carriage returns,
 * newlines that would start a second {@code Error:} line) and invisible direction overrides are shown escaped, as
 * {@code \x1b}, {@code \n} or {@code \u202e}, and a message too long to read is cut with a note of what was left out.
 * JSON and YAML output need none of this: their generators escape control characters already.
 */
public final class TerminalText {
    /** Characters of one message line, beyond which it is cut. */
    static final int MAX_LINE = 1000;
    /** Room for the note, so that a line cut once is never cut again. */
    private static final int NOTE = 40;

    private TerminalText() {}

    /** A table cell or any text shown as is: escaped, never cut; the same string when nothing needs escaping. */
    public static String escaped(String text) {
        return escape(text, false);
    }

    /** One line of a message ({@code Error:}, {@code Hint:}, {@code Warning:}): escaped and cut to a readable length. */
    public static String line(String text) {
        String escaped = escape(text, false);
        if (escaped.length() <= MAX_LINE + NOTE) {
            return escaped;
        }
        int cut = Character.isHighSurrogate(escaped.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
        return escaped.substring(0, cut) + "… (" + (escaped.length() - cut) + " more characters)";
    }

    /** One line of a message that may quote a server or a URI: secrets masked, then as {@link #line}. */
    public static String message(String text) {
        return line(Secrets.maskText(text));
    }

    /** Several lines of a message: secrets masked, then as {@link #lines}. */
    public static String messages(String text) {
        return lines(Secrets.maskText(text));
    }

    /** Several lines with server text inside: every line escaped, the line breaks (and tabs) kept. */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first), keepNewlines)) {
            first++;
        }
        if (first == text.length()) {
            return text; // the common case, kept cheap for tables of 10,000 rows
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c, keepNewlines)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c, boolean keepNewlines) {
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        if (c == '\n' || c == '\t') {
            return !keepNewlines;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL and C1 controls (0x9b is a one-byte CSI)
                || c == 0x2028 || c == 0x2029 // line and paragraph separators
                || c == 0x061c || c == 0x200e || c == 0x200f // direction marks
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069); // direction overrides
    }
}
