package dev.ticdcctl.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} and {@code time.Duration.String()}, ported step by step so that durations are
 * accepted, rejected and printed exactly as TiCDC does, error texts included. Values are int64 nanoseconds;
 * the parser accumulates in unsigned 64-bit arithmetic like Go, so integer parts are exact and only a fraction goes
 * through float64 (as in Go: {@code "1.5h"} is computed with doubles there too).
 */
public final class GoDurations {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 1<<63 as an unsigned value: the largest magnitude Go accepts (only for a negative result). */
    private static final long MAX_MAGNITUDE = Long.MIN_VALUE;

    /**
     * Which durations a parse accepts. {@code GO} is Go's {@code time.ParseDuration}. {@code FLAG} is ticdcctl's own
     * flags and context settings: no sign, no bare {@code 0}, digits on both sides of a dot, and days as well.
     */
    enum Syntax {
        GO(Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L /* micro sign */, "\u03bcs", 1_000L /* Greek mu */,
                "ms", 1_000_000L, "s", NANOS_PER_SECOND, "m", 60 * NANOS_PER_SECOND, "h", 3600 * NANOS_PER_SECOND)),
        FLAG(Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "ms", 1_000_000L, "s", NANOS_PER_SECOND,
                "m", 60 * NANOS_PER_SECOND, "h", 3600 * NANOS_PER_SECOND, "d", 86400 * NANOS_PER_SECOND));

        final Map<String, Long> units;

        Syntax(Map<String, Long> units) {
            this.units = units;
        }
    }

    private GoDurations() {}

    /** Parses {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}; the exception message is Go's error text. */
    public static long parse(String text) {
        return parse(text, Syntax.GO);
    }

    /** The one duration scanner, for Go's syntax or for ticdcctl's flags ({@link Durations#parse}). */
    static long parse(String text, Syntax syntax) {
        boolean go = syntax == Syntax.GO;
        String s = text;
        boolean negative = false;
        if (go && !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (go && s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0; // unsigned
        while (!s.isEmpty()) {
            char first = s.charAt(0);
            if (first != '.' && (first < '0' || first > '9')) {
                throw invalid(text);
            }
            int intEnd = digitsEnd(s, 0);
            long whole = leadingInt(s, intEnd, text);
            boolean hasWhole = intEnd > 0;
            if (!go && !hasWhole) {
                throw invalid(text);
            }
            s = s.substring(intEnd);
            long fraction = 0; // unsigned
            double scale = 1;
            boolean hasFraction = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                int fractionEnd = digitsEnd(s, 1);
                hasFraction = fractionEnd > 1;
                if (!go && !hasFraction) {
                    throw invalid(text);
                }
                // Go stops accumulating precision once the digits overflow; later digits are only consumed.
                for (int i = 1; i < fractionEnd; i++) {
                    if (Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0) {
                        break;
                    }
                    long next = fraction * 10 + (s.charAt(i) - '0');
                    if (Long.compareUnsigned(next, MAX_MAGNITUDE) > 0) {
                        break;
                    }
                    fraction = next;
                    scale *= 10;
                }
                s = s.substring(fractionEnd);
            }
            if (!hasWhole && !hasFraction) {
                throw invalid(text);
            }
            int unitEnd = 0;
            while (unitEnd < s.length() && s.charAt(unitEnd) != '.'
                    && (s.charAt(unitEnd) < '0' || s.charAt(unitEnd) > '9')) {
                unitEnd++;
            }
            if (unitEnd == 0) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            String unitName = s.substring(0, unitEnd);
            s = s.substring(unitEnd);
            Long unit = syntax.units.get(unitName);
            if (unit == null) {
                throw new IllegalArgumentException(
                        "time: unknown unit " + quote(unitName) + " in duration " + quote(text));
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, unit)) > 0) {
                throw invalid(text);
            }
            long value = whole * unit;
            if (fraction != 0) {
                value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
                if (Long.compareUnsigned(value, MAX_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, MAX_MAGNITUDE) > 0) {
                throw invalid(text);
            }
        }
        if (negative) {
            return -total;
        }
        if (total < 0) { // exactly 1<<63 cannot be positive
            throw invalid(text);
        }
        return total;
    }

    /** Go's {@code Duration.String()}: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 100ms}, {@code 0s}. */
    public static String format(long nanos) {
        boolean negative = nanos < 0;
        long u = negative ? -nanos : nanos; // unsigned magnitude, also right for Long.MIN_VALUE
        StringBuilder reversed = new StringBuilder();
        if (Long.compareUnsigned(u, NANOS_PER_SECOND) < 0) {
            if (u == 0) {
                return "0s";
            }
            int precision;
            if (u < 1_000) {
                precision = 0;
                reversed.append("sn");
            } else if (u < 1_000_000) {
                precision = 3;
                reversed.append("s\u00b5");
            } else {
                precision = 6;
                reversed.append("sm");
            }
            u = appendFraction(reversed, u, precision);
            appendDigits(reversed, u);
        } else {
            reversed.append('s');
            u = appendFraction(reversed, u, 9);
            appendDigits(reversed, Long.remainderUnsigned(u, 60));
            u = Long.divideUnsigned(u, 60);
            if (u > 0) {
                reversed.append('m');
                appendDigits(reversed, u % 60);
                u /= 60;
                if (u > 0) {
                    reversed.append('h');
                    appendDigits(reversed, u);
                }
            }
        }
        if (negative) {
            reversed.append('-');
        }
        return reversed.reverse().toString();
    }

    /** Go's {@code fmt.Sprintf("%f", d.Seconds())}, used by TiCDC's stuck-duration message. */
    public static String secondsFixed6(long nanos) {
        double seconds = (double) (nanos / NANOS_PER_SECOND) + (double) (nanos % NANOS_PER_SECOND) / 1e9;
        return new BigDecimal(seconds).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static long leadingInt(String s, int end, String original) {
        long x = 0; // unsigned
        for (int i = 0; i < end; i++) {
            if (Long.compareUnsigned(x, Long.divideUnsigned(MAX_MAGNITUDE, 10)) > 0) {
                throw invalid(original);
            }
            x = x * 10 + (s.charAt(i) - '0');
            if (Long.compareUnsigned(x, MAX_MAGNITUDE) > 0) {
                throw invalid(original);
            }
        }
        return x;
    }

    /** Fraction digits of {@code v / 10^precision} without trailing zeros, appended in reverse; returns the rest. */
    private static long appendFraction(StringBuilder reversed, long v, int precision) {
        boolean print = false;
        for (int i = 0; i < precision; i++) {
            long digit = Long.remainderUnsigned(v, 10);
            print = print || digit != 0;
            if (print) {
                reversed.append((char) ('0' + digit));
            }
            v = Long.divideUnsigned(v, 10);
        }
        if (print) {
            reversed.append('.');
        }
        return v;
    }

    private static void appendDigits(StringBuilder reversed, long v) {
        reversed.append(new StringBuilder(Long.toUnsignedString(v)).reverse());
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static IllegalArgumentException invalid(String original) {
        return new IllegalArgumentException("time: invalid duration " + quote(original));
    }

    /** Go's time.quote: printable ASCII kept (escaping quote and backslash), anything else as UTF-8 \x bytes. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c >= 0x80 || c < ' ') {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("\\x%02x", b & 0xff));
                }
            } else {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    /**
     * The shortest readable exact form: hours, minutes and (fractional) seconds, zero parts left out ({@code "10m"},
     * {@code "24h"}, {@code "1h30m"}, {@code "1m0.5s"}); below a second {@code ms}, {@code us} or {@code ns}.
     */
    public static String compact(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = nanos < 0 ? -nanos : nanos; // unsigned from here on: -Long.MIN_VALUE is 2^63
        long hours = Long.divideUnsigned(u, 3600 * NANOS_PER_SECOND);
        long rest = Long.remainderUnsigned(u, 3600 * NANOS_PER_SECOND);
        long minutes = rest / (60 * NANOS_PER_SECOND);
        rest %= 60 * NANOS_PER_SECOND;
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (rest > 0) {
            boolean whole = hours > 0 || minutes > 0 || rest >= NANOS_PER_SECOND;
            long unit = whole ? NANOS_PER_SECOND : rest >= 1_000_000 ? 1_000_000 : rest >= 1_000 ? 1_000 : 1;
            String name = whole ? "s" : unit == 1_000_000 ? "ms" : unit == 1_000 ? "us" : "ns";
            out.append(BigDecimal.valueOf(rest).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString())
                    .append(name);
        }
        return out.toString();
    }
}
