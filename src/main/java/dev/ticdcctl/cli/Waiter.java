package dev.ticdcctl.cli;

import dev.ticdcctl.output.StatusLine;
import dev.ticdcctl.util.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Polls until a condition holds, bounded by a timeout: backing off from 100 ms to 1 s between polls while an
 * accepted request takes effect, or at a fixed interval when the user chose one. Between polls a status line says
 * what it waits for, for how long so far, and what the last poll saw; it is erased when the wait ends.
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

    /**
     * What a wait is for, as its status line reads: "waiting 3s for {@code what}; last seen: {@code seen}", where
     * {@code seen} describes the last poll (null before the first).
     */
    public record Goal(String what, Supplier<String> seen) {}

    private final Clock clock;
    private final Environment.Sleeper sleeper;
    private final StatusLine status;

    Waiter(Clock clock, Environment.Sleeper sleeper, StatusLine status) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.status = status;
    }

    /**
     * Polls {@code probe} until it returns a value. When {@code timeout} passes first, throws
     * {@link CliException.WaitTimedOut} with the message {@code onTimeout} gives at that moment.
     */
    public <T> T until(Duration timeout, Goal goal, Probe<T> probe, Supplier<String> onTimeout)
            throws InterruptedException {
        return poll(timeout, FIRST_PAUSE, pause -> min(pause.multipliedBy(2), MAX_PAUSE), goal, probe, onTimeout,
                ACCEPTED_HINT);
    }

    /** As {@link #until}, polling every {@code interval}; {@code hint} follows the timeout's message. */
    public <T> T every(Duration interval, Duration timeout, Goal goal, Probe<T> probe, Supplier<String> onTimeout,
            String hint) throws InterruptedException {
        return poll(timeout, interval, UnaryOperator.identity(), goal, probe, onTimeout, hint);
    }

    private <T> T poll(Duration timeout, Duration firstPause, UnaryOperator<Duration> nextPause, Goal goal,
            Probe<T> probe, Supplier<String> onTimeout, String hint) throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration pause = firstPause;
        try {
            while (true) {
                T result = probe.poll();
                if (result != null) {
                    return result;
                }
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new CliException.WaitTimedOut(onTimeout.get(), hint);
                }
                show(goal, Duration.between(start, clock.instant()));
                sleeper.sleep(min(pause, left));
                pause = nextPause.apply(pause);
            }
        } finally {
            status.end(); // success, timeout, error or Ctrl-C: what follows starts on a clean line
        }
    }

    private void show(Goal goal, Duration waited) {
        String seen = goal.seen().get();
        long seconds = waited.getSeconds();
        String elapsed = seconds == 0 ? "0s" : Durations.format(Duration.ofSeconds(seconds)); // whole seconds
        status.show("waiting " + elapsed + " for " + goal.what() + (seen == null ? "" : "; last seen: " + seen));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
