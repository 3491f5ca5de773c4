package dev.ticdcctl.cli.top;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint lag of one changefeed over the last {@link #WINDOW}, one sample per refresh, drawn with block
 * characters: a column for each slice of the window, as high as the largest lag in it, scaled to the largest lag of
 * the window but never to less than {@link #SCALE_FLOOR}, so that a steady lag of a second stays low rather than
 * filling the cell. A slice without a sample stays blank, so a gap in the refreshes shows as one.
 */
final class LagTrend {
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration SCALE_FLOOR = Duration.ofSeconds(10);
    /** Eighths of a cell, from a baseline (no lag) to a full block. */
    private static final String BLOCKS = "▁▂▃▄▅▆▇█";
    private static final String EIGHTHS = " ▁▂▃▄▅▆▇█";

    private record Sample(Instant at, long millis) {}

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    void add(Instant at, Duration lag) {
        samples.addLast(new Sample(at, Math.max(lag.toMillis(), 0)));
        while (samples.getFirst().at().isBefore(at.minus(WINDOW))) {
            samples.removeFirst();
        }
    }

    int size() {
        return samples.size();
    }

    /** One line of {@code columns} cells ending at {@code now}. */
    String sparkline(int columns, Instant now) {
        long[] peaks = peaks(columns, now);
        long max = max(peaks);
        StringBuilder line = new StringBuilder(columns);
        for (long peak : peaks) {
            line.append(peak < 0 ? ' ' : BLOCKS.charAt((int) (Math.min(peak, max) * 7 / max)));
        }
        return line.toString();
    }

    /** A chart {@code rows} lines high, the top line first, for the detail view. */
    List<String> chart(int columns, int rows, Instant now) {
        long[] peaks = peaks(columns, now);
        long max = max(peaks);
        List<String> lines = new ArrayList<>(rows);
        for (int row = rows - 1; row >= 0; row--) {
            StringBuilder line = new StringBuilder(columns);
            for (long peak : peaks) {
                // the height in eighths of a cell; a sample of no lag still shows as the baseline
                int eighths = peak < 0 ? 0 : Math.max(1, (int) Math.round(peak * 8.0 * rows / max));
                line.append(EIGHTHS.charAt(Math.max(0, Math.min(8, eighths - row * 8))));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The largest lag in the window, or 0. */
    Duration peak() {
        return Duration.ofMillis(samples.stream().mapToLong(Sample::millis).max().orElse(0));
    }

    /** The largest lag in each of {@code columns} slices of the window ending at {@code now}; -1 where none. */
    private long[] peaks(int columns, Instant now) {
        long[] peaks = new long[Math.max(columns, 0)];
        java.util.Arrays.fill(peaks, -1);
        long window = WINDOW.toMillis();
        long end = now.toEpochMilli();
        for (Sample s : samples) {
            long age = end - s.at().toEpochMilli();
            if (age < 0 || age >= window || columns == 0) {
                continue;
            }
            int column = columns - 1 - (int) (age * columns / window);
            peaks[column] = Math.max(peaks[column], s.millis());
        }
        return peaks;
    }

    private static long max(long[] values) {
        long max = SCALE_FLOOR.toMillis();
        for (long v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
