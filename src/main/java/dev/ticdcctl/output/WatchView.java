package dev.ticdcctl.output;

/** Where a watch shows one snapshot after another; see {@link Output#watchView()}. */
public interface WatchView extends AutoCloseable {
    /** Whether snapshots are appended (to a pipe or file) rather than redrawn in place. */
    boolean appends();

    /** Shows a snapshot as rendered by {@link Output#render}, under {@code status} where a person sees it. */
    void show(String status, String snapshot);

    /** Reports a refresh that failed; the last snapshot stays. {@code status} is for a screen, {@code message} for a log. */
    void problem(String status, String message);

    /** Leaves the terminal as it was found: cursor visible, below the last snapshot. */
    @Override
    void close();
}
