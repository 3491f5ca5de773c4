package dev.ticdcctl.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A terminal screen fed with what a program wrote to it: the cursor movements and addressing, line and screen
 * clearing, reverse video, cursor visibility and the alternate screen of xterm that a redrawing program uses, so that
 * a test can assert what a person would see rather than which escape sequences produced it. Unknown sequences fail
 * loudly.
 */
public final class VirtualScreen {
    private final int width;
    private List<char[]> cells = new ArrayList<>();
    private List<boolean[]> reversed = new ArrayList<>();
    /** The normal screen and its cursor while the alternate one is shown, else null. */
    private List<char[]> savedCells;
    private List<boolean[]> savedReversed;
    private int savedRow;
    private int savedCol;
    private int row;
    private int col;
    private boolean reverse;
    private boolean cursorVisible = true;

    private VirtualScreen(int width) {
        this.width = width;
    }

    /** The screen after {@code output} was written to a fresh terminal {@code width} columns wide. */
    public static VirtualScreen of(String output, int width) {
        VirtualScreen screen = new VirtualScreen(width);
        screen.feed(output);
        return screen;
    }

    /**
     * The screen after a program wrote {@code output} to a terminal in its normal mode, where the terminal driver
     * turns each newline into a carriage return and a line feed (onlcr), as it does for stderr's plain lines.
     */
    public static VirtualScreen ofCooked(String output, int width) {
        return of(output.replace("\n", "\r\n"), width);
    }

    /** The lines on screen, trailing blanks cut, trailing empty lines left out. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (char[] line : cells) {
            lines.add(new String(line).stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Whether any character of the line was written in reverse video. */
    public boolean highlighted(int line) {
        for (boolean cell : reversed.get(line)) {
            if (cell) {
                return true;
            }
        }
        return false;
    }

    /** Whether the alternate screen (a full-screen program's) is shown rather than the normal one. */
    public boolean alternate() {
        return savedCells != null;
    }

    public boolean cursorVisible() {
        return cursorVisible;
    }

    /** The line the cursor is on. */
    public int cursorRow() {
        return row;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }

