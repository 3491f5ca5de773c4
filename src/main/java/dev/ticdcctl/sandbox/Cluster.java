package dev.ticdcctl.sandbox;

import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running sandbox as the route handlers see it: the store, the clock and what exists only while the process
 * runs (the capture servers, the credentials). Also the derivations every route shares: the owner at a moment,
 * the tables a capture holds, the current TSO.
 */
final class Cluster {
    /** The classic server's version; {@link ServerDialect#version()} for the others. */
    static final String VERSION = "v8.5.0";
    static final String GIT_HASH = "0f1f2e3d4c5b6a79881726354453627180f9e8d7";
    /** The build time a release binary reports (the Makefile's {@code date -u '+%Y-%m-%d %H:%M:%S'}). */
    static final String BUILD_TIME = "2026-06-18 09:12:45";
    static final int MAX_ID_LENGTH = 128;

    final StateStore store;
    final Clock clock;
    /** Each capture's server by capture ID, filled before any is started; owner routes are forwarded to them. */
    final Map<String, CaptureServer> servers = new LinkedHashMap<>();
    final String authUser;
    final String authPassword;
    /** The server it answers as, fixed when its state was made. */
    final ServerDialect dialect;
    /** The classic server's transient windows ({@link Sandbox.Options#transientWindows()}) are simulated. */
    final boolean windows;

    Cluster(StateStore store, Clock clock, String authUser, String authPassword, boolean transientWindows) {
        this.store = store;
        this.dialect = store.read(ClusterState::dialect);
        this.clock = clock;
        this.authUser = authUser;
        this.authPassword = authPassword;
        this.windows = transientWindows && !dialect.isNew();
    }

    /** How many ticks an election, or a scheduler's initialisation, lasts when windows are simulated. */
    static final int WINDOW_TICKS = 3;

    /**
     * The owner has resigned and no capture is elected yet: its closed owner answers the queries and jobs it is sent
     * with {@code CDC:ErrOwnerNotFound} (tiflow cdc/owner/owner.go {@code pushOwnerJob}, {@code cleanupOwnerJob}).
     */
    boolean ownerClosing(ClusterState state, long now) {
        return windows && state.nextOwner != null && now < state.electedAt;
    }

    long now() {
        return clock.millis();
    }

    ZoneId zone() {
        return clock.getZone();
    }

    /** The owner at {@code now}: an election requested by a resign completes at {@code electedAt}. */
    static String owner(ClusterState state, long now) {
        return state.nextOwner != null && now >= state.electedAt ? state.nextOwner : state.owner;
    }

    /** Folds a completed election into the state (called by every write). */
    static void settle(ClusterState state, long now) {
        if (state.nextOwner != null && now >= state.electedAt) {
            state.owner = state.nextOwner;
            state.nextOwner = null;
        }
    }

    String address(String captureId) {
        CaptureServer server = servers.get(captureId);
        return "127.0.0.1:" + (server == null ? 0 : server.port());
    }

    /** The next TSO: physical now, logical from a counter the state keeps (call within a write). */
    static long nextTso(ClusterState state, long now) {
        state.tsoLogical = (state.tsoLogical + 1) & ((1L << Timeline.LOGICAL_BITS) - 1);
        return (now << Timeline.LOGICAL_BITS) | state.tsoLogical;
    }

    /** A TSO for now without advancing the counter, for read-only checks. */
    static long currentTso(ClusterState state, long now) {
        return (now << Timeline.LOGICAL_BITS) | ((1L << Timeline.LOGICAL_BITS) - 1);
    }

    /**
     * The GC safepoint PD reports as the minimum service safepoint: TiDB's gc_worker holds it at now minus
     * tidb_gc_life_time, and TiCDC's own one a TSO before the lowest checkpoint of the changefeeds that block GC
     * (tiflow cdc/owner/owner.go {@code calculateGCSafepoint}, {@code updateGCSafepoint}); one not loaded yet holds
     * it at its start TSO (the {@code -creating-} safepoint of pkg/txnutil/gc/gc_service.go
     * {@code EnsureChangefeedStartTsSafety}).
     */
    static long gcSafepoint(ClusterState state, long now) {
        long safepoint = (now - state.faults.gcSafepointAgeMillis) << Timeline.LOGICAL_BITS;
        for (ChangefeedRecord cf : state.changefeeds.values()) {
            Timeline.View v = view(state, cf, now);
            if (!v.visible()) {
                safepoint = Math.min(safepoint, cf.startTs);
            } else if (Recovery.blocksGc(v.state(), v.error())) {
                safepoint = Math.min(safepoint, v.checkpointTs() - 1);
            }
        }
        return safepoint;
    }

    /** Records a request or fault, folding those the owner has acted on by then into the changefeed's state. */
    static void record(ClusterState state, ChangefeedRecord cf, ClusterState.Event event) {
        cf.events.add(event);
        Timeline.compact(cf, event.at, Timeline.Conditions.of(state));
    }

    /** A changefeed the owner knows; one created less than a tick ago is not loaded yet. */
    static ChangefeedRecord loadedChangefeed(ClusterState state, String namespace, String id, long now) {
        ChangefeedRecord cf = state.changefeeds.get(ClusterState.key(namespace, id));
        if (cf == null || !view(state, cf, now).visible()) {
            // ticdc coordinator/controller.go GetChangefeed names the changefeed without its keyspace
            throw new ApiError(400, "CDC:ErrChangeFeedNotExists", "changefeed not exists, "
                    + (state.dialect().isNew() ? "" : namespace + "/") + id);
        }
        return cf;
    }

    static Timeline.View view(ClusterState state, ChangefeedRecord cf, long now) {
        return Timeline.at(cf, now, Timeline.Conditions.of(state));
    }

    /** The table IDs a changefeed replicates: a few, derived from its ID so that they stay stable. */
    static List<Long> tables(ChangefeedRecord cf) {
        int hash = Math.floorMod(cf.id.hashCode(), 900);
        int count = 2 + Math.floorMod(cf.id.hashCode() >> 8, 3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(100L + hash * 10L + i);
        }
        return ids;
    }

    /**
     * Which capture holds which of a running changefeed's tables: round-robin over the captures, except that a
     * draining capture hands one table a tick to the owner.
     */
    static Map<String, List<Long>> placement(ClusterState state, ChangefeedRecord cf, long now) {
        Map<String, List<Long>> placed = new LinkedHashMap<>();
        state.captures.forEach(c -> placed.put(c, new ArrayList<>()));
        List<Long> tables = tables(cf);
        for (int i = 0; i < tables.size(); i++) {
            placed.get(state.captures.get(i % state.captures.size())).add(tables.get(i));
        }
        String owner = owner(state, now);
        state.drains.forEach((capture, since) -> {
            List<Long> held = placed.get(capture);
            if (held == null || capture.equals(owner)) {
                return;
            }
            long moved = Math.min(held.size(), (now - since) / state.tickMillis);
            for (long k = 0; k < moved; k++) {
                placed.get(owner).add(held.remove(held.size() - 1));
            }
        });
        placed.values().removeIf(List::isEmpty);
        return placed;
    }

    static boolean validId(String id) {
        return !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.matches("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
    }
}
