package dev.ticdcctl.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go duration strings ({@code "10m"}, {@code "1h30m"}, {@code "1.5s"}) as BurntSushi/toml reads them into TiCDC's
 * {@code time.Duration} settings, in int64 nanoseconds. Exact arithmetic is used where Go goes through float64 for a
 * fractional part; the two agree except for fractions beyond float64 precision, which no config file contains.
 */
final class GoDuration {
    /** A number (Go allows {@code "1."} and {@code ".5"}) and a unit; µ comes as the micro sign or Greek mu. */
    private static final String PART_SYNTAX = "(\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)";
    private static final Pattern WHOLE = Pattern.compile("[-+]?(?:" + PART_SYNTAX + ")+");
    private static final Pattern PART = Pattern.compile(PART_SYNTAX);
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {}

    /** Nanoseconds of a Go duration string; IllegalArgumentException when Go's time.ParseDuration would fail. */
    static long parse(String text) {
        if (text.equals("0") || text.equals("+0") || text.equals("-0")) {
            return 0; // the only unit-less duration Go accepts
        }
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            BigDecimal value = new BigDecimal(part.group(1).endsWith(".") ? part.group(1) + "0" : part.group(1));
            nanos = nanos.add(value.multiply(BigDecimal.valueOf(UNIT_NANOS.get(part.group(2))))
                    .setScale(0, RoundingMode.DOWN));
        }
        BigInteger exact = text.startsWith("-") ? nanos.toBigInteger().negate() : nanos.toBigInteger();
        if (exact.bitLength() > 63) {
            throw new IllegalArgumentException(text);
        }
        return exact.longValueExact();
    }

    /**
     * The shortest readable exact form: hours, minutes and (fractional) seconds, zero parts left out ({@code "10m"},
     * {@code "24h"}, {@code "1h30m"}, {@code "1m0.5s"}); below a second {@code ms}, {@code us} or {@code ns}.
     */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = nanos < 0 ? -nanos : nanos; // unsigned from here on: -Long.MIN_VALUE is 2^63
        long hours = Long.divideUnsigned(u, 3600 * SECOND);
        long rest = Long.remainderUnsigned(u, 3600 * SECOND);
        long minutes = rest / (60 * SECOND);
        rest %= 60 * SECOND;
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (rest > 0) {
            boolean whole = hours > 0 || minutes > 0 || rest >= SECOND;
            long unit = whole ? SECOND : rest >= 1_000_000 ? 1_000_000 : rest >= 1_000 ? 1_000 : 1;
            String name = whole ? "s" : unit == 1_000_000 ? "ms" : unit == 1_000 ? "us" : "ns";
            out.append(BigDecimal.valueOf(rest).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString())
                    .append(name);
        }
        return out.toString();
    }
}
