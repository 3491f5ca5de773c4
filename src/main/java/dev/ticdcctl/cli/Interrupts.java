package dev.ticdcctl.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C as an interrupt of the thread doing the work, for a command that must say what it did before it stops (a
 * bulk action). Elsewhere SIGINT ends the process at once, with exit 130.
 */
public final class Interrupts implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    /** Until closed, SIGINT interrupts {@code thread}. */
    public static Interrupts interrupting(Thread thread) {
        try {
            return new Interrupts(Signal.handle(INT, signal -> thread.interrupt()));
        } catch (IllegalArgumentException e) {
            return new Interrupts(null); // the JVM keeps SIGINT (-Xrs): Ctrl-C ends the process as before
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
