package dev.ticdcctl.output;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A table of one row per resource: UPPERCASE headers, {@code -} for empty cells, columns padded to the widest cell.
 * Columns marked wide appear only with {@code -o wide}. On a terminal of known width the table is fitted to it: the
 * widest columns shrink first, never below their header, and a cell that no longer fits is cut where its column says
 * (the end, the middle of an ID, never an error code).
 */
public final class Table {
    /** Where a cell too long for its fitted column is cut. */
    public enum Cut {
        /** At the end: {@code mysql://db.internal:33…}. */
        END,
        /** In the middle, where IDs differ least: {@code orders-…-eu-west}. */
        MIDDLE,
        /** Never: an error code cut is a different code; its column keeps its widest cell. */
        NEVER
    }

    /** A column: its header, whether it is shown only with {@code -o wide}, how to colour a cell, where to cut one. */
    public record Column(String header, boolean wideOnly, Function<String, Style> style, Cut cut) {
        public static Column of(String header) {
            return new Column(header, false, v -> Style.PLAIN, Cut.END);
        }

        public static Column wide(String header) {
            return new Column(header, true, v -> Style.PLAIN, Cut.END);
        }

        /** A column of identifiers: cut in the middle, where the prefix and the suffix that tell them apart stay. */
        public static Column id(String header) {
            return of(header).cut(Cut.MIDDLE);
        }

        /** A column of codes (error codes, states): never cut. */
        public static Column code(String header) {
            return of(header).cut(Cut.NEVER);
        }

        public Column styled(Function<String, Style> styler) {
            return new Column(header, wideOnly, styler, cut);
        }

        public Column cut(Cut where) {
            return new Column(header, wideOnly, style, where);
        }
    }

    private static final int GAP = 3;
    /** The narrowest a cut column becomes without headers: an end and an ellipsis, or both ends and one. */
    private static final int NARROWEST_END = 2;
    private static final int NARROWEST_MIDDLE = 5;
    /** The width a cut column keeps while others can still give room. */
    private static final int READABLE = 16;
    private static final String SPACES = " ".repeat(64);

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final BitSet emphasised = new BitSet();

    public Table(Column... columns) {
        this.columns = List.of(columns);
    }

