package dev.ticdcctl.model.filter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of TiDB's table-filter rules, which TiCDC uses for {@code filter.rules}, event-filter and dispatcher
 * matchers (tidb pkg/util/table-filter {@code Parse}, parser.go): {@code schema.table} patterns of wildcards
 * ({@code *}, {@code ?}, {@code [a-z]}, {@code [!a-z]}), quoted names ({@code "a.b"}, {@code `a.b`}) or Go regular
 * expressions ({@code /^db[0-9]+$/}), {@code !} to exclude, {@code #} comments and {@code @file} imports. Checks rules
 * as TiDB parses them and fails with TiDB's message, {@code at <cmdline>:1: ...}.
 */
public final class TableFilter {
    private static final String WHERE = "at <cmdline>:1: ";
    // The patterns of parser.go, as Go's regexp (leftmost-first, '.' not matching a newline) finds them.
    private static final Pattern REGEXP = Pattern.compile("^/(?:\\\\.|[^/])+/", Pattern.UNIX_LINES);
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("^\"(?:\"\"|[^\"])+\"");
    private static final Pattern BACKQUOTED = Pattern.compile("^`(?:``|[^`])+`");
    private static final Pattern WILDCARD_RANGE = Pattern.compile("^\\[!?(?:\\\\[^0-9a-zA-Z]|[^\\\\\\]])+\\]");

    /** What an {@code @file} rule does: the file is on the server, so a client cannot know it. */
    public enum Imports {
        /** Pass it: the server decides (a client checking before it sends). */
        UNCHECKED,
        /** Refuse it as a server without that file does (the sandbox has no files to import). */
        MISSING
    }

    /** A rule TiDB's parser refuses; the message is TiDB's. */
    public static final class InvalidRule extends Exception {
        private String rule;

        InvalidRule(String message) {
            super(message);
        }

        /** The rule refused, as given. */
        public String rule() {
            return rule;
        }
    }

    private TableFilter() {}

    /** Parses {@code rules} as tidb's {@code filter.Parse}, in order; the first bad one throws. */
    public static void check(List<String> rules, Imports imports) throws InvalidRule {
        for (String rule : rules) {
            checkRule(rule, imports, true);
        }
    }

    /**
     * Parses column rules (a column selector's {@code columns}) as tidb's {@code filter.ParseColumnFilter}: one
     * pattern each, without the schema part.
     */
    public static void checkColumns(List<String> rules, Imports imports) throws InvalidRule {
        for (String rule : rules) {
            checkRule(rule, imports, false);
        }
    }

    private static void checkRule(String rule, Imports imports, boolean table) throws InvalidRule {
        try {
            parseRule(rule, imports, table);
        } catch (InvalidRule e) {
            e.rule = rule;
            throw e;
        }
    }

    private static void parseRule(String rule, Imports imports, boolean table) throws InvalidRule {
        String line = trim(rule);
        if (line.isEmpty() || line.charAt(0) == '#') {
            return;
        }
        if (line.charAt(0) == '!') {
            line = line.substring(1);
        } else if (line.charAt(0) == '@') {
            if (imports == Imports.MISSING) {
                throw new InvalidRule(WHERE + "cannot open filter file: open " + line.substring(1)
                        + ": no such file or directory");
            }
            return;
        }
        String rest = pattern(line, table);
        if (!table) {
            if (!rest.isEmpty()) {
                throw new InvalidRule(WHERE + "syntax error: stray characters after column pattern");
            }
            return;
        }
        if (rest.isEmpty()) {
            throw new InvalidRule(WHERE + "wrong table pattern");
        }
        if (rest.charAt(0) != '.') {
            throw new InvalidRule(WHERE + "syntax error: missing '.' between schema and table patterns");
        }
        if (!pattern(rest.substring(1), true).isEmpty()) {
            throw new InvalidRule(WHERE + "syntax error: stray characters after table pattern");
        }
    }

    /** Go's strings.Trim(line, " \t"). */
    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * parsePattern: checks the pattern at the start of {@code line} and returns what follows it; a '.' ends a
     * wildcard in a table rule and is refused in a column rule.
     */
    private static String pattern(String line, boolean dotEnds) throws InvalidRule {
        if (line.isEmpty()) {
            throw new InvalidRule(WHERE + "syntax error: missing pattern");
        }
        switch (line.charAt(0)) {
            case '/' -> {
                int end = matchEnd(REGEXP, line);
                if (end < 0) {
                    throw new InvalidRule(WHERE + "syntax error: incomplete regexp");
                }
                compile(line.substring(1, end - 1));
                return line.substring(end);
            }
            case '"', '`' -> {
                int end = matchEnd(line.charAt(0) == '"' ? DOUBLE_QUOTED : BACKQUOTED, line);
                if (end < 0) {
                    throw new InvalidRule(WHERE + "syntax error: incomplete quoted identifier");
                }
                return line.substring(end);
            }
            default -> {
                return wildcard(line, dotEnds);
            }
        }
    }

    /** parseWildcardPattern: a literal name or a wildcard, which TiDB turns into a regular expression. */
    private static String wildcard(String line, boolean dotEnds) throws InvalidRule {
        StringBuilder regexp = new StringBuilder("(?s)^");
        boolean literal = true;
        int i = 0;
        loop:
        while (i < line.length()) {
            char c = line.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i == line.length() - 1) {
                        throw new InvalidRule(WHERE + "syntax error: cannot place \\ at end of line");
                    }
                    char escaped = line.charAt(i + 1);
                    if (isAsciiAlnum(escaped)) {
                        throw new InvalidRule(WHERE + "cannot escape a letter or number (\\" + escaped
                                + "), it is reserved for future extension");
                    }
                    regexp.append(escaped < 0x80 ? "\\" : "").append(escaped);
                    i += 2;
                }
                case '.' -> {
                    if (!dotEnds) {
                        throw new InvalidRule(WHERE + "unexpected special character '.'");
                    }
                    break loop; // the separator of schema and table
                }
                case '*' -> {
                    literal = false;
                    regexp.append(".*");
                    i++;
                }
                case '?' -> {
                    literal = false;
                    regexp.append('.');
                    i++;
                }
                case '[' -> {
                    literal = false;
                    int end = matchEnd(WILDCARD_RANGE, line.substring(i));
                    if (end < 0) {
                        throw new InvalidRule(WHERE + "syntax error: failed to parse character class");
                    }
                    end += i;
                    char after = line.charAt(i + 1);
                    if (after == '!') {
                        regexp.append("[^").append(line, i + 2, end);
                    } else if (after == '^') {
                        regexp.append("[\\^").append(line, i + 2, end); // '^' is not special in a glob
                    } else {
                        regexp.append(line, i, end);
                    }
                    i = end;
                }
                default -> {
                    if (!(c == '$' || c == '_' || isAsciiAlnum(c) || c >= 0x80)) {
                        throw new InvalidRule(WHERE + "unexpected special character '" + c + "'");
                    }
                    regexp.append(c);
                    i++;
                }
            }
        }
        if (!literal) {
            compile(regexp.append('$').toString());
        }
        return line.substring(i);
    }

    private static void compile(String regexp) throws InvalidRule {
        try {
            GoRegexp.check(regexp);
        } catch (GoRegexp.SyntaxError e) {
            throw new InvalidRule(WHERE + "invalid pattern: " + e.getMessage());
        }
    }

    /** Where a match of {@code pattern} at the start of {@code s} ends, or -1. */
    private static int matchEnd(Pattern pattern, String s) {
        Matcher m = pattern.matcher(s);
        return m.lookingAt() ? m.end() : -1;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
