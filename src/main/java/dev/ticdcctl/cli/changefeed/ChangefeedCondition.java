package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.SyncedStatus;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Times;
import dev.ticdcctl.util.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** What {@code changefeed wait --for} waits for: a state, {@code synced}, or a checkpoint at or past a TSO. */
sealed interface ChangefeedCondition {
    /**
     * The states a wait can end in: every state a server reports. A removed changefeed is gone: a wait for it ends as
     * not found.
     */
    List<ChangefeedState> STATES = ChangefeedState.reported();
    String FORMS = "state=" + STATES.stream().map(ChangefeedState::wire).collect(Collectors.joining("|"))
            + ", synced, checkpoint=TSO|TIME";

    /** What completion offers for {@code --for}: every state, {@code synced}, and the start of a checkpoint. */
    final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>();
            STATES.forEach(state -> all.add("state=" + state.wire()));
            all.add("synced");
            all.add("checkpoint=");
            return all.iterator();
        }
    }

    /** Reads the synced status when a condition needs it, so that the others cost one request a poll. */
    @FunctionalInterface
    interface SyncedLookup {
        SyncedStatus get() throws InterruptedException;
    }

    /** The outcome of one poll: whether the condition holds, and what was seen, for a timeout's message. */
    record Check(boolean holds, String seen) {}

    /** Completes "changefeed "x" did not ...": what has to happen, such as "become normal". */
    String goal();

    /** Completes "changefeed "x" ..." once the condition holds. */
    String reached(ChangefeedDetail changefeed);

    Check check(ChangefeedDetail changefeed, String state, SyncedLookup synced) throws InterruptedException;

    /** Completes "waiting 3s for changefeed "x" to ..." on a wait's status line; as {@link #goal} unless shorter. */
    default String shortGoal(Times times) {
        return goal();
    }

    /**
     * What a wait's status line says it saw while the condition does not hold: the state and how far the checkpoint
     * lags, by default.
     */
    default String progress(ChangefeedDetail changefeed, Times times) {
        return ChangefeedSettle.seen(changefeed, times);
    }

    /** A changefeed that fails ends every wait with an error, except a wait for the failed state. */
    default boolean endsOnFailure() {
        return !(this instanceof State s && s.state == ChangefeedState.FAILED);
    }

    record State(ChangefeedState state) implements ChangefeedCondition {
        @Override
        public String goal() {
            return "become " + state;
        }

        @Override
        public String reached(ChangefeedDetail changefeed) {
            return "is " + state;
        }

        @Override
        public Check check(ChangefeedDetail changefeed, String seen, SyncedLookup synced) {
            return new Check(state.wire().equals(changefeed.state()), "state " + seen);
        }
    }

    record Synced() implements ChangefeedCondition {
        @Override
        public String goal() {
            return "become synced";
        }

        @Override
        public String reached(ChangefeedDetail changefeed) {
            return "is synced";
        }

        @Override
        public Check check(ChangefeedDetail changefeed, String state, SyncedLookup synced)
                throws InterruptedException {
            SyncedStatus status = synced.get();
            return new Check(status.synced(), "state " + state + ", not synced: " + status.info());
        }

        @Override
        public String progress(ChangefeedDetail changefeed, Times times) {
            return ChangefeedSettle.seen(changefeed, times) + ", not synced yet";
        }
    }

    record Checkpoint(Tso target) implements ChangefeedCondition {
        @Override
        public String goal() {
            return "reach checkpoint " + describe(target);
        }

        @Override
        public String reached(ChangefeedDetail changefeed) {
            return "has checkpoint " + describe(new Tso(changefeed.checkpointTs())) + ", at or past " + target;
        }

        @Override
        public Check check(ChangefeedDetail changefeed, String state, SyncedLookup synced) {
            long checkpoint = changefeed.checkpointTs();
            return new Check(checkpoint >= target.value(),
                    "state " + state + ", checkpoint " + describe(new Tso(checkpoint)));
        }

        @Override
        public String shortGoal(Times times) {
            return "reach checkpoint " + times.point(target.instant());
        }

        /** How far the checkpoint still is from the target, then how far it lags now. */
        @Override
        public String progress(ChangefeedDetail changefeed, Times times) {
            Tso checkpoint = new Tso(changefeed.checkpointTs());
            Duration left = Duration.between(checkpoint.instant(), target.instant());
            return ChangefeedSettle.state(changefeed) + ", checkpoint " + Durations.format(left) + " short of it, lag "
                    + times.lag(checkpoint.instant());
        }

        private static String describe(Tso tso) {
            return tso + " (" + tso.instant() + ")";
        }
    }

    /** Reads {@code state=S}, {@code synced} or {@code checkpoint=TSO|TIME}; invalid input names the valid forms. */
    static ChangefeedCondition parse(String text) {
        String trimmed = text.trim();
        int eq = trimmed.indexOf('=');
        String kind = (eq < 0 ? trimmed : trimmed.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? null : trimmed.substring(eq + 1).trim();
        if (kind.equals("synced") && value == null) {
            return new Synced();
        }
        ChangefeedState state = value == null ? null
                : ChangefeedState.of(value.toLowerCase(Locale.ROOT)).filter(STATES::contains).orElse(null);
        if (kind.equals("state") && state != null) {
            return new State(state);
        }
        if (kind.equals("checkpoint") && value != null && !value.isEmpty()) {
            try {
                return new Checkpoint(new TsoConverter().convert(value));
            } catch (TypeConversionException | IllegalArgumentException e) {
                throw invalid(text, "invalid checkpoint: " + e.getMessage());
            }
        }
        throw invalid(text, null);
    }

    private static CliException.InvalidInput invalid(String text, String reason) {
        return new CliException.InvalidInput("invalid --for '" + text + "'" + (reason == null ? "" : ": " + reason)
                + "; use one of " + FORMS, null);
    }
}
