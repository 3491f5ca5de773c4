package dev.ticdcctl.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Polls until a condition holds, bounded by a timeout, backing off from 100 ms to 1 s between polls. */
public final class Waiter {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

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
    public <T> T until(Duration timeout, Probe<T> probe, java.util.function.Supplier<String> onTimeout)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = FIRST_PAUSE;
        while (true) {
            T result = probe.poll();
            if (result != null) {
                return result;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new CliException.WaitTimeout(onTimeout.get(),
                        "the server accepted the request; check again later or wait longer with --timeout");
            }
            sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_PAUSE;
        }
    }
}
