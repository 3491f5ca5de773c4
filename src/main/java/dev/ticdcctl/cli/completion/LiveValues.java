package dev.ticdcctl.cli.completion;

import dev.ticdcctl.cli.completion.Completions.Candidate;
import java.util.List;

/**
 * Completion values that the command tree does not hold: looked up in the cluster or in the contexts file. Each
 * lookup gets the global options given on the line being completed ({@code --server}, {@code --context},
 * {@code -n}, TLS files, ...), as words, and returns nothing when it cannot answer quickly.
 */
public interface LiveValues {
    /** Offers none: for completing without a cluster. */
    LiveValues NONE = new LiveValues() {
        @Override
        public List<Candidate> changefeeds(List<String> connection) {
            return List.of();
        }

        @Override
        public List<Candidate> captures(List<String> connection) {
            return List.of();
        }

        @Override
        public List<Candidate> contexts(List<String> connection) {
            return List.of();
        }

        @Override
        public List<Candidate> keyspaces(List<String> connection) {
            return List.of();
        }
    };

    /** The changefeed IDs of the selected namespace, described by their state. */
    List<Candidate> changefeeds(List<String> connection);

    /** The capture IDs, described by their address, and the addresses, described by their ID; the owner marked. */
    List<Candidate> captures(List<String> connection);

    /** The context names of the contexts file. */
    List<Candidate> contexts(List<String> connection);

    /**
     * Keyspaces to offer for {@code --keyspace}: no TiCDC route lists them (ticdc api/v2/api.go has none), so those
     * the contexts name.
     */
    List<Candidate> keyspaces(List<String> connection);
}
