package dev.ticdcctl.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far Go's {@code json.Decoder.Decode} reads a request body before decoding it (gin's {@code BindJSON}), and the
 * error it gives when the body is not one JSON value: the states of Go's encoding/json scanner.go with their
 * messages ({@code invalid character 'x' looking for beginning of object key string}), {@code EOF} for a body with
 * nothing but whitespace and {@code unexpected EOF} for one that ends inside a value. Like the Decoder, it reads only
 * the first value: what follows it is never looked at (Go's scanner reports it only on a next Decode).
 */
final class GoJsonScanner {
    /** A body the Decoder refuses; the message is Go's. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private enum Container { OBJECT_KEY, OBJECT_VALUE, ARRAY }

    private final byte[] body;
    private final Deque<Container> stack = new ArrayDeque<>();
    private int i;

    private GoJsonScanner(byte[] body) {
        this.body = body;
    }

    /** The length of the body's first JSON value (from its start), as Go's Decoder would decode it. */
    static int firstValue(byte[] body) throws SyntaxError {
        return new GoJsonScanner(body).scan();
    }

    /**
     * As {@code json.Unmarshal} checks a body (encoding/json scanner.go {@code checkValid}): one value and nothing
     * but whitespace after it; a body that ends early is {@code unexpected end of JSON input}. Returns its length.
     */
    static int wholeValue(byte[] body) throws SyntaxError {
        GoJsonScanner scanner = new GoJsonScanner(body);
        int end;
        try {
            end = scanner.scan();
        } catch (SyntaxError e) {
            if (e.getMessage().endsWith("EOF")) {
                throw new SyntaxError("unexpected end of JSON input");
            }
            throw e;
        }
        scanner.skipSpace();
        if (scanner.i < body.length) {
            throw invalid(body[scanner.i] & 0xff, "after top-level value");
        }
        return end;
    }

    private int scan() throws SyntaxError {
        skipSpace();
        if (i >= body.length) {
            throw new SyntaxError("EOF");
        }
        value("looking for beginning of value");
        while (!stack.isEmpty()) {
            afterValue();
        }
        return i;
    }

    /** One value; a container is opened and left on the stack for {@link #afterValue} to close. */
    private void value(String context) throws SyntaxError {
        int c = next();
        switch (c) {
            case '{' -> {
                skipSpace();
                if (peek() == '}') {
                    i++;
                } else {
                    key();
                }
            }
            case '[' -> {
                skipSpace();
                if (peek() == ']') {
                    i++;
                } else {
                    stack.push(Container.ARRAY);
                    skipSpace();
                    value("looking for beginning of value");
                }
            }
            case '"' -> string();
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(c);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> throw invalid(c, context);
        }
    }

    /** An object's key, then its value. */
    private void key() throws SyntaxError {
        skipSpace();
        int c = next();
        if (c != '"') {
            throw invalid(c, "looking for beginning of object key string");
        }
        string();
        stack.push(Container.OBJECT_KEY);
    }

    /** What may follow a value inside the innermost container. */
    private void afterValue() throws SyntaxError {
        skipSpace();
        int c = next();
        Container top = stack.pop();
        switch (top) {
            case OBJECT_KEY -> {
                if (c != ':') {
                    throw invalid(c, "after object key");
                }
                stack.push(Container.OBJECT_VALUE);
                skipSpace();
                value("looking for beginning of value");
            }
            case OBJECT_VALUE -> {
                if (c == ',') {
                    key();
                } else if (c != '}') {
                    throw invalid(c, "after object key:value pair");
                }
            }
            case ARRAY -> {
                if (c == ',') {
                    stack.push(Container.ARRAY);
                    skipSpace();
                    value("looking for beginning of value");
                } else if (c != ']') {
                    throw invalid(c, "after array element");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void string() throws SyntaxError {
        while (true) {
            int c = next();
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                int e = next();
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        int h = next();
                        if (!isHex(h)) {
                            throw invalid(h, "in \\u hexadecimal character escape");
                        }
                    }
                } else if ("bfnrt\\/\"".indexOf(e) < 0) {
                    throw invalid(e, "in string escape code");
                }
            } else if (c < 0x20) {
                throw invalid(c, "in string literal");
            }
        }
    }

    private void number(int first) throws SyntaxError {
        int c = first;
        if (c == '-') {
            c = next();
            if (c < '0' || c > '9') {
                throw invalid(c, "in numeric literal");
            }
        }
        if (c != '0') {
            digits();
        }
        if (peekOrEnd() == '.') {
            i++;
            int d = next();
            if (d < '0' || d > '9') {
                throw invalid(d, "after decimal point in numeric literal");
            }
            digits();
        }
        if (peekOrEnd() == 'e' || peekOrEnd() == 'E') {
            i++;
            int s = next();
            if (s == '+' || s == '-') {
                s = next();
            }
            if (s < '0' || s > '9') {
                throw invalid(s, "in exponent of numeric literal");
            }
            digits();
        }
    }

    private void literal(String word) throws SyntaxError {
        for (int k = 1; k < word.length(); k++) {
            int c = next();
            if (c != word.charAt(k)) {
                throw invalid(c, "in literal " + word + " (expecting '" + word.charAt(k) + "')");
            }
        }
    }

    private void digits() {
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            i++;
        }
    }

    private void skipSpace() {
        while (i < body.length && isSpace(body[i])) {
            i++;
        }
    }

    /** The next byte; the body ending inside a value is Go's io.ErrUnexpectedEOF. */
    private int next() throws SyntaxError {
        if (i >= body.length) {
            throw new SyntaxError("unexpected EOF");
        }
        return body[i++] & 0xff;
    }

    private int peek() throws SyntaxError {
        if (i >= body.length) {
            throw new SyntaxError("unexpected EOF");
        }
        return body[i] & 0xff;
    }

    private int peekOrEnd() {
        return i < body.length ? body[i] & 0xff : -1;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static SyntaxError invalid(int c, String context) {
        return new SyntaxError("invalid character " + quoteChar(c) + " " + context);
    }

    /** Go's scanner quoteChar: the byte as a rune, quoted with single quotes as strconv.Quote would escape it. */
    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String shown = switch (c) {
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x0B -> "\\v";
            case '\\' -> "\\\\";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                    : c >= 0x80 && (c < 0xA1 || c == 0xAD) ? String.format("\\u%04x", c)
                    : String.valueOf((char) c);
        };
        return "'" + shown + "'";
    }
}
