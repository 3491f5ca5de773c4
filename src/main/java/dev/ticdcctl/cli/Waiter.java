package dev.ticdcctl.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Polls until a condition holds, bounded by a timeout: backing off from 100 ms to 1 s between polls while an
 * accepted request takes effect, or at a fixed interval when the user chose one.
 */
public final class Waiter {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);
    private static final String ACCEPTED_HINT =
            "the server accepted the request; check again later or wait longer with --timeout";

    /** One poll: returns the result when the condition holds, or null to poll again. */
    @FunctionalInterface
    public interface Probe<T> {
        T poll() throws InterruptedException;
    }

    private final Clock clock;
    private final Environment.Sleeper sleeper;

    Waiter(Clock clock, Environment.Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Polls {@code probe} until it returns a value. When {@code timeout} passes first, throws
     * {@link CliException.WaitTimeout} with the message {@code onTimeout} gives at that moment.
     */
    public <T> T until(Duration timeout, Probe<T> probe, Supplier<String> onTimeout) throws InterruptedException {
        return poll(timeout, FIRST_PAUSE, pause -> min(pause.multipliedBy(2), MAX_PAUSE), probe, onTimeout,
                ACCEPTED_HINT);
    }

    /** As {@link #until}, polling every {@code interval}; {@code hint} follows the timeout's message. */
    public <T> T every(Duration interval, Duration timeout, Probe<T> probe, Supplier<String> onTimeout, String hint)
            throws InterruptedException {
        return poll(timeout, interval, UnaryOperator.identity(), probe, onTimeout, hint);
    }

    private <T> T poll(Duration timeout, Duration firstPause, UnaryOperator<Duration> nextPause, Probe<T> probe,
            Supplier<String> onTimeout, String hint) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = firstPause;
        while (true) {
            T result = probe.poll();
            if (result != null) {
                return result;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new CliException.WaitTimeout(onTimeout.get(), hint);
            }
            sleeper.sleep(min(pause, left));
            pause = nextPause.apply(pause);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
