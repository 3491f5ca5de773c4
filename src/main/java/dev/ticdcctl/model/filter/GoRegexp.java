package dev.ticdcctl.model.filter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Whether Go's {@code regexp.Compile} (RE2 syntax, Perl flags, Go 1.23 as TiCDC v8.5 is built with) accepts a
 * pattern, and if not the error it gives: the checks of Go's regexp/syntax {@code parse} in its order, with its
 * codes and the part of the pattern it names. Go's limits on a pattern's compiled size and nesting depth (millions of
 * instructions, 1,000 levels) are not checked.
 */
public final class GoRegexp {
    private static final int MAX_REPEAT = 1000;
    private static final int MAX_RUNE = 0x10FFFF;
    /** A pattern Go refuses, with Go's message: {@code error parsing regexp: <code>: `<part>`}. */
    public static final class SyntaxError extends Exception {
        SyntaxError(String code, String expr) {
            super("error parsing regexp: " + code + ": `" + expr + "`");
        }
    }

    /** A parsed piece, kept only as far as the repeat-count check needs it. */
    private record Node(int min, int max, boolean counted, List<Node> subs) {
        static Node leaf() {
            return new Node(0, 0, false, List.of());
        }

        static Node of(List<Node> subs) {
            return new Node(0, 0, false, List.copyOf(subs));
        }
    }

    /** An open group: the alternatives before the last '|' and the pieces after it. */
    private static final class Group {
        final List<Node> alternatives = new ArrayList<>();
        List<Node> pieces = new ArrayList<>();

        void bar() {
            alternatives.add(Node.of(pieces));
            pieces = new ArrayList<>();
        }

        Node close() {
            bar();
            return Node.of(alternatives);
        }
    }

    private final String whole;
    private int pos;
    private final Deque<Group> open = new ArrayDeque<>();
    private Group current = new Group();
    /** Where the repeat operator of the previous step began, or -1 when that step was no repeat. */
    private int lastRepeat = -1;

    private GoRegexp(String pattern) {
        this.whole = pattern;
    }

    /** Checks {@code pattern} as Go's {@code regexp.Compile} would; throws Go's error when it refuses it. */
    public static void check(String pattern) throws SyntaxError {
        new GoRegexp(pattern).parse();
    }

    private void parse() throws SyntaxError {
        while (pos < whole.length()) {
            int repeat = -1;
            char c = whole.charAt(pos);
            switch (c) {
                case '(' -> {
                    if (pos + 1 < whole.length() && whole.charAt(pos + 1) == '?') {
                        perlFlags();
                    } else {
                        openGroup(pos + 1);
                    }
                }
                case '|' -> {
                    current.bar();
                    pos++;
                }
                case ')' -> closeGroup();
                case '^', '$', '.' -> piece(pos + 1);
                case '[' -> parseClass();
                case '*', '+', '?' -> {
                    repeat = pos;
                    repeat(pos, pos + 1, 0, 0, false);
                }
                case '{' -> repeat = braces();
                case '\\' -> escape();
                default -> piece(pos + Character.charCount(whole.codePointAt(pos)));
            }
            lastRepeat = repeat;
        }
        if (!open.isEmpty()) {
            throw new SyntaxError("missing closing )", whole);
        }
    }

    private void piece(int next) {
        current.pieces.add(Node.leaf());
        pos = next;
    }

    private void openGroup(int next) {
        open.push(current);
        current = new Group();
        pos = next;
    }

