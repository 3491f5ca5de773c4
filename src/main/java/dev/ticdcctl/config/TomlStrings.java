package dev.ticdcctl.config;

/** String quoting for the TOML this tool writes by hand: the contexts file and changefeed specs. */
final class TomlStrings {
    private TomlStrings() {}

    /** A TOML basic string: quoted, with the escapes TOML requires. */
    static String basic(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\b' -> q.append("\\b");
                case '\t' -> q.append("\\t");
                case '\n' -> q.append("\\n");
                case '\f' -> q.append("\\f");
                case '\r' -> q.append("\\r");
                default -> q.append(c < 0x20 || c == 0x7f ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
