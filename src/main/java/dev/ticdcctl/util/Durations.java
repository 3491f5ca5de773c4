package dev.ticdcctl.util;

import java.time.Duration;

/** Go-style durations ({@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 2h}), as TiCDC and its operators write them. */
public final class Durations {
    private Durations() {}

    /**
     * Parses a flag's or a context setting's duration: Go's syntax without a sign, plus days ({@code 1d}); throws
     * IllegalArgumentException naming the accepted form. {@link GoDurations#parse} reads the TiCDC side's values.
     */
    public static Duration parse(String text) {
        try {
            return Duration.ofNanos(GoDurations.parse(text.trim(), GoDurations.Syntax.FLAG));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 1m30s, 2h)");
        }
    }

    /** Compact rendering with the two largest units: {@code 850ms}, {@code 12s}, {@code 3m5s}, {@code 2h10m}, {@code 4d2h}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return two(s / 60, "m", s % 60, "s");
        }
        if (s < 86400) {
            return two(s / 3600, "h", s % 3600 / 60, "m");
        }
        return two(s / 86400, "d", s % 86400 / 3600, "h");
    }

    private static String two(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
    }
}
