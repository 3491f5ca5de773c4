package dev.ticdcctl.cli.completion;

import dev.ticdcctl.output.TerminalText;
import java.util.List;

/**
 * What completing one word offers: candidates (whole words, each with an optional one-line description) and whether
 * the shell should offer file paths as well.
 */
public record Completions(List<Candidate> candidates, boolean files) {
    /** Directive bit of {@link #lines()}: offer file paths too. */
    public static final int FILES = 1;

    public static final Completions NONE = new Completions(List.of(), false);

    /** A word to offer; {@code description} is null or one line. */
    public record Candidate(String value, String description) {
        public static Candidate of(String value) {
            return new Candidate(value, null);
        }
    }

    /**
     * The protocol the shell scripts read: one candidate a line as {@code value} or {@code value<TAB>description},
     * then a last line {@code :DIRECTIVE}, a bit set ({@link #FILES}).
     */
    public String lines() {
        StringBuilder text = new StringBuilder();
        for (Candidate candidate : candidates) {
            if (!TerminalText.escaped(candidate.value()).equals(candidate.value())) {
                continue; // a server's ID with control characters: it cannot be typed, and must not reach the terminal
            }
            text.append(candidate.value());
            if (candidate.description() != null && !candidate.description().isEmpty()) {
                text.append('\t').append(TerminalText.escaped(candidate.description()));
            }
            text.append('\n');
        }
        return text.append(':').append(files ? FILES : 0).toString();
    }
}
