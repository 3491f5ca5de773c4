package dev.ticdcctl.sandbox;

import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import dev.ticdcctl.sandbox.ClusterState.Settled;
import dev.ticdcctl.sandbox.Timeline.Problem;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a changefeed meets errors and recovers from them by itself, in both servers: the error events a fault
 * injection stands for, the automatic restarts with {@link Backoff}, giving up, and (classic) the GC TTL. A part of
 * {@link Timeline}'s derivation: it changes the {@link Settled} state being derived, and says when it next has
 * something to do ({@link #due}).
 *
 * <p>Classic (tiflow cdc/owner/feed_state_manager.go): a retryable error stops the changefeed as {@code pending}
 * ({@code HandleError}); the first restart comes on the next tick, since the last retry time starts at the epoch
 * ({@code resetErrRetry}); each restart ({@code Tick}, case pending) makes it {@code warning} and waits the next
 * interval before another; it is {@code normal} again once its checkpoint passes the last restart's and the last
 * warning's ({@code checkAndChangeState}); the back-off's giving up fails it with its last error
 * ({@code shouldFailWhenRetry}). A sink warning only marks it {@code warning}, unless the checkpoint has not moved
 * for longer than {@code changefeed_error_stuck_duration}: then it fails with {@code CDC:ErrChangefeedUnretryable}
 * ({@code HandleWarning}). A changefeed that blocks GC fails with {@code CDC:ErrGCTTLExceeded} once its checkpoint
 * lags more than the server's gc-ttl while TiCDC holds the GC safepoint, stopped ones included (cdc/owner/changefeed.go
 * {@code checkStaleCheckpointTs}, pkg/txnutil/gc/gc_manager.go {@code CheckStaleCheckpointTs}).
 *
 * <p>New (ticdc coordinator/changefeed/backoff.go {@code HandleError}, {@code CheckStatus}; coordinator/coordinator.go
 * {@code handleStateChange}): there is no {@code pending}; a retryable error makes it {@code warning} with the error
 * in {@code error}, stops it and restarts it when the interval has passed (the first one too); the checkpoint moving
 * after a restart makes it {@code normal} and clears the error; giving up fails it with the last error. Stopped
 * changefeeds are not checked against the GC TTL.
 *
 * <p>In both, a fast-fail error fails the changefeed at once. An injected fault is one such error event; one that
 * persists strikes again a tick after every (re)start, and holds the checkpoint, until a fault of state normal
 * clears it.
 */
final class Recovery {
    /** tiflow's server default {@code gc-ttl} (pkg/config/server_config.go): 24 hours. */
    static final long GC_TTL_MILLIS = 24 * 3600 * 1000L;
    private static final long DEFAULT_STUCK_MILLIS = 30 * 60 * 1000L;
    /** tiflow pkg/errors/helper.go {@code ChangeFeedGCFastFailError}, matched by code. */
    static final List<String> GC_ERRORS = List.of("CDC:ErrGCTTLExceeded", "CDC:ErrSnapshotLostByGC",
            "CDC:ErrStartTsBeforeGC");
    /** tiflow pkg/errors/helper.go {@code changefeedUnRetryableErrors}, found anywhere in message and code. */
    private static final List<String> CLASSIC_UNRETRYABLE = List.of("CDC:ErrExpressionColumnNotFound",
            "CDC:ErrInvalidFilterExpression", "CDC:ErrSchemaSnapshotNotFound", "CDC:ErrSyncRenameTableFailed",
            "CDC:ErrChangefeedUnretryable", "CDC:ErrCorruptedDataMutation", "CDC:ErrDispatcherFailed",
            "CDC:ErrColumnSelectorFailed", "CDC:ErrSinkURIInvalid", "CDC:ErrKafkaInvalidConfig",
            "CDC:ErrMySQLInvalidConfig", "CDC:ErrStorageSinkInvalidConfig");
    /** ticdc v8.5.7 pkg/errors/helper.go {@code changefeedUnRetryableErrors}: the classic ones, GC's and routing's. */
    private static final List<String> NEW_UNRETRYABLE = Stream.of(CLASSIC_UNRETRYABLE, GC_ERRORS,
            List.of("CDC:ErrInvalidTableRoutingRule", "CDC:ErrTableRoutingFailed", "CDC:ErrTableRouteConflict",
                    "CDC:ErrTableAfterNotSplitable")).flatMap(List::stream).toList();

    private final ChangefeedRecord changefeed;
    private final Settled s;
    private final Timeline.Conditions conditions;

    Recovery(ChangefeedRecord changefeed, Settled s, Timeline.Conditions conditions) {
        this.changefeed = changefeed;
        this.s = s;
        this.conditions = conditions;
    }

    // ------------------------------------------------------------------------------------------ what the clock does

    /** Whether the checkpoint moves: running, with no fault holding it (the new server stops it while warning). */
    boolean checkpointMoves() {
        ChangefeedState state = state();
        return s.persisting == null && (state == ChangefeedState.NORMAL
                || state == ChangefeedState.WARNING && !conditions.newArch());
    }

    /** The first moment at or after {@code now} at which something is due, or {@link Long#MAX_VALUE}. */
    long due(long now) {
        long due = Math.min(Math.min(gcTtlDue(), stuckDue()), Math.min(restartDue(), Math.min(positive(s.recurAt),
                positive(s.recoverAt))));
        return due == Long.MAX_VALUE ? due : Math.max(due, now);
    }

    /** Does what is due at {@code now}, the first thing of those due at once. */
    void fire(long now) {
        if (gcTtlDue() <= now) {
            fail(gcTtlExceeded(now));
        } else if (stuckDue() <= now) {
            // HandleWarning turns the last warning into an unretryable error: failed, its message kept
            fail(new Problem(now, "CDC:ErrChangefeedUnretryable", s.persisting.message));
        } else if (restartDue() <= now) {
            restart(now);
        } else if (positive(s.recurAt) <= now) {
            s.recurAt = 0;
            strike(s.persisting.state, new Problem(now, s.persisting.code, s.persisting.message), now);
        } else if (positive(s.recoverAt) <= now) {
            s.recoverAt = 0;
            recover(now);
        }
    }

    /** The checkpoint moves at {@code now}, or keeps up. */
    void checkpointMoved(long now) {
        s.checkpointAdvancedAt = now;
    }

    /**
     * A state file written before retries were simulated leaves a pending or warning changefeed with nothing due:
     * it meets its error afresh, as a new owner would (the back-off starts over).
     */
    void adoptOlderState() {
        ChangefeedState state = state();
        boolean classicPending = !conditions.newArch() && state == ChangefeedState.PENDING && s.backoffStart == 0;
        boolean idleWarning = state == ChangefeedState.WARNING && s.persisting == null && s.retryAt == 0
                && s.recurAt == 0 && s.recoverAt == 0;
        if (classicPending || idleWarning && conditions.newArch()) {
            s.retrying = true;
            s.backoffStart = s.at;
            s.backoffAttempts = 1;
            s.retryAt = s.at + conditions.tickMillis();
        } else if (idleWarning) {
            s.recoverAt = s.at + conditions.tickMillis();
        }
    }

    // ------------------------------------------------------------------------------------------ requests and faults

    /** The changefeed (re)starts running at {@code now}: loaded, resumed or restarted after a back-off. */
    void started(long now) {
        s.runningSince = now;
        s.checkpointAdvancedAt = now;
        s.recurAt = s.persisting != null ? now + conditions.tickMillis() : 0;
        s.recoverAt = 0;
    }

    /** A resume resets the back-off (tiflow {@code handleAdminJob} AdminResume, ticdc {@code resetErrRetry}). */
    void resumed() {
        s.retrying = false;
        s.backoffAttempts = 0;
        s.retryAt = 0;
    }

    /** It stopped running: paused, finished or failed; nothing is due until it runs again. */
    void stopped() {
        s.recurAt = 0;
        s.recoverAt = 0;
        if (conditions.newArch()) {
            s.retryAt = 0;
        }
    }

    /** An injected fault: an error event, unless it is of state normal, which ends the fault that persisted. */
    void fault(Event e, long now) {
        if (ChangefeedState.NORMAL.is(e.state)) {
            s.persisting = null;
            s.recurAt = 0;
            if (checkpointMoves() && ChangefeedState.WARNING.is(s.state) && s.recoverAt == 0) {
                s.recoverAt = now + conditions.tickMillis();
            }
            return;
        }
        if (e.persist) {
            s.persisting = e.copy();
        }
        // Only a running changefeed's processors meet errors; the owner fails any that is not finished.
        if (state().isRunning() || ChangefeedState.FAILED.is(e.state) && state() != ChangefeedState.FINISHED) {
            strike(e.state, new Problem(now, e.code, e.message, now == e.at ? e.nanos : 0), now);
        }
    }

    // ------------------------------------------------------------------------------------------ the two servers

    /** An error event of the injected kind: a warning, a retryable error (pending) or one that fails at once. */
    private void strike(String kind, Problem problem, long now) {
        if (ChangefeedState.FAILED.is(kind)) {
            fail(problem);
        } else if (conditions.newArch()) {
            newError(problem, now);
        } else if (ChangefeedState.WARNING.is(kind)) {
            classicWarning(problem, now);
        } else {
            classicError(problem, now);
        }
    }

    /** tiflow {@code HandleError}: pending, the back-off reset when a streak begins. */
    private void classicError(Problem problem, long now) {
        if (fastFail(problem)) {
            fail(problem);
            return;
        }
        Timeline.patch(s, ChangefeedState.PENDING);
        s.error = problem;
        if (!s.retrying) {
            // resetErrRetry: Reset, then one NextBackOff that the first restart, due on the next tick, skips
            s.retrying = true;
            s.backoffStart = now;
            s.backoffAttempts = 1;
            s.retryAt = 0;
        }
        s.retryAt = Math.max(s.retryAt, now + conditions.tickMillis());
        s.recurAt = 0;
        s.recoverAt = 0;
    }

    /** tiflow {@code HandleWarning}: warning, or failed when the checkpoint has been stuck too long. */
    private void classicWarning(Problem problem, long now) {
        if (now - s.checkpointAdvancedAt > stuckMillis()) {
            fail(new Problem(now, "CDC:ErrChangefeedUnretryable", problem.message()));
            return;
        }
        Timeline.patch(s, ChangefeedState.WARNING);
        s.warning = problem;
        s.warningCheckpointTs = s.checkpointTs;
        s.recurAt = 0;
        if (checkpointMoves()) {
            s.recoverAt = now + conditions.tickMillis();
        }
    }

    /** ticdc {@code Backoff.HandleError}: warning until the next restart, or failed once the back-off gives up. */
    private void newError(Problem problem, long now) {
        if (fastFail(problem)) {
            fail(problem);
            return;
        }
        if (!s.retrying) {
            s.retrying = true;
            s.backoffStart = now;
            s.backoffAttempts = 0;
        }
        long interval = nextInterval(now);
        if (interval == Backoff.STOP) {
            fail(problem);
            return;
        }
        Timeline.patch(s, ChangefeedState.WARNING);
        s.error = problem;
        s.retryAt = now + interval;
        s.recurAt = 0;
        s.recoverAt = 0;
    }

    /** A restart once the back-off allows: classic from pending ({@code Tick}), new from warning. */
    private void restart(long now) {
        if (conditions.newArch()) {
            s.retryAt = 0;
        } else {
            long interval = nextInterval(now);
            if (interval == Backoff.STOP) {
                Timeline.patch(s, ChangefeedState.FAILED); // shouldFailWhenRetry: the last error stays
                stopped();
                return;
            }
            s.retryAt = now + interval;
            s.retryCheckpointTs = s.checkpointTs;
            Timeline.patch(s, ChangefeedState.WARNING);
        }
        started(now);
        if (s.persisting == null) {
            s.recoverAt = now + conditions.tickMillis();
        }
    }

    /**
     * Warning to normal once the checkpoint moved: classic past the last restart's and warning's checkpoints
     * ({@code checkAndChangeState}, the error kept but no longer shown), new as soon as it moves (the error cleared).
     */
    private void recover(long now) {
        if (!ChangefeedState.WARNING.is(s.state)) {
            return;
        }
        if (conditions.newArch()) {
            s.error = null;
            s.warning = null;
        } else if (s.checkpointTs <= Math.max(s.retryCheckpointTs, s.warningCheckpointTs)) {
            s.recoverAt = now + conditions.tickMillis();
            return;
        }
        Timeline.patch(s, ChangefeedState.NORMAL);
        s.retrying = false;
    }

    private void fail(Problem problem) {
        Timeline.patch(s, ChangefeedState.FAILED);
        s.error = problem;
        stopped();
    }

    private long nextInterval(long now) {
        String key = ClusterState.key(changefeed.namespace, changefeed.id);
        return Backoff.next(key, s.backoffAttempts++, now - s.backoffStart, stuckMillis());
    }

    private boolean fastFail(Problem problem) {
        String text = problem.message() + problem.code();
        return GC_ERRORS.contains(problem.code())
                || (conditions.newArch() ? NEW_UNRETRYABLE : CLASSIC_UNRETRYABLE).stream().anyMatch(text::contains);
    }

    // ------------------------------------------------------------------------------------------ when things are due

    private long restartDue() {
        ChangefeedState state = state();
        boolean waiting = conditions.newArch() ? state == ChangefeedState.WARNING && s.retryAt > 0
                : state == ChangefeedState.PENDING;
        return waiting ? s.retryAt : Long.MAX_VALUE;
    }

    /** Classic: a warning that keeps being reported while the checkpoint stands still fails after the stuck duration. */
    private long stuckDue() {
        boolean lasting = !conditions.newArch() && ChangefeedState.WARNING.is(s.state) && s.persisting != null
                && ChangefeedState.WARNING.is(s.persisting.state);
        return lasting ? s.checkpointAdvancedAt + stuckMillis() + 1 : Long.MAX_VALUE;
    }

    /**
     * Classic: a changefeed that blocks GC ({@code NeedBlockGC}) with a checkpoint that stands still fails once it
     * lags more than the gc-ttl, if TiCDC's service safepoint is then the lowest (TiDB's trails by less than that).
     */
    private long gcTtlDue() {
        if (conditions.newArch() || checkpointMoves() || !blocksGc(s.state, s.error)
                || conditions.gcLifeTimeMillis() > GC_TTL_MILLIS) {
            return Long.MAX_VALUE;
        }
        return Timeline.physical(s.checkpointTs - 1) + GC_TTL_MILLIS + 1;
    }

    private Problem gcTtlExceeded(long now) {
        return new Problem(now, "CDC:ErrGCTTLExceeded", "[CDC:ErrGCTTLExceeded]the checkpoint-ts(" + s.checkpointTs
                + ") lag of the changefeed(" + ClusterState.key(changefeed.namespace, changefeed.id) + ") has exceeded"
                + " the GC TTL and the changefeed is blocking global GC progression");
    }

    /** tiflow cdc/model/changefeed.go {@code NeedBlockGC}: all but finished, and failed by GC. */
    static boolean blocksGc(String state, Problem error) {
        return switch (ChangefeedState.of(state).orElse(ChangefeedState.FINISHED)) {
            case NORMAL, STOPPED, PENDING, WARNING -> true;
            case FAILED -> error == null || !GC_ERRORS.contains(error.code());
            default -> false;
        };
    }

    private long stuckMillis() {
        long nanos = changefeed.config == null ? 0 : changefeed.config.path("changefeed_error_stuck_duration").asLong();
        return nanos > 0 ? nanos / 1_000_000 : DEFAULT_STUCK_MILLIS;
    }

    private ChangefeedState state() {
        return ChangefeedState.of(s.state).orElseThrow(() -> new IllegalStateException("unknown state " + s.state));
    }

    private static long positive(long at) {
        return at > 0 ? at : Long.MAX_VALUE;
    }
}
