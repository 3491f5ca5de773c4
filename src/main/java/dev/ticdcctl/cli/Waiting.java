package dev.ticdcctl.cli;

import dev.ticdcctl.output.StatusLine;
import java.time.Duration;

/** What a command that waits uses: the poll loop, its bound, and where it shows how the wait is going. */
public interface Waiting {
    Waiter waiter();

    /** The bound of a wait for a state change: {@code --timeout} when given, else 60s. */
    Duration waitTimeout();

    /** The bound of a wait: {@code --timeout} when given, else the command's own default. */
    Duration waitTimeout(Duration commandDefault);

    /** Where a wait shows how it is going; off with {@code --debug}, whose lines on stderr tell it already. */
    StatusLine statusLine();
}
