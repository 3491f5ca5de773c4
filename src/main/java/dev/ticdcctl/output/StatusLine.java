package dev.ticdcctl.output;

import java.io.PrintWriter;

/**
 * One line at the bottom of stderr that says how a wait is going, rewritten in place ({@code \r}, then the text, then
 * clear to the end of the line) and erased when the wait ends, so that what follows starts on a clean line. Only on
 * a terminal that can clear a line; elsewhere every call does nothing, so scripts see stderr as before.
 */
public final class StatusLine {
    private static final String ERASE = "\r\u001b[K";
    /** A line that shows nothing, for stderr off a terminal, {@code -q} and {@code --debug}. */
    public static final StatusLine OFF = new StatusLine(null, 0);

    private final PrintWriter err;
    private final int width;
    private String shown;

    StatusLine(PrintWriter err, int width) {
        this.err = err;
        this.width = width > 0 ? width : 80;
    }

    /** Shows {@code text} instead of the line shown before: masked, escaped and cut to the terminal's width. */
    public void show(String text) {
        if (err == null) {
            return;
        }
        shown = fit(TerminalText.message(text), width - 1); // the last column would wrap on some terminals
        draw();
    }

    /** Erases the line, if one is shown. */
    public void end() {
        if (shown != null) {
            err.print(ERASE);
            err.flush();
            shown = null;
        }
    }

    /** Prints whole lines of stderr above the status line, which is drawn again below them. */
    void above(Runnable print) {
        if (shown == null) {
            print.run();
            return;
        }
        err.print(ERASE);
        print.run();
        draw();
    }

    private void draw() {
        err.print(ERASE + shown);
        err.flush();
    }

    /** The first {@code columns} characters, with an ellipsis where it was cut; never half a surrogate pair. */
    static String fit(String text, int columns) {
        if (text.codePointCount(0, text.length()) <= columns) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(columns - 1, 0))).stripTrailing() + "…";
    }
}
