package dev.ticdcctl.sandbox;

/**
 * The exponential back-off both servers restart a failing changefeed with: cenkalti/backoff v4's
 * {@code ExponentialBackOff} as tiflow cdc/owner/feed_state_manager.go ({@code NewFeedStateManager}) and ticdc
 * coordinator/changefeed/backoff.go ({@code NewBackoff}) configure it. Intervals start at 10 s and double up to
 * 10 min, each moved by up to ±10 %; {@code NextBackOff} gives up once the time since the last reset plus the next
 * interval exceeds the changefeed's {@code changefeed_error_stuck_duration}.
 *
 * <p>The ±10 % is not random here: it is a fixed function of the changefeed and the interval's number, so that
 * deriving a changefeed's history again gives the same retries, and a test can name them ({@link #interval}).
 */
final class Backoff {
    static final long INITIAL_MILLIS = 10_000;
    static final long MAX_MILLIS = 600_000;
    private static final double RANDOMIZATION = 0.1;
    /** {@code backoff.Stop}: no further retry. */
    static final long STOP = -1;

    private Backoff() {}

    /** The interval number {@code attempt} (0 after a reset) before jitter: 10 s doubled each time, at most 10 min. */
    static long nominal(int attempt) {
        long interval = INITIAL_MILLIS;
        for (int i = 0; i < attempt && interval < MAX_MILLIS; i++) {
            interval = Math.min(interval * 2, MAX_MILLIS);
        }
        return interval;
    }

    /**
     * The interval number {@code attempt} for the changefeed {@code key}, jittered as {@code
     * getRandomValueFromInterval} does: within [nominal − 10 %, nominal + 10 %].
     */
    static long interval(String key, int attempt) {
        long nominal = nominal(attempt);
        long delta = (long) (RANDOMIZATION * nominal);
        return nominal - delta + (long) (fraction(key, attempt) * (2 * delta + 1));
    }

    /**
     * {@code NextBackOff}: the interval number {@code attempt}, or {@link #STOP} when {@code elapsedMillis} (since the
     * reset) plus it exceeds {@code maxElapsedMillis}; a zero maximum never stops.
     */
    static long next(String key, int attempt, long elapsedMillis, long maxElapsedMillis) {
        long interval = interval(key, attempt);
        return maxElapsedMillis > 0 && elapsedMillis + interval > maxElapsedMillis ? STOP : interval;
    }

    /** A number in [0, 1) that depends only on its arguments (a 64-bit finalizing mix). */
    private static double fraction(String key, int attempt) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L + attempt;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
