package dev.ticdcctl.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as an operator writes it: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB}. K, M and G
 * count in powers of 1024 with or without the {@code i} and the {@code B} ({@code 64M}, {@code 64MB}), as most tools
 * that size buffers do.
 */
public record ByteSize(long bytes) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
    }

    /** Parses a size; throws IllegalArgumentException naming the accepted form. */
    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 1048576, 512KiB, 64MiB, 1GiB)");
        }
        int shift = switch (m.group(2).isEmpty() ? 'b' : m.group(2).charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        return new ByteSize(Long.parseLong(m.group(1)) << shift);
    }

    /** The largest unit that shows the size exactly: {@code 64MiB}, {@code 1536KiB}, {@code 1000B}. */
    @Override
    public String toString() {
        int unit = 0;
        long value = bytes;
        while (unit < UNITS.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + UNITS[unit];
    }
}
