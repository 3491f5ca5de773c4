package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import dev.ticdcctl.sandbox.ClusterState.Settled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives a changefeed's state at a moment from its recorded events, as TiCDC's owner would have applied them:
 * requests take effect one tick after they were accepted, a running changefeed's checkpoint follows the clock
 * (catching up ten times faster than real time after a pause), and one that reaches its target TSO finishes.
 *
 * <p>Events the owner has acted on are folded into the changefeed's {@link Settled} state by {@link #compact}, at
 * every write that records one: the derivation then starts from there, exactly where replaying them would have
 * arrived, so a changefeed keeps only the requests of its last tick however many it has served.
 */
final class Timeline {
    static final int LOGICAL_BITS = 18;
    /** How far a healthy changefeed's checkpoint trails the clock, in ticks. */
    private static final long LAG_TICKS = 2;
    /** How much faster than real time a changefeed that fell behind catches up. */
    private static final long CATCH_UP = 10;
    private static final long DEFAULT_STUCK_MILLIS = 30 * 60 * 1000L;
    /**
     * Every state a changefeed can be in here, as the state file spells it: a removed one is deleted at once, and
     * v7.1's error state is no v8.5 server's.
     */
    static final Set<String> STATES = wires(EnumSet.complementOf(EnumSet.of(ChangefeedState.REMOVED,
            ChangefeedState.ERROR)));
    /** The kinds of {@link Event}, and the states a fault event can move a changefeed to. */
    static final Set<String> EVENT_KINDS = Set.of("pause", "resume", "fault");
    static final Set<String> FAULT_STATES = wires(EnumSet.of(ChangefeedState.NORMAL, ChangefeedState.WARNING,
            ChangefeedState.PENDING, ChangefeedState.FAILED));

    /**
     * A recorded error or warning and when it happened: {@code at} ms, and {@code nanos} within that ms (0 when read
     * from a state file written before there were nanoseconds).
     */
    record Problem(long at, String code, String message, @JsonSetter(nulls = Nulls.AS_EMPTY) int nanos) {
        Problem(long at, String code, String message) {
            this(at, code, message, 0);
        }
    }

    /** The derived state; {@code visible} is false until the owner has picked up a new changefeed. */
    record View(boolean visible, String state, long checkpointTs, long resolvedTs, long startTs, Problem error,
            Problem warning, int adminJobType) {
        boolean running() {
            return ChangefeedState.matches(state, ChangefeedState::isRunning);
        }
    }

    private static final View INVISIBLE = new View(false, "", 0, 0, 0, null, null, 0);

    private final ChangefeedRecord changefeed;
    private final long tick;
    /**
     * The new architecture's coordinator has a changefeed in its table before create answers and answers pause
     * and delete only once the maintainer stopped (ticdc coordinator/controller.go CreateChangefeed,
     * PauseChangefeed): requests take effect when accepted, not a tick later.
     */
    private final boolean newArch;
    /** The state being derived: the settled one, or the changefeed as the owner loaded it. */
    private final Settled s;
    /** No event takes effect before this: the owner's loading, or the last event already folded. */
    private final long floor;

    private Timeline(ChangefeedRecord changefeed, long tick, boolean newArch) {
        this.changefeed = changefeed;
        this.tick = tick;
        this.newArch = newArch;
        if (changefeed.settled != null) {
            s = changefeed.settled.copy();
        } else {
            s = new Settled();
            s.at = changefeed.createdAt + (newArch ? 0 : tick);
            s.state = ChangefeedState.NORMAL.wire();
            s.startTs = changefeed.startTs;
            s.checkpointTs = changefeed.startTs;
            s.segmentStart = s.at;
            s.segmentBase = physical(changefeed.startTs);
        }
        this.floor = s.at;
    }

    static View at(ChangefeedRecord changefeed, long now, long tickMillis) {
        return at(changefeed, now, tickMillis, false);
    }

    static View at(ChangefeedRecord changefeed, long now, long tickMillis, boolean newArch) {
        if (now < changefeed.createdAt + (newArch ? 0 : tickMillis)) {
            return INVISIBLE;
        }
        Timeline t = new Timeline(changefeed, tickMillis, newArch);
        t.replay(now);
        t.advance(now);
        Settled s = t.s;
        long resolved = ChangefeedState.NORMAL.is(s.state)
                ? Math.max(s.checkpointTs, (now - LAG_TICKS * tickMillis / 2) << LOGICAL_BITS) : s.checkpointTs;
        return new View(true, s.state, s.checkpointTs, resolved, s.startTs, s.error, s.warning, s.adminJobType);
    }

    /**
     * Folds the events that took effect by {@code now} into the changefeed's settled state and drops them. Called
     * by the write that records an event, so {@code now} is never later than a future event's effect.
     */
    static void compact(ChangefeedRecord changefeed, long now, long tickMillis) {
        compact(changefeed, now, tickMillis, false);
    }

    static void compact(ChangefeedRecord changefeed, long now, long tickMillis, boolean newArch) {
        if (now < changefeed.createdAt + (newArch ? 0 : tickMillis)) {
            return;
        }
        Timeline t = new Timeline(changefeed, tickMillis, newArch);
        List<Event> pending = t.replay(now);
        if (pending.size() < changefeed.events.size()) {
            changefeed.settled = t.s;
            changefeed.events = new ArrayList<>(pending);
        }
    }

