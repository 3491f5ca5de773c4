package dev.ticdcctl.cli.top;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend's drawing: slices of the window, blanks where no refresh was, scaled to the window's largest lag. */
class LagTrendTest {
    private static final Instant NOW = Instant.parse("2024-07-01T02:05:10Z");

    private static LagTrend trend(long... secondsAgoThenLag) {
        LagTrend trend = new LagTrend();
        for (int i = 0; i < secondsAgoThenLag.length; i += 2) {
            trend.add(NOW.minusSeconds(secondsAgoThenLag[i]), Duration.ofSeconds(secondsAgoThenLag[i + 1]));
        }
        return trend;
    }

    @Test
    void a_growing_lag_rises_to_a_full_block_at_its_peak() {
        // one sample per minute of the five, the lag 20s, 40s, 60s, 80s, 160s
        assertEquals("▁▂▃▄█", trend(240, 20, 180, 40, 120, 60, 60, 80, 0, 160).sparkline(5, NOW));
    }

    @Test
    void a_small_steady_lag_stays_low_and_a_missed_refresh_leaves_a_gap() {
        // slices of 75s: the second and the last have a sample, of a lag far below the scale's floor
        assertEquals(" ▁ ▁", trend(200, 1, 50, 1, 0, 1).sparkline(4, NOW));
    }

    @Test
    void samples_older_than_the_window_are_dropped() {
        LagTrend trend = trend(400, 100, 0, 5);

        assertEquals(1, trend.size());
        assertEquals(Duration.ofSeconds(5), trend.peak());
    }

    @Test
    void the_chart_of_the_detail_view_is_several_rows_high() {
        // 0s, 10s, 30s and 30s on three rows of eight eighths: no lag is the baseline, 10s a third of the height
        assertEquals(List.of("  ██", "  ██", "▁███"), trend(225, 0, 150, 10, 75, 30, 0, 30).chart(4, 3, NOW));
    }
}
