package dev.ticdcctl.cli.top;

import dev.ticdcctl.output.Style;

/** Text fitted to a number of columns, and styled only when colour is on. */
final class Cells {
    private final boolean color;

    Cells(boolean color) {
        this.color = color;
    }

    String style(Style style, String text) {
        return color ? style.apply(text) : text;
    }

    /** {@code text} in exactly {@code width} columns: cut with an ellipsis, or padded with spaces. */
    static String fit(String text, int width) {
        String cut = cut(text, width);
        int length = cut.codePointCount(0, cut.length());
        return length >= width ? cut : cut + " ".repeat(width - length);
    }

    /** {@code text} in at most {@code width} columns, cut with an ellipsis; never half a surrogate pair. */
    static String cut(String text, int width) {
        if (width <= 0) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }
}
