package dev.ticdcctl.testing;

import dev.ticdcctl.cli.Environment;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A sleeper that lets a wait pass only when the test says so, then moves the shared clock by what was slept: a test
 * looks at a program between two of its refreshes, and time moves only when it steps.
 */
public final class SteppedSleeper implements Environment.Sleeper {
    private final TestClock clock;
    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger waiting = new AtomicInteger();

    public SteppedSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waiting.incrementAndGet();
        try {
            permits.acquire();
        } finally {
            waiting.decrementAndGet();
        }
        clock.sleep(duration);
    }

    /** Whether a thread waits for a step and none is granted yet. */
    public boolean waiting() {
        return waiting.get() > permits.availablePermits();
    }

    /** Lets a waiting sleep pass, if one is waiting: for polls that move time along until something shows. */
    public void stepIfWaiting() {
        if (waiting()) {
            permits.release();
        }
    }

    /** Lets one waiting sleep pass, waiting (at most 10s) until one is asleep. */
    public void step() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!waiting()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing sleeps: no step to take");
            }
            LockSupport.parkNanos(1_000_000);
        }
        permits.release();
    }
}
