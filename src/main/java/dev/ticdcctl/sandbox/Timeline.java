package dev.ticdcctl.sandbox;

import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Derives a changefeed's state at a moment from its recorded events, as TiCDC's owner would have applied them:
 * requests take effect one tick after they were accepted, a running changefeed's checkpoint follows the clock
 * (catching up ten times faster than real time after a pause), and one that reaches its target TSO finishes.
 */
final class Timeline {
    static final int LOGICAL_BITS = 18;
    /** How far a healthy changefeed's checkpoint trails the clock, in ticks. */
    private static final long LAG_TICKS = 2;
    /** How much faster than real time a changefeed that fell behind catches up. */
    private static final long CATCH_UP = 10;
    private static final long DEFAULT_STUCK_MILLIS = 30 * 60 * 1000L;
    private static final Set<String> STOPPABLE = Set.of("normal", "warning", "pending");
    private static final Set<String> RESUMABLE = Set.of("stopped", "failed", "finished");

    /** A recorded error or warning and when it happened. */
    record Problem(long at, String code, String message) {}

    /** The derived state; {@code visible} is false until the owner has picked up a new changefeed. */
    record View(boolean visible, String state, long checkpointTs, long resolvedTs, long startTs, Problem error,
            Problem warning, int adminJobType) {
        boolean running() {
            return state.equals("normal") || state.equals("warning");
        }
    }

    private static final View INVISIBLE = new View(false, "", 0, 0, 0, null, null, 0);

    private final ChangefeedRecord changefeed;
    private final long tick;
    private String state = "normal";
    private long checkpointTs;
    private long startTs;
    private Problem error;
    private Problem warning;
    private int adminJobType;
    /** While normal: the checkpoint advances from {@code segmentBase} (ms) since {@code segmentStart}. */
    private long segmentStart;
    private long segmentBase;
    /** When the changefeed last entered warning or pending. */
    private long stuckSince;

    private Timeline(ChangefeedRecord changefeed, long tick) {
        this.changefeed = changefeed;
        this.tick = tick;
    }

    static View at(ChangefeedRecord changefeed, long now, long tickMillis) {
        long visibleAt = changefeed.createdAt + tickMillis;
        if (now < visibleAt) {
            return INVISIBLE;
        }
        Timeline t = new Timeline(changefeed, tickMillis);
        t.startTs = changefeed.startTs;
        t.checkpointTs = changefeed.startTs;
        t.segmentStart = visibleAt;
        t.segmentBase = physical(changefeed.startTs);
        List<Event> ordered = changefeed.events.stream()
                .sorted(Comparator.comparingLong(e -> t.effective(e, visibleAt)))
                .toList();
        for (Event e : ordered) {
            long when = t.effective(e, visibleAt);
            if (when > now) {
                break;
            }
            t.advance(when);
            t.apply(e, when);
        }
        t.advance(now);
        long resolved = t.state.equals("normal")
                ? Math.max(t.checkpointTs, (now - LAG_TICKS * tickMillis / 2) << LOGICAL_BITS) : t.checkpointTs;
        return new View(true, t.state, t.checkpointTs, resolved, t.startTs, t.error, t.warning, t.adminJobType);
    }

    static long physical(long tso) {
        return tso >>> LOGICAL_BITS;
    }

    /** Requests reach the owner's state one tick after they were accepted; injected faults act at once. */
    private long effective(Event e, long visibleAt) {
        long when = e.kind.equals("fault") ? e.at : e.at + tick;
        return Math.max(when, visibleAt);
    }

    private void advance(long now) {
        failIfStuck(now);
        if (!state.equals("normal")) {
            return;
        }
        long target = changefeed.targetTs;
        long caughtUp = segmentBase + (now - segmentStart) * CATCH_UP;
        long checkpoint = Math.max(segmentBase, Math.min(now - LAG_TICKS * tick, caughtUp));
        if (target > 0 && checkpoint >= physical(target)) {
            state = "finished";
            checkpointTs = target;
            adminJobType = 4;
            return;
        }
        if (checkpoint > physical(checkpointTs)) {
            checkpointTs = checkpoint << LOGICAL_BITS;
        }
        segmentBase = physical(checkpointTs);
        segmentStart = now;
    }

    /** A warning or retrying changefeed that stays so longer than its error-stuck duration fails (§4). */
    private void failIfStuck(long now) {
        if ((state.equals("warning") || state.equals("pending")) && now - stuckSince >= stuckMillis()) {
            error = state.equals("warning") ? warning : error;
            state = "failed";
        }
    }

    private long stuckMillis() {
        long nanos = changefeed.config == null ? 0 : changefeed.config.path("changefeed_error_stuck_duration").asLong();
        return nanos > 0 ? nanos / 1_000_000 : DEFAULT_STUCK_MILLIS;
    }

    private void apply(Event e, long when) {
        switch (e.kind) {
            case "pause" -> {
                if (STOPPABLE.contains(state)) {
                    state = "stopped";
                    adminJobType = 1;
                }
            }
            case "resume" -> {
                if (RESUMABLE.contains(state)) {
                    if (e.overwriteTs != null && e.overwriteTs > 0) {
                        checkpointTs = e.overwriteTs;
                        startTs = e.overwriteTs;
                    }
                    run(when);
                    adminJobType = 2;
                }
            }
            case "fault" -> fault(e, when);
            default -> throw new IllegalStateException("unknown event " + e.kind);
        }
    }

    private void fault(Event e, long when) {
        Problem problem = new Problem(when, e.code, e.message);
        switch (e.state) {
            case "normal" -> {
                if (STOPPABLE.contains(state) || state.equals("failed")) {
                    run(when);
                }
            }
            case "warning" -> {
                if (state.equals("normal") || state.equals("warning")) {
                    stuckSince = state.equals("normal") ? when : stuckSince;
                    state = "warning";
                    warning = problem;
                }
            }
            case "pending" -> {
                if (STOPPABLE.contains(state)) {
                    stuckSince = state.equals("pending") ? stuckSince : when;
                    state = "pending";
                    error = problem;
                }
            }
            case "failed" -> {
                if (!state.equals("finished")) {
                    state = "failed";
                    error = problem;
                }
            }
            default -> throw new IllegalStateException("unknown fault state " + e.state);
        }
    }

    private void run(long when) {
        state = "normal";
        error = null;
        warning = null;
        segmentStart = when;
        segmentBase = physical(checkpointTs);
    }
}
