package dev.ticdcctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A table of one row per resource: UPPERCASE headers, {@code -} for empty cells, columns padded to the widest cell.
 * Columns marked wide appear only with {@code -o wide}.
 */
public final class Table {
    /** A column: its header, whether it is shown only with {@code -o wide}, and how to colour a cell. */
    public record Column(String header, boolean wideOnly, Function<String, Style> style) {
        public static Column of(String header) {
            return new Column(header, false, v -> Style.PLAIN);
        }

        public static Column wide(String header) {
            return new Column(header, true, v -> Style.PLAIN);
        }

        public Column styled(Function<String, Style> styler) {
            return new Column(header, wideOnly, styler);
        }
    }

    private static final int GAP = 3;
    private static final String SPACES = " ".repeat(64);

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final java.util.BitSet emphasised = new java.util.BitSet();

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

    private static String text(Object cell) {
        String text = cell == null ? "" : TerminalText.escaped(cell.toString());
        return text.isEmpty() ? "-" : text;
    }

    /**
     * Renders the table. With a known {@code width} (a terminal), the last column is cut to fit with an ellipsis;
     * colour is applied after padding so that escapes do not disturb alignment.
     */
    public String render(boolean wide, boolean headers, boolean color, int width) {
        int[] shown = java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> wide || !columns.get(i).wideOnly()).toArray();
        List<String[]> texts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String[] text = new String[row.length];
            for (int i : shown) {
                text[i] = text(row[i]);
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
        StringBuilder out = new StringBuilder();
        if (headers) {
            appendLine(out, shown, widths, columns.stream().map(Column::header).toArray(String[]::new), false, width);
        }
        for (int r = 0; r < texts.size(); r++) {
            if (color && emphasised.get(r)) {
                // The whole line in reverse video: a cell's own colour would end the emphasis at its reset.
                int start = out.length();
                appendLine(out, shown, widths, texts.get(r), false, width);
                String line = out.substring(start, out.length() - 1);
                out.setLength(start);
                out.append(Style.REVERSE.apply(line)).append('\n');
            } else {
                appendLine(out, shown, widths, texts.get(r), color, width);
            }
        }
        return out.toString();
    }

    private void appendLine(StringBuilder out, int[] shown, int[] widths, String[] cells, boolean color, int width) {
        int used = 0; // visible columns so far: colour escapes take no room
        for (int k = 0; k < shown.length; k++) {
            int i = shown[k];
            boolean last = k == shown.length - 1;
            String cell = last && width > 0 ? fit(cells[i], Math.max(width - used, 8)) : cells[i];
            out.append(color ? columns.get(i).style().apply(cells[i]).apply(cell) : cell);
            if (!last) {
                // Padding goes into the line in bulk: a table of 10,000 rows pads 40,000 cells.
                int pad = widths[i] - cell.length() + GAP;
                for (int left = pad; left > 0; left -= SPACES.length()) {
                    out.append(SPACES, 0, Math.min(left, SPACES.length()));
                }
                used += cell.length() + pad;
            }
        }
        out.append('\n');
    }

    private static String fit(String cell, int room) {
        return cell.length() <= room ? cell : cell.substring(0, room - 1) + "…";
    }
}