    /** Applies, in the order they take effect, the events that did by {@code until}; returns the others. */
    private List<Event> replay(long until) {
        List<Event> ordered = changefeed.events.stream().sorted(Comparator.comparingLong(this::effective)).toList();
        int applied = 0;
        for (Event e : ordered) {
            long when = effective(e);
            if (when > until) {
                break;
            }
            advance(when);
            apply(e, when);
            s.at = when;
            if (e.kind.equals("resume")) {
                s.lastResumeAt = Math.max(e.at, s.lastResumeAt == null ? e.at : s.lastResumeAt);
            }
            applied++;
        }
        return ordered.subList(applied, ordered.size());
    }

    static long physical(long tso) {
        return tso >>> LOGICAL_BITS;
    }

    /** Requests reach the owner's state one tick after they were accepted; injected faults act at once. */
    private long effective(Event e) {
        long when = e.kind.equals("fault") || newArch ? e.at : e.at + tick;
        return Math.max(when, floor);
    }

    private void advance(long now) {
        failIfStuck(now);
        if (!ChangefeedState.NORMAL.is(s.state)) {
            return;
        }
        long target = changefeed.targetTs;
        long caughtUp = s.segmentBase + (now - s.segmentStart) * CATCH_UP;
        long checkpoint = Math.max(s.segmentBase, Math.min(now - LAG_TICKS * tick, caughtUp));
        if (target > 0 && checkpoint >= physical(target)) {
            become(ChangefeedState.FINISHED);
            s.checkpointTs = target;
            s.adminJobType = 4;
            return;
        }
        if (checkpoint > physical(s.checkpointTs)) {
            s.checkpointTs = checkpoint << LOGICAL_BITS;
        }
        s.segmentBase = physical(s.checkpointTs);
        s.segmentStart = now;
    }

    /**
     * A warning or retrying changefeed that stays so longer than its error-stuck duration fails: tiflow
     * cdc/owner/feed_state_manager.go {@code HandleWarning} and {@code shouldFailWhenRetry}.
     */
    private void failIfStuck(long now) {
        ChangefeedState state = state();
        if ((state == ChangefeedState.WARNING || state == ChangefeedState.PENDING)
                && now - s.stuckSince >= stuckMillis()) {
            s.error = state == ChangefeedState.WARNING ? s.warning : s.error;
            become(ChangefeedState.FAILED);
        }
    }

    private long stuckMillis() {
        long nanos = changefeed.config == null ? 0 : changefeed.config.path("changefeed_error_stuck_duration").asLong();
        return nanos > 0 ? nanos / 1_000_000 : DEFAULT_STUCK_MILLIS;
    }

    private void apply(Event e, long when) {
        switch (e.kind) {
            case "pause" -> {
                // ticdc coordinator/controller.go PauseChangefeed stops a changefeed in any state
                if (newArch ? state() != ChangefeedState.STOPPED : state().isActive()) {
                    become(ChangefeedState.STOPPED);
                    s.adminJobType = 1;
                }
            }
            case "resume" -> {
                if (state().isResumable()) {
                    if (e.overwriteTs != null && e.overwriteTs > 0) {
                        s.checkpointTs = e.overwriteTs;
                        s.startTs = e.overwriteTs;
                    }
                    run(when);
                    s.adminJobType = 2;
                }
            }
            case "fault" -> fault(e, when);
            default -> throw new IllegalStateException("unknown event " + e.kind);
        }
    }

    private void fault(Event e, long when) {
        Problem problem = new Problem(when, e.code, e.message, when == e.at ? e.nanos : 0);
        ChangefeedState state = state();
        ChangefeedState to = ChangefeedState.of(e.state)
                .orElseThrow(() -> new IllegalStateException("unknown fault state " + e.state));
        switch (to) {
            case NORMAL -> {
                if (state.isActive() || state == ChangefeedState.FAILED) {
                    run(when);
                }
            }
            case WARNING -> {
                if (state.isRunning()) {
                    s.stuckSince = state == ChangefeedState.NORMAL ? when : s.stuckSince;
                    become(ChangefeedState.WARNING);
                    s.warning = problem;
                }
            }
            case PENDING -> {
                if (state.isActive()) {
                    s.stuckSince = state == ChangefeedState.PENDING ? s.stuckSince : when;
                    become(ChangefeedState.PENDING);
                    s.error = problem;
                }
            }
            case FAILED -> {
                if (state != ChangefeedState.FINISHED) {
                    become(ChangefeedState.FAILED);
                    s.error = problem;
                }
            }
            default -> throw new IllegalStateException("unknown fault state " + e.state);
        }
    }

    /** The state being derived; the state file's were checked when it was read. */
    private ChangefeedState state() {
        return ChangefeedState.of(s.state).orElseThrow(() -> new IllegalStateException("unknown state " + s.state));
    }

    private void become(ChangefeedState state) {
        s.state = state.wire();
    }

    private static Set<String> wires(Set<ChangefeedState> states) {
        Set<String> wires = new LinkedHashSet<>();
        states.forEach(state -> wires.add(state.wire()));
        return Collections.unmodifiableSet(wires);
    }

    private void run(long when) {
        become(ChangefeedState.NORMAL);
        s.error = null;
        s.warning = null;
        s.segmentStart = when;
        s.segmentBase = physical(s.checkpointTs);
    }
}
