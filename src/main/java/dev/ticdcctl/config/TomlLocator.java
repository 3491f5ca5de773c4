package dev.ticdcctl.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each key of a TOML document is written, and the literal text of each scalar value. Jackson's TOML parser
 * builds a tree without positions, so this scanner walks the same text once more. It runs only on documents that
 * parser has accepted, so it follows TOML's structure without validating it.
 *
 * <p>Paths are dotted keys with each segment as {@link #segment} writes it, plus {@code [i]} for an element of an
 * array ({@code sink.dispatchers[1].partition}), so that every key has exactly one path.
 */
final class TomlLocator {
    record Position(int line, int column) {}

    private final String text;
    private final int[] lineStarts;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, String> literals = new HashMap<>();
    /** For each array of tables ({@code [[a.b]]}), the index of its last element so far. */
    private final Map<String, Integer> arrayTables = new HashMap<>();
    /** Keys given a value, and tables opened by a {@code [header]}: TOML allows each only once. */
    private final Set<String> defined = new HashSet<>();
    private Position duplicate;
    private int i;

    private TomlLocator(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                starts.add(k + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static TomlLocator scan(String text) {
        TomlLocator locator = new TomlLocator(text);
        locator.document();
        return locator;
    }

    /** Where the key (or array element) at {@code path} is first written; null if nowhere. */
    Position position(String path) {
        return positions.get(path);
    }

    /** The text of the scalar at {@code path} as written ({@code 1_000}, {@code 0x1f}); null for other values. */
    String literal(String path) {
        return literals.get(path);
    }

    /**
     * Where a key or table is defined a second time, if anywhere. Jackson reports that error only where it
     * notices it, after the value, often on the next line.
     */
    Position duplicate() {
        return duplicate;
    }

    /** A key as one path segment: bare when TOML allows it, else quoted. */
    static String segment(String key) {
        if (!key.isEmpty() && key.chars().allMatch(c -> isBare((char) c))) {
            return key;
        }
        return '"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? segment(key) : parent + "." + segment(key);
    }

    static String element(String array, int index) {
        return array + "[" + index + "]";
    }

    private void document() {
        String table = "";
        while (skipSpace(true)) {
            if (peek(0) == '[') {
                boolean arrayTable = peek(1) == '[';
                i += arrayTable ? 2 : 1;
                table = header(arrayTable);
            } else {
                keyValue(table);
            }
            skipToLineEnd();
        }
    }

    /** {@code [a.b]} or {@code [[a.b]]}: the path of the table that the following keys belong to. */
    private String header(boolean arrayTable) {
        List<Segment> keys = dottedKey();
        String path = "";
        for (int k = 0; k < keys.size(); k++) {
            path = parent(path, keys.get(k));
            if (arrayTable && k == keys.size() - 1) {
                int index = arrayTables.merge(path, 0, (last, zero) -> last + 1);
                path = element(path, index);
                record(path, keys.get(k).start);
            } else if (arrayTables.containsKey(path)) {
                path = element(path, arrayTables.get(path)); // a sub-table of the array's last element
            }
        }
        if (!arrayTable) {
            define(path, keys.get(keys.size() - 1).start);
        }
        int close = text.indexOf(']', i);
        i = close < 0 ? text.length() : close + (arrayTable ? 2 : 1);
        return path;
    }

    private void keyValue(String table) {
        String path = table;
        List<Segment> keys = dottedKey();
        for (Segment key : keys) {
            path = parent(path, key);
        }
        define(path, keys.get(0).start);
        skipSpace(false);
        if (peek(0) == '=') {
            i++;
        }
        skipSpace(false);
        value(path);
    }

    private String parent(String path, Segment key) {
        String child = child(path, key.name);
        record(child, key.start);
        return child;
    }

    private void value(String path) {
        char c = peek(0);
        if (c == '"' || c == '\'') {
            string();
        } else if (c == '{') {
            i++;
            while (skipSpace(true) && peek(0) != '}') {
                int start = i;
                keyValue(path);
                separator(start);
            }
            i++;
        } else if (c == '[') {
            i++;
            for (int index = 0; skipSpace(true) && peek(0) != ']'; index++) {
                int start = i;
                String element = element(path, index);
                record(element, start);
                value(element);
                separator(start);
            }
            i++;
        } else {
            int start = i;
            while (i < text.length() && ",]}#\r\n".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            literals.put(path, text.substring(start, i).strip());
        }
    }

    /** Skips to the next item of an inline table or array; always moves on, so that a loop cannot stall. */
    private void separator(int itemStart) {
        skipSpace(true);
        if (peek(0) == ',' || i == itemStart) {
            i++;
        }
    }

    private record Segment(String name, int start) {}

    private List<Segment> dottedKey() {
        List<Segment> keys = new ArrayList<>();
        while (true) {
            skipSpace(false);
            int start = i;
            String name;
            if (peek(0) == '"' || peek(0) == '\'') {
                name = string();
            } else {
                while (i < text.length() && isBare(text.charAt(i))) {
                    i++;
                }
                name = text.substring(start, i);
            }
            keys.add(new Segment(name, start));
            skipSpace(false);
            if (peek(0) != '.') {
                return keys;
            }
            i++;
        }
    }

    private static boolean isBare(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** Consumes a string of any of TOML's four kinds and returns its value (escapes decoded for keys). */
    private String string() {
        char quote = peek(0);
        boolean multiLine = peek(1) == quote && peek(2) == quote;
        i += multiLine ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote && (!multiLine || peek(1) == quote && peek(2) == quote)) {
                if (multiLine) {
                    i += 3;
                    while (peek(0) == quote) { // up to two quotes may end the content right before the delimiter
                        i++;
                    }
                } else {
                    i++;
                }
                return value.toString();
            }
            if (c == '\\' && quote == '"') {
                i += unescape(value);
            } else {
                value.append(c);
                i++;
            }
        }
        return value.toString();
    }

    /** Appends one escape sequence of a basic string; returns how many characters it spans. */
    private int unescape(StringBuilder value) {
        char e = peek(1);
        int hexDigits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (hexDigits > 0 && i + 2 + hexDigits <= text.length()) {
            value.appendCodePoint(Integer.parseInt(text.substring(i + 2, i + 2 + hexDigits), 16));
            return 2 + hexDigits;
        }
        int simple = "btnfr\"\\".indexOf(e);
        value.append(simple >= 0 ? "\b\t\n\f\r\"\\".charAt(simple) : e); // a line-ending backslash is not a key
        return 2;
    }

    /** Skips blanks, and also comments and line breaks when {@code lines}; false at the end of the text. */
    private boolean skipSpace(boolean lines) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || lines && (c == '\r' || c == '\n')) {
                i++;
            } else if (c == '#' && lines) {
                skipToLineEnd();
            } else {
                break;
            }
        }
        return i < text.length();
    }

    private void skipToLineEnd() {
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
    }

    private char peek(int ahead) {
        return i + ahead < text.length() ? text.charAt(i + ahead) : '\0';
    }

    private void define(String path, int index) {
        if (!defined.add(path) && duplicate == null) {
            duplicate = at(index);
        }
    }

    private void record(String path, int index) {
        positions.putIfAbsent(path, at(index));
    }

    private Position at(int index) {
        int line = Arrays.binarySearch(lineStarts, index);
        if (line < 0) {
            line = -line - 2; // the line that starts before index
        }
        return new Position(line + 1, index - lineStarts[line] + 1);
    }
}
