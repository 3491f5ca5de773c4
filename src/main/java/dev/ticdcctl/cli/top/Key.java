package dev.ticdcctl.cli.top;

import java.io.IOException;

/** A key pressed, decoded from the bytes a terminal sends for it; {@code ch} is the character of a CHAR key. */
record Key(Kind kind, char ch) {
    enum Kind { CHAR, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESCAPE, BACKSPACE, INTERRUPT, OTHER }

    /** Reads characters, waiting at most {@code millis}: -2 when none came in time, -1 at the end of input. */
    @FunctionalInterface
    interface Source {
        int read(long millis) throws IOException;
    }

    static final int EXPIRED = -2;
    /** How long the rest of an escape sequence may take to arrive before ESC counts as a key of its own. */
    private static final long SEQUENCE_WAIT_MILLIS = 50;

    static Key of(Kind kind) {
        return new Key(kind, '\0');
    }

    boolean is(char c) {
        return kind == Kind.CHAR && ch == c;
    }

    /**
     * The next key, or null when none came within {@code millis}. Arrows and paging keys come as xterm sends them, in
     * either cursor mode ({@code ESC [ A} or {@code ESC O A}); Ctrl-C comes as a character, the terminal being raw.
     */
    static Key read(Source in, long millis) throws IOException {
        int c = in.read(millis);
        if (c == EXPIRED) {
            return null;
        }
        return switch (c) {
            case -1, 3 -> of(Kind.INTERRUPT); // the end of input ends top as Ctrl-C does
            case '\r', '\n' -> of(Kind.ENTER);
            case 127, '\b' -> of(Kind.BACKSPACE);
            case 27 -> escape(in);
            default -> c < ' ' ? of(Kind.OTHER) : new Key(Kind.CHAR, (char) c);
        };
    }

    private static Key escape(Source in) throws IOException {
        int c = in.read(SEQUENCE_WAIT_MILLIS);
        if (c != '[' && c != 'O') {
            return of(Kind.ESCAPE); // ESC alone (or followed by a key of its own, which is dropped)
        }
        StringBuilder sequence = new StringBuilder();
        int next;
        do {
            next = in.read(SEQUENCE_WAIT_MILLIS);
            if (next < 0) {
                return of(Kind.OTHER);
            }
            sequence.append((char) next);
        } while (next < '@' || next > '~'); // a control sequence ends with its final byte
        return switch (sequence.toString()) {
            case "A" -> of(Kind.UP);
            case "B" -> of(Kind.DOWN);
            case "5~" -> of(Kind.PAGE_UP);
            case "6~" -> of(Kind.PAGE_DOWN);
            case "H", "1~", "7~" -> of(Kind.HOME);
            case "F", "4~", "8~" -> of(Kind.END);
            default -> of(Kind.OTHER);
        };
    }
}