    /** Adds a row; null or empty cells render as {@code -}. Cells become text only if their column is shown. */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells);
        return this;
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The text of a row's cell under {@code header} (empty for an empty cell), or null without such a column. */
    public String cell(int row, String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                Object cell = rows.get(row)[i];
                return cell == null ? "" : cell.toString();
            }
        }
        return null;
    }

    /** Shows a row in reverse video when colour is on, for a row that deserves a second look. */
    public Table emphasise(int row) {
        emphasised.set(row);
        return this;
    }

    private static String text(Object cell, boolean mask) {
        String text = cell == null ? "" : TerminalText.escaped(mask ? Secrets.maskText(cell.toString())
                : cell.toString());
        return text.isEmpty() ? "-" : text;
    }

    /** Renders the table with every cell's secrets masked, as {@link #render(boolean, boolean, boolean, int, boolean)}. */
    public String render(boolean wide, boolean headers, boolean color, int width) {
        return render(wide, headers, color, width, true);
    }

    /**
     * Renders the table. With a known {@code width} (a terminal) and not {@code wide}, the columns are fitted to it
     * (see the class comment); {@code -o wide} asks for everything and is not cut. Cells are masked before they are
     * measured (and so before they are cut: a cut must not leave half a password); colour is applied after padding
     * so that escapes do not disturb alignment.
     */
    public String render(boolean wide, boolean headers, boolean color, int width, boolean mask) {
        int[] shown = IntStream.range(0, columns.size())
                .filter(i -> wide || !columns.get(i).wideOnly()).toArray();
        List<String[]> texts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String[] text = new String[row.length];
            for (int i : shown) {
                text[i] = text(row[i], mask);
            }
            texts.add(text);
        }
        int[] widths = new int[columns.size()];
        for (int i : shown) {
            widths[i] = headers ? columns.get(i).header().length() : 0;
            for (String[] row : texts) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int gap = width > 0 && !wide ? fit(shown, widths, headers, width) : GAP;
        StringBuilder out = new StringBuilder();
        if (headers) {
            appendLine(out, shown, widths, columns.stream().map(Column::header).toArray(String[]::new), false, gap);
        }
        for (int r = 0; r < texts.size(); r++) {
            if (color && emphasised.get(r)) {
                // The whole line in reverse video: a cell's own colour would end the emphasis at its reset.
                int start = out.length();
                appendLine(out, shown, widths, texts.get(r), false, gap);
                String line = out.substring(start, out.length() - 1);
                out.setLength(start);
                out.append(Style.REVERSE.apply(line)).append('\n');
            } else {
                appendLine(out, shown, widths, texts.get(r), color, gap);
            }
        }
        return out.toString();
    }

    /**
     * Fits the columns into {@code width} and returns the gap to put between them. The widest cuttable column
     * shrinks first, one step at a time, down to a width that still reads (an ID keeps 16 characters); then the gaps
     * narrow to two spaces; then columns shrink to their narrowest (an ID's two ends and an ellipsis). Never below a
     * header, never an uncut column: a table that still cannot fit overflows rather than lose a header or cut a code.
     */
    private int fit(int[] shown, int[] widths, boolean headers, int width) {
        int[] readable = new int[widths.length];
        int[] narrowest = new int[widths.length];
        int excess = GAP * (shown.length - 1) - width;
        for (int i : shown) {
            Column column = columns.get(i);
            int header = headers ? column.header().length() : 0;
            narrowest[i] = Math.min(widths[i], Math.max(header, switch (column.cut()) {
                case NEVER -> widths[i];
                case MIDDLE -> NARROWEST_MIDDLE;
                case END -> NARROWEST_END;
            }));
            readable[i] = Math.min(widths[i], Math.max(narrowest[i], column.cut() == Cut.NEVER ? 0 : READABLE));
            excess += widths[i];
        }
        excess = shrink(shown, widths, readable, excess);
        if (excess <= 0) {
            return GAP;
        }
        excess -= shown.length - 1; // one space less between columns
        shrink(shown, widths, narrowest, excess);
        return GAP - 1;
    }

    /** Shrinks the widest column above its floor until {@code excess} is gone or none can; returns what is left. */
    private static int shrink(int[] shown, int[] widths, int[] floors, int excess) {
        while (excess > 0) {
            int widest = -1;
            int next = 0; // the width of the next widest shrinkable column: shrink to it in one step
            for (int i : shown) {
                if (widths[i] > floors[i]) {
                    if (widest < 0 || widths[i] > widths[widest]) {
                        next = widest < 0 ? next : Math.max(next, widths[widest]);
                        widest = i;
                    } else {
                        next = Math.max(next, widths[i]);
                    }
                }
            }
            if (widest < 0) {
                return excess;
            }
            int target = Math.max(Math.max(next, floors[widest]), widths[widest] - excess);
            target = Math.min(target, widths[widest] - 1);
            excess -= widths[widest] - target;
            widths[widest] = target;
        }
        return excess;
    }

    private void appendLine(StringBuilder out, int[] shown, int[] widths, String[] cells, boolean color, int gap) {
        for (int k = 0; k < shown.length; k++) {
            int i = shown[k];
            String cell = cells[i].length() <= widths[i] ? cells[i] : cut(cells[i], widths[i], columns.get(i).cut());
            out.append(color ? columns.get(i).style().apply(cells[i]).apply(cell) : cell);
            if (k < shown.length - 1) {
                // Padding goes into the line in bulk: a table of 10,000 rows pads 40,000 cells.
                int pad = widths[i] - cell.length() + gap;
                for (int left = pad; left > 0; left -= SPACES.length()) {
                    out.append(SPACES, 0, Math.min(left, SPACES.length()));
                }
            }
        }
        out.append('\n');
    }

    /** The cell cut to {@code room} characters with an ellipsis where its column says. */
    static String cut(String cell, int room, Cut where) {
        if (where == Cut.MIDDLE && room >= NARROWEST_MIDDLE) {
            int head = (room - 1) / 2; // the tail keeps the extra character: suffixes (regions, shards) tell apart
            return cell.substring(0, head) + "…" + cell.substring(cell.length() - (room - 1 - head));
        }
        return cell.substring(0, Math.max(room - 1, 0)) + "…";
    }
}
