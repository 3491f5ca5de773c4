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
 * (catching up ten times faster than real time after a pause), one that reaches its target TSO finishes, and errors
 * are met and recovered from as {@link Recovery} says.
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

    /**
     * What a derivation depends on besides the changefeed: the owner's tick, which server ({@code newArch}: the new
     * architecture's coordinator) and how far TiDB's GC safepoint trails the clock.
     */
    record Conditions(long tickMillis, boolean newArch, long gcLifeTimeMillis) {
        static Conditions of(ClusterState state) {
            return new Conditions(state.tickMillis, state.dialect().isNew(), state.faults.gcSafepointAgeMillis);
        }

        /** The classic server with TiDB's default GC life time. */
        static Conditions classic(long tickMillis) {
            return new Conditions(tickMillis, false, new ClusterState.Faults().gcSafepointAgeMillis);
        }
    }

    /**
     * The derived state; {@code visible} is false until the owner has picked up a new changefeed. {@code resolvedTs}
     * is 0 unless it runs (tiflow cdc/owner/changefeed.go {@code releaseResources}); {@code runningSince} is when it
     * last started running.
     */
    record View(boolean visible, String state, long checkpointTs, long resolvedTs, long startTs, Problem error,
            Problem warning, int adminJobType, long runningSince) {
        boolean running() {
            return ChangefeedState.matches(state, ChangefeedState::isRunning);
        }

        /** The changefeed as create answers before the owner loads it: normal, everything at its start TSO. */
        static View created(long startTs) {
            return new View(true, ChangefeedState.NORMAL.wire(), startTs, startTs, startTs, null, null, 0, 0);
        }
    }

    private static final View INVISIBLE = new View(false, "", 0, 0, 0, null, null, 0, 0);

    private final ChangefeedRecord changefeed;
    private final Conditions conditions;
    /** The state being derived: the settled one, or the changefeed as the owner loaded it. */
    private final Settled s;
    private final Recovery recovery;
    /** No event takes effect before this: the owner's loading, or the last event already folded. */
    private final long floor;
    /** How far the derivation has got. */
    private long clock;

    private Timeline(ChangefeedRecord changefeed, Conditions conditions) {
        this.changefeed = changefeed;
        this.conditions = conditions;
        if (changefeed.settled != null) {
            s = changefeed.settled.copy();
            recovery = new Recovery(changefeed, s, conditions);
            recovery.adoptOlderState();
        } else {
            s = new Settled();
            s.at = loadedAt(changefeed, conditions);
            s.state = ChangefeedState.NORMAL.wire();
            s.startTs = changefeed.startTs;
            s.checkpointTs = changefeed.startTs;
            s.segmentStart = s.at;
            s.segmentBase = physical(changefeed.startTs);
            recovery = new Recovery(changefeed, s, conditions);
            recovery.started(s.at);
        }
        this.floor = s.at;
        this.clock = s.at;
    }

    static View at(ChangefeedRecord changefeed, long now, long tickMillis) {
        return at(changefeed, now, Conditions.classic(tickMillis));
    }

    static View at(ChangefeedRecord changefeed, long now, Conditions conditions) {
        if (now < loadedAt(changefeed, conditions)) {
            return INVISIBLE;
        }
        Timeline t = new Timeline(changefeed, conditions);
        t.replay(now);
        t.advance(now);
        Settled s = t.s;
        long resolved = !ChangefeedState.matches(s.state, ChangefeedState::isRunning) ? 0
                : Math.max(s.checkpointTs, (now - LAG_TICKS * conditions.tickMillis() / 2) << LOGICAL_BITS);
        return new View(true, s.state, s.checkpointTs, resolved, s.startTs, s.error, s.warning, s.adminJobType,
                s.runningSince);
    }

    /**
     * Folds the events that took effect by {@code now} into the changefeed's settled state and drops them. Called
     * by the write that records an event, so {@code now} is never later than a future event's effect.
     */
    static void compact(ChangefeedRecord changefeed, long now, long tickMillis) {
        compact(changefeed, now, Conditions.classic(tickMillis));
    }

    static void compact(ChangefeedRecord changefeed, long now, Conditions conditions) {
        if (now < loadedAt(changefeed, conditions)) {
            return;
        }
        Timeline t = new Timeline(changefeed, conditions);
        List<Event> pending = t.replay(now);
        if (pending.size() < changefeed.events.size()) {
            changefeed.settled = t.s;
            changefeed.events = new ArrayList<>(pending);
        }
    }

    /**
     * When the owner has the changefeed: a tick after create on the classic server; the new architecture's
     * coordinator has it in its table before create answers (ticdc coordinator/controller.go CreateChangefeed).
     */
    private static long loadedAt(ChangefeedRecord changefeed, Conditions conditions) {
        return changefeed.createdAt + (conditions.newArch() ? 0 : conditions.tickMillis());
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

    /**
     * Requests reach the owner's state one tick after they were accepted; injected faults act at once, and so do
     * the new architecture's requests (it answers pause and delete once the maintainer stopped: ticdc
     * coordinator/controller.go PauseChangefeed).
     */
    private long effective(Event e) {
        long when = e.kind.equals("fault") || conditions.newArch() ? e.at : e.at + conditions.tickMillis();
        return Math.max(when, floor);
    }

    /** Lets the clock run to {@code until}, doing on the way what {@link Recovery} has due. */
    private void advance(long until) {
        for (long due = recovery.due(clock); due <= until; due = recovery.due(clock)) {
            progress(due);
            recovery.fire(due);
        }
        progress(until);
    }

    /** The checkpoint at {@code now}, and finishing at the target TSO. */
    private void progress(long now) {
        if (now < clock) {
            return;
        }
        clock = now;
        if (recovery.checkpointMoves()) {
            // Keeping up counts as advancing (tiflow feedStateManager.Tick: checkpoint at or past resolved)
            recovery.checkpointMoved(now);
            long target = changefeed.targetTs;
            long caughtUp = s.segmentBase + (now - s.segmentStart) * CATCH_UP;
            long checkpoint = Math.max(s.segmentBase, Math.min(now - LAG_TICKS * conditions.tickMillis(), caughtUp));
            if (target > 0 && checkpoint >= physical(target)) {
                patch(s, ChangefeedState.FINISHED);
                s.checkpointTs = target;
                recovery.stopped();
            } else if (checkpoint > physical(s.checkpointTs)) {
                s.checkpointTs = checkpoint << LOGICAL_BITS;
            }
        }
        // A checkpoint that stands still starts moving, when it does, from where it stands then.
        s.segmentBase = physical(s.checkpointTs);
        s.segmentStart = now;
    }

    private void apply(Event e, long when) {
        switch (e.kind) {
            case "pause" -> {
                // ticdc coordinator/controller.go PauseChangefeed stops a changefeed in any state
                if (conditions.newArch() ? state() != ChangefeedState.STOPPED : state().isActive()) {
                    patch(s, ChangefeedState.STOPPED);
                    recovery.stopped();
                }
            }
            case "resume" -> {
                if (state().isResumable()) {
                    if (e.overwriteTs != null && e.overwriteTs > 0) {
                        s.checkpointTs = e.overwriteTs;
                        s.startTs = e.overwriteTs;
                        s.segmentBase = physical(s.checkpointTs);
                    }
                    patch(s, ChangefeedState.NORMAL);
                    // tiflow ResumeChangefeed clears the error only; the new server keeps one problem, the error
                    s.error = null;
                    if (conditions.newArch()) {
                        s.warning = null;
                    }
                    recovery.resumed();
                    recovery.started(when);
                }
            }
            case "fault" -> recovery.fault(e, when);
            default -> throw new IllegalStateException("unknown event " + e.kind);
        }
    }

    /**
     * Moves to {@code state} with the admin job type tiflow cdc/owner/feed_state_manager.go {@code patchState}
     * records for it: none for normal and warning, stop for pending, stopped and failed, finish for finished.
     */
    static void patch(Settled s, ChangefeedState state) {
        s.state = state.wire();
        s.adminJobType = switch (state) {
            case PENDING, STOPPED, FAILED -> 1;
            case REMOVED -> 3;
            case FINISHED -> 4;
            default -> 0;
        };
    }

    /** The state being derived; the state file's were checked when it was read. */
    private ChangefeedState state() {
        return ChangefeedState.of(s.state).orElseThrow(() -> new IllegalStateException("unknown state " + s.state));
    }

    private static Set<String> wires(Set<ChangefeedState> states) {
        Set<String> wires = new LinkedHashSet<>();
        states.forEach(state -> wires.add(state.wire()));
        return Collections.unmodifiableSet(wires);
    }
}