    private void feed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u001b' -> i = complete(text, i) ? escape(text, i) : text.length();
                case '\r' -> col = 0;
                case '\n' -> row++;
                case '\b' -> col = Math.max(col - 1, 0);
                default -> put(c);
            }
        }
    }

    private void put(char c) {
        if (col >= width) { // xterm wraps only when the next character comes
            col = 0;
            row++;
        }
        line(row)[col] = c;
        reversed.get(row)[col] = reverse;
        col++;
    }

    private char[] line(int index) {
        while (cells.size() <= index) {
            char[] blank = new char[width];
            Arrays.fill(blank, ' ');
            cells.add(blank);
            reversed.add(new boolean[width]);
        }
        return cells.get(index);
    }

    /**
     * Whether the control sequence at {@code start} has been written whole: a screen read while the program is still
     * writing may end in the middle of one, which is shown once the rest arrives.
     */
    private static boolean complete(String text, int start) {
        if (start + 1 >= text.length()) {
            return false;
        }
        if (text.charAt(start + 1) != '[') {
            return true;
        }
        for (int i = start + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isDigit(c) && c != ';' && c != '?') {
                return true;
            }
        }
        return false;
    }

    /** Applies the control sequence at {@code start}; returns the index of its last character. */
    private int escape(String text, int start) {
        if (text.charAt(start + 1) == '=' || text.charAt(start + 1) == '>') {
            return start + 1; // keypad modes (a line editor's), which change nothing on screen
        }
        if (text.charAt(start + 1) != '[') {
            throw new AssertionError("unexpected escape sequence at " + start + ": " + excerpt(text, start));
        }
        int i = start + 2;
        boolean privateMode = text.charAt(i) == '?';
        if (privateMode) {
            i++;
        }
        int paramsStart = i;
        while (Character.isDigit(text.charAt(i)) || text.charAt(i) == ';') {
            i++;
        }
        String params = text.substring(paramsStart, i);
        int n = params.isEmpty() || params.contains(";") ? 1 : Integer.parseInt(params);
        char command = text.charAt(i);
        if (privateMode) {
            // 25 shows or hides the cursor; 1049 enters or leaves the alternate screen; 12 (blinking) and 1 (cursor
            // keys' mode) change nothing a test looks at.
            if (params.equals("25")) {
                cursorVisible = command == 'h';
            } else if (params.equals("1049")) {
                alternateScreen(command == 'h');
            }
            return i;
        }
        switch (command) {
            case 'A' -> row = Math.max(row - n, 0);
            case 'B' -> row += n;
            case 'C' -> col = Math.min(col + n, width - 1);
            case 'D' -> col = Math.max(col - n, 0);
            case 'K' -> {
                line(row);
                for (int k = Math.min(col, width); k < width; k++) {
                    cells.get(row)[k] = ' ';
                    reversed.get(row)[k] = false;
                }
            }
            case 'H' -> { // cursor addressing: row;column, from 1
                String[] at = params.split(";");
                row = at[0].isEmpty() ? 0 : Math.max(Integer.parseInt(at[0]) - 1, 0);
                col = at.length < 2 || at[1].isEmpty() ? 0 : Math.min(Math.max(Integer.parseInt(at[1]) - 1, 0),
                        width - 1);
            }
            case 't' -> { } // window operations (saving the title), nothing on screen
            case 'J' -> { // the rest of the screen from the cursor; 2: all of it
                if (params.equals("2")) {
                    cells.forEach(chars -> Arrays.fill(chars, ' '));
                    reversed.forEach(styles -> Arrays.fill(styles, false));
                    return i;
                }
                line(row);
                for (int k = Math.min(col, width); k < width; k++) {
                    cells.get(row)[k] = ' ';
                    reversed.get(row)[k] = false;
                }
                for (int r = row + 1; r < cells.size(); r++) {
                    Arrays.fill(cells.get(r), ' ');
                    Arrays.fill(reversed.get(r), false);
                }
            }
            case 'P' -> shift(-n);
            case '@' -> shift(n);
            case 'm' -> graphics(params);
            default -> throw new AssertionError("unexpected control sequence: " + excerpt(text, start));
        }
        return i;
    }

    /** Enters a blank alternate screen, or leaves it for the normal one as it was, cursor included. */
    private void alternateScreen(boolean enter) {
        if (enter && savedCells == null) {
            savedCells = cells;
            savedReversed = reversed;
            savedRow = row;
            savedCol = col;
            cells = new ArrayList<>();
            reversed = new ArrayList<>();
        } else if (!enter && savedCells != null) {
            cells = savedCells;
            reversed = savedReversed;
            row = savedRow;
            col = savedCol;
            savedCells = null;
            savedReversed = null;
        }
    }

    /** Deletes (negative) or inserts blank characters at the cursor, moving the rest of the line. */
    private void shift(int by) {
        char[] chars = line(row);
        boolean[] styles = reversed.get(row);
        char[] was = chars.clone();
        boolean[] wasStyles = styles.clone();
        for (int k = col; k < width; k++) {
            int from = k - by;
            boolean inside = from >= col && from < width;
            chars[k] = inside ? was[from] : ' ';
            styles[k] = inside && wasStyles[from];
        }
    }

    private void graphics(String params) {
        String[] codes = params.isEmpty() ? new String[] {"0"} : params.split(";");
        for (int k = 0; k < codes.length; k++) {
            int code = codes[k].isEmpty() ? 0 : Integer.parseInt(codes[k]);
            switch (code) {
                case 0, 27 -> reverse = false;
                case 7 -> reverse = true;
                case 38, 48 -> k += codes[k + 1].equals("5") ? 2 : 4; // an indexed or RGB colour's arguments
                default -> { } // other colours and weights: not tracked
            }
        }
    }

    private static String excerpt(String text, int at) {
        return text.substring(at, Math.min(at + 12, text.length())).replace("\u001b", "ESC");
    }
}