    private void closeGroup() throws SyntaxError {
        if (open.isEmpty()) {
            throw new SyntaxError("unexpected )", whole);
        }
        Node group = current.close();
        current = open.pop();
        current.pieces.add(group);
        pos++;
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}}; anything else makes '{' a literal. Returns where a repeat began. */
    private int braces() throws SyntaxError {
        int start = pos;
        int[] bounds = repeatBounds(start);
        if (bounds == null) {
            piece(pos + 1);
            return -1;
        }
        int min = bounds[0];
        int max = bounds[1];
        int end = bounds[2];
        if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && min > max) {
            throw new SyntaxError("invalid repeat count", whole.substring(start, end));
        }
        repeat(start, end, min, max, true);
        return start;
    }

    /** Go's parseRepeat: {min, max (-1: none), end}, min -1 for a number too big; null if not a repeat. */
    private int[] repeatBounds(int start) {
        int[] min = number(start + 1);
        if (min == null || min[1] >= whole.length()) {
            return null;
        }
        int at = min[1];
        int max;
        if (whole.charAt(at) != ',') {
            max = min[0];
        } else {
            at++;
            if (at >= whole.length()) {
                return null;
            }
            if (whole.charAt(at) == '}') {
                max = -1;
            } else {
                int[] parsed = number(at);
                if (parsed == null) {
                    return null;
                }
                max = parsed[0];
                at = parsed[1];
                if (max < 0) {
                    min[0] = -1;
                }
            }
        }
        if (at >= whole.length() || whole.charAt(at) != '}') {
            return null;
        }
        return new int[] {min[0], max, at + 1};
    }

    /** Go's parseInt: {value (-1 when 10^8 or more), end}; null without digits or with a leading zero. */
    private int[] number(int at) {
        if (at >= whole.length() || !isDigit(whole.charAt(at))) {
            return null;
        }
        if (whole.charAt(at) == '0' && at + 1 < whole.length() && isDigit(whole.charAt(at + 1))) {
            return null;
        }
        int end = at;
        while (end < whole.length() && isDigit(whole.charAt(end))) {
            end++;
        }
        int n = 0;
        for (int i = at; i < end; i++) {
            if (n >= 100_000_000) {
                n = -1;
                break;
            }
            n = n * 10 + whole.charAt(i) - '0';
        }
        return new int[] {n, end};
    }

    /** Go's {@code repeat}: the operator spans [start, after); a '?' after it makes it non-greedy. */
    private void repeat(int start, int after, int min, int max, boolean counted) throws SyntaxError {
        if (after < whole.length() && whole.charAt(after) == '?') {
            after++;
        }
        if (lastRepeat >= 0) {
            throw new SyntaxError("invalid nested repetition operator", whole.substring(lastRepeat, after));
        }
        List<Node> pieces = current.pieces;
        if (pieces.isEmpty()) {
            throw new SyntaxError("missing argument to repetition operator", whole.substring(start, after));
        }
        Node repeated = new Node(min, max, counted, List.of(pieces.get(pieces.size() - 1)));
        pieces.set(pieces.size() - 1, repeated);
        if (counted && (min >= 2 || max >= 2) && !repeatIsValid(repeated, MAX_REPEAT)) {
            throw new SyntaxError("invalid repeat count", whole.substring(start, after));
        }
        pos = after;
    }

    /** Go's repeatIsValid: nested counted repeats may not make more than {@code n} copies of anything. */
    private static boolean repeatIsValid(Node node, int n) {
        if (node.counted()) {
            int m = node.max();
            if (m == 0) {
                return true;
            }
            if (m < 0) {
                m = node.min();
            }
            if (m > n) {
                return false;
            }
            if (m > 0) {
                n /= m;
            }
        }
        for (Node sub : node.subs()) {
            if (!repeatIsValid(sub, n)) {
                return false;
            }
        }
        return true;
    }

    /** Go's parsePerlFlags, at "(?": a named group, a non-capturing group, or flags. */
    private void perlFlags() throws SyntaxError {
        int start = pos;
        String t = whole.substring(start);
        boolean startsWithP = t.length() > 4 && t.charAt(2) == 'P' && t.charAt(3) == '<';
        boolean startsWithName = t.length() > 3 && t.charAt(2) == '<';
        if (startsWithP || startsWithName) {
            int end = t.indexOf('>');
            if (end < 0) {
                throw new SyntaxError("invalid named capture", t);
            }
            String name = t.substring(startsWithName ? 3 : 4, end);
            if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || isAlnum(ch))) {
                throw new SyntaxError("invalid named capture", t.substring(0, end + 1));
            }
            openGroup(start + end + 1);
            return;
        }
        int at = start + 2;
        boolean negated = false;
        boolean sawFlag = false;
        while (at < whole.length()) {
            int c = whole.codePointAt(at);
            at += Character.charCount(c);
            if (c == 'i' || c == 'm' || c == 's' || c == 'U') {
                sawFlag = true;
            } else if (c == '-' && !negated) {
                negated = true;
                sawFlag = false;
            } else if ((c == ':' || c == ')') && !(negated && !sawFlag)) {
                if (c == ':') {
                    openGroup(at);
                } else {
                    pos = at;
                }
                return;
            } else {
                break;
            }
        }
        throw new SyntaxError("invalid or unsupported Perl syntax", whole.substring(start, at));
    }

    /** A backslash outside a class: an assertion, \Q...\E, a class escape or a single-character escape. */
    private void escape() throws SyntaxError {
        if (pos + 1 < whole.length()) {
            switch (whole.charAt(pos + 1)) {
                case 'A', 'b', 'B', 'z' -> {
                    piece(pos + 2);
                    return;
                }
                case 'C' -> throw new SyntaxError("invalid escape sequence", "\\C");
                case 'Q' -> {
                    int end = whole.indexOf("\\E", pos + 2);
                    String literal = end < 0 ? whole.substring(pos + 2) : whole.substring(pos + 2, end);
                    literal.codePoints().forEach(ch -> current.pieces.add(Node.leaf()));
                    pos = end < 0 ? whole.length() : end + 2;
                    return;
                }
                default -> { }
            }
        }
        int next = unicodeClass(pos);
        if (next < 0) {
            next = perlClass(pos);
        }
        if (next < 0) {
            next = singleEscape(pos)[1];
        }
        piece(next);
    }

    /** Go's parseClass: a bracketed class from '['. */
    private void parseClass() throws SyntaxError {
        String wholeClass = whole.substring(pos);
        int at = pos + 1;
        if (at < whole.length() && whole.charAt(at) == '^') {
            at++;
        }
        boolean first = true;
        while (at >= whole.length() || whole.charAt(at) != ']' || first) {
            first = false;
            if (at + 2 < whole.length() && whole.startsWith("[:", at)) {
                int named = namedClass(at);
                if (named >= 0) {
                    at = named;
                    continue;
                }
            }
            int next = unicodeClass(at);
            if (next < 0) {
                next = perlClass(at);
            }
            if (next >= 0) {
                at = next;
                continue;
            }
            int rangeStart = at;
            int[] lo = classChar(at, wholeClass);
            at = lo[1];
            if (at + 1 < whole.length() && whole.charAt(at) == '-' && whole.charAt(at + 1) != ']') {
                int[] hi = classChar(at + 1, wholeClass);
                at = hi[1];
                if (hi[0] < lo[0]) {
                    throw new SyntaxError("invalid character class range", whole.substring(rangeStart, at));
                }
            }
        }
        piece(at + 1);
    }

    /** Go's parseClassChar: {rune, end}. */
    private int[] classChar(int at, String wholeClass) throws SyntaxError {
        if (at >= whole.length()) {
            throw new SyntaxError("missing closing ]", wholeClass);
        }
        if (whole.charAt(at) == '\\') {
            return singleEscape(at);
        }
        int c = whole.codePointAt(at);
        return new int[] {c, at + Character.charCount(c)};
    }

    /** Go's parseNamedClass at "[:": the end of a known POSIX class, -1 without ":]", an error for an unknown one. */
    private int namedClass(int at) throws SyntaxError {
        int close = whole.indexOf(":]", at + 2);
        if (close < 0) {
            return -1;
        }
        String name = whole.substring(at, close + 2);
        String inner = name.substring(2, name.length() - 2);
        if (!GoRegexpNames.isPosixClass(inner.startsWith("^") ? inner.substring(1) : inner)) {
            throw new SyntaxError("invalid character class range", name);
        }
        return close + 2;
    }

    /** Go's parsePerlClassEscape: the end of \d, \D, \s, \S, \w or \W at {@code at}, else -1. */
    private int perlClass(int at) {
        if (at + 1 < whole.length() && whole.charAt(at) == '\\' && "dDsSwW".indexOf(whole.charAt(at + 1)) >= 0) {
            return at + 2;
        }
        return -1;
    }

    /** Go's parseUnicodeClass: the end of \pX, \p{Name} or \P..., -1 if there is none, an error for a bad name. */
    private int unicodeClass(int at) throws SyntaxError {
        if (at + 1 >= whole.length() || whole.charAt(at) != '\\'
                || whole.charAt(at + 1) != 'p' && whole.charAt(at + 1) != 'P') {
            return -1;
        }
        int nameAt = at + 2;
        String name;
        int end;
        if (nameAt < whole.length() && whole.charAt(nameAt) == '{') {
            int close = whole.indexOf('}', at);
            if (close < 0) {
                throw new SyntaxError("invalid character class range", whole.substring(at));
            }
            name = whole.substring(nameAt + 1, close);
            end = close + 1;
        } else {
            end = nameAt >= whole.length() ? nameAt : nameAt + Character.charCount(whole.codePointAt(nameAt));
            name = whole.substring(nameAt, end);
        }
        if (!GoRegexpNames.isUnicodeClass(name.startsWith("^") ? name.substring(1) : name)) {
            throw new SyntaxError("invalid character class range", whole.substring(at, end));
        }
        return end;
    }

    /** Go's parseEscape at a backslash: {rune, end}. */
    private int[] singleEscape(int at) throws SyntaxError {
        int t = at + 1;
        if (t >= whole.length()) {
            throw new SyntaxError("trailing backslash at end of expression", "");
        }
        int c = whole.codePointAt(t);
        t += Character.charCount(c);
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                if (c != '0' && (t >= whole.length() || !isOctal(whole.charAt(t)))) {
                    break; // a backreference, which RE2 does not support
                }
                int r = c - '0';
                for (int i = 1; i < 3 && t < whole.length() && isOctal(whole.charAt(t)); i++, t++) {
                    r = r * 8 + whole.charAt(t) - '0';
                }
                return new int[] {r, t};
            }
            case 'x' -> {
                int[] hex = hexEscape(t);
                if (hex[0] >= 0) {
                    return hex;
                }
                t = hex[1];
            }
            case 'a' -> {
                return new int[] {7, t};
            }
            case 'f' -> {
                return new int[] {'\f', t};
            }
            case 'n' -> {
                return new int[] {'\n', t};
            }
            case 'r' -> {
                return new int[] {'\r', t};
            }
            case 't' -> {
                return new int[] {'\t', t};
            }
            case 'v' -> {
                return new int[] {0x0B, t};
            }
            default -> {
                if (c < 0x80 && !isAlnum(c)) {
                    return new int[] {c, t};
                }
            }
        }
        throw new SyntaxError("invalid escape sequence", whole.substring(at, t));
    }

    /** After "\x": {rune, end}, or {-1, where Go stopped reading} for a bad escape. */
    private int[] hexEscape(int t) {
        if (t >= whole.length()) {
            return new int[] {-1, t};
        }
        int c = whole.codePointAt(t);
        t += Character.charCount(c);
        if (c == '{') {
            int r = 0;
            int digits = 0;
            while (true) {
                if (t >= whole.length()) {
                    return new int[] {-1, t};
                }
                c = whole.codePointAt(t);
                t += Character.charCount(c);
                if (c == '}') {
                    break;
                }
                int v = unhex(c);
                if (v < 0) {
                    return new int[] {-1, t};
                }
                r = r * 16 + v;
                if (r > MAX_RUNE) {
                    return new int[] {-1, t};
                }
                digits++;
            }
            return digits == 0 ? new int[] {-1, t} : new int[] {r, t};
        }
        int x = unhex(c);
        int y = -1;
        if (t < whole.length()) {
            int d = whole.codePointAt(t);
            t += Character.charCount(d);
            y = unhex(d);
        }
        return x < 0 || y < 0 ? new int[] {-1, t} : new int[] {x * 16 + y, t};
    }

    private static int unhex(int c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean isAlnum(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
