package dev.ticdcctl.cli.top;

import dev.ticdcctl.output.Page;

/**
 * What top asks of the changefeed commands: their actions, with their checks and waits, and the page {@code changefeed
 * get} shows on a terminal. Called off the UI thread; a failure is thrown as the commands throw it.
 */
public interface TopActions {
    /** Performs {@code action} on changefeed {@code id}; returns the line the command would print. */
    String perform(Action action, String id) throws InterruptedException;

    /** The page of changefeed {@code id}, as {@code changefeed get} shows it on a terminal. */
    Page page(String id) throws InterruptedException;
}
