package dev.ticdcctl.cli.shell;

import java.util.List;

/**
 * What may come at the cursor of a command line. The shell asks at each Tab; an engine shared with the shells'
 * completion scripts can take the place of {@link CommandTreeCompletions}.
 */
public interface Completions {
    /** A word that may be typed, with a short description (or null). */
    record Suggestion(String value, String description) {}

    /**
     * The words that may replace the last of {@code words}, the one being typed (possibly empty), given the words
     * before it (without the program name).
     */
    List<Suggestion> complete(List<String> words);
}
