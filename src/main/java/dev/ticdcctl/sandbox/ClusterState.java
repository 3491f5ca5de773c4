package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the sandbox remembers, as plain data persisted to JSON. Changefeeds keep the requests made of them as
 * timestamped events; what a request did is derived when asked ({@link Timeline}), so time passing between two
 * invocations needs no background work.
 */
final class ClusterState {
    /** 2: changefeeds keep a {@link Settled} state instead of their whole history. */
    static final int FORMAT = 2;
    /** Format 1 is read as a history that was never compacted. */
    static final Set<Integer> READABLE_FORMATS = Set.of(1, FORMAT);

    public int format = FORMAT;
    public String clusterId = "default";
    public long upstreamId = 7390512345678901234L;
    public long tickMillis = 500;
    public List<String> captures = new ArrayList<>();
    public String owner;
    /** An election in progress: the capture that becomes owner at {@code electedAt}. */
    public String nextOwner;
    public long electedAt;
    public Map<String, ChangefeedRecord> changefeeds = new LinkedHashMap<>();
    /** Capture ID → when its drain was requested. */
    public Map<String, Long> drains = new LinkedHashMap<>();
    public Map<String, String> logLevels = new LinkedHashMap<>();
    public boolean serviceGcSafepoint = true;
    public long tsoLogical;
    public Faults faults = new Faults();
    /** The {@link ServerDialect} it was made for; files from before dialects are classic. */
    public String dialect = ServerDialect.CLASSIC.name();
    /** Next-gen kernel: the keyspaces PD knows, name to state ({@code ENABLED}, {@code DISABLED}...). */
    public Map<String, String> keyspaces = new LinkedHashMap<>();
    /** Next-gen kernel: the keyspaces whose topology lists no TiDB, so that no user can be checked. */
    public Set<String> keyspacesWithoutTidb = new LinkedHashSet<>();
    /** New architecture: the redact mode {@code POST /log/redact} has tightened to, by capture. */
    public Map<String, String> redactModes = new LinkedHashMap<>();

    /**
     * A deep copy, for writes that must leave nothing half-changed when refused. Written by hand: every write copies
     * the whole state, and a JSON round trip of 500 changefeeds made each request take milliseconds.
     */
    ClusterState copy() {
        ClusterState c = new ClusterState();
        c.format = format;
        c.clusterId = clusterId;
        c.upstreamId = upstreamId;
        c.tickMillis = tickMillis;
        c.captures = new ArrayList<>(captures);
        c.owner = owner;
        c.nextOwner = nextOwner;
        c.electedAt = electedAt;
        changefeeds.forEach((key, changefeed) -> c.changefeeds.put(key, changefeed.copy()));
        c.drains = new LinkedHashMap<>(drains);
        c.logLevels = new LinkedHashMap<>(logLevels);
        c.serviceGcSafepoint = serviceGcSafepoint;
        c.tsoLogical = tsoLogical;
        c.faults = faults.copy();
        c.dialect = dialect;
        c.keyspaces = new LinkedHashMap<>(keyspaces);
        c.keyspacesWithoutTidb = new LinkedHashSet<>(keyspacesWithoutTidb);
        c.redactModes = new LinkedHashMap<>(redactModes);
        return c;
    }

    ServerDialect dialect() {
        return ServerDialect.valueOf(dialect);
    }

    /** The keyspaces of a fresh next-gen sandbox: two in use and one that is not enabled. */
    static Map<String, String> initialKeyspaces() {
        Map<String, String> keyspaces = new LinkedHashMap<>();
        keyspaces.put("keyspace1", "ENABLED");
        keyspaces.put("keyspace2", "ENABLED");
        keyspaces.put("archived", "DISABLED");
        return keyspaces;
    }

    /**
     * What makes this state unusable, the first thing found, or null. A file that parses can still lack what every
     * route relies on (a capture, a changefeed's fields): checked once on load rather than failing mid-request.
     */
    String inconsistency() {
        if (captures == null || captures.isEmpty()) {
            return "it lists no captures";
        }
        for (int i = 0; i < captures.size(); i++) {
            String capture = captures.get(i);
            if (capture == null || capture.isBlank()) {
                return "capture " + (i + 1) + " has no ID";
            }
            if (captures.indexOf(capture) != i) {
                return "capture " + quote(capture) + " is listed twice";
            }
        }
        if (owner == null || !captures.contains(owner)) {
            return owner == null ? "it has no owner" : "its owner " + quote(owner) + " is not one of its captures";
        }
        if (nextOwner != null && !captures.contains(nextOwner)) {
            return "its next owner " + quote(nextOwner) + " is not one of its captures";
        }
        if (tickMillis <= 0) {
            return "tickMillis must be positive";
        }
        if (dialect == null || Arrays.stream(ServerDialect.values()).noneMatch(d -> d.name().equals(dialect))) {
            return "it has the unknown dialect " + quote(String.valueOf(dialect));
        }
        if (keyspaces == null || redactModes == null || keyspacesWithoutTidb == null) {
            return keyspaces == null ? "it has no keyspaces" : redactModes == null ? "it has no redactModes"
                    : "it has no keyspacesWithoutTidb";
        }
        String missing = clusterId == null ? "clusterId" : changefeeds == null ? "changefeeds" : drains == null
                ? "drains" : logLevels == null ? "logLevels" : faults == null ? "faults"
                : faults.ineligibleTables == null ? "faults.ineligibleTables" : null;
        if (missing != null) {
            return "it has no " + missing;
        }
        if (faults.ineligibleTables.contains(null)) {
            return "faults.ineligibleTables holds a null";
        }
        for (Map.Entry<String, Long> drain : drains.entrySet()) {
            if (drain.getValue() == null) {
                return "the drain of capture " + quote(drain.getKey()) + " has no time";
            }
        }
        for (Map.Entry<String, ChangefeedRecord> changefeed : changefeeds.entrySet()) {
            String what = "changefeed " + quote(changefeed.getKey());
            String why = changefeed.getValue() == null ? what + " is empty"
                    : changefeed.getValue().inconsistency(changefeed.getKey(), what);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }

    /** Switches for rehearsing incidents; see {@code /sandbox/...} in {@link AdminRoutes}. */
    static final class Faults {
        public boolean healthy = true;
        public boolean ready = true;
        public long latencyMillis;
        /** "502" or "reset": how the next {@code failRemaining} v2 requests fail. */
        public String failMode;
        public int failRemaining;
        /**
         * How far TiDB's GC safepoint (the gc_worker service safepoint) trails the current time: tidb_gc_life_time,
         * 10 minutes by default.
         */
        public long gcSafepointAgeMillis = 10 * 60 * 1000L;
        /** {@code db.table} names that have no primary or not-null unique key. */
        public List<String> ineligibleTables = new ArrayList<>();

        Faults copy() {
            Faults c = new Faults();
            c.healthy = healthy;
            c.ready = ready;
            c.latencyMillis = latencyMillis;
            c.failMode = failMode;
            c.failRemaining = failRemaining;
            c.gcSafepointAgeMillis = gcSafepointAgeMillis;
            c.ineligibleTables = new ArrayList<>(ineligibleTables);
            return c;
        }
    }

    /** A changefeed: what it was created (or last updated) with, and the requests made of it since. */
    static final class ChangefeedRecord {
        public String namespace;
        public String id;
        public String sinkUri;
        public JsonNode config;
        public long startTs;
        public long targetTs;
        public long createdAt;
        /** The nanoseconds within {@code createdAt}'s millisecond: TiCDC's {@code create_time} has nanoseconds. */
        public int createdNanos;
        public String creatorVersion;
        /** Where the events already acted on left it ({@link Timeline#compact}); null before the first. */
        public Settled settled;
        /** The requests the owner had not acted on when last compacted, and any recorded since. */
        public List<Event> events = new ArrayList<>();
        /** New architecture: the changefeed's 128-bit GID, two unsigned halves kept in signed longs. */
        public long gidLow;
        public long gidHigh;
        /** New architecture: the capture running its maintainer. */
        public String maintainer;
        /** New architecture: the table spans and the capture of each, the DDL span (table 0) first. */
        public List<Span> spans = new ArrayList<>();

        ChangefeedRecord copy() {
            ChangefeedRecord c = new ChangefeedRecord();
            c.namespace = namespace;
            c.id = id;
            c.sinkUri = sinkUri;
            c.config = config == null ? null : config.deepCopy();
            c.startTs = startTs;
            c.targetTs = targetTs;
            c.createdAt = createdAt;
            c.createdNanos = createdNanos;
            c.creatorVersion = creatorVersion;
            c.settled = settled == null ? null : settled.copy();
            events.forEach(event -> c.events.add(event.copy()));
            c.gidLow = gidLow;
            c.gidHigh = gidHigh;
            c.maintainer = maintainer;
            spans.forEach(span -> c.spans.add(span.copy()));
            return c;
        }

        /** When a resume was last requested, acted on or not; null if never. */
        Long lastResumeAt() {
            Long last = settled == null ? null : settled.lastResumeAt;
            for (Event e : events) {
                if (e.kind.equals("resume") && (last == null || e.at > last)) {
                    last = e.at;
                }
            }
            return last;
        }

        private String inconsistency(String key, String what) {
            String missing = namespace == null ? "namespace" : id == null ? "id" : sinkUri == null || sinkUri.isEmpty()
                    ? "sinkUri" : config == null || !config.isObject() ? "config object" : creatorVersion == null
                    ? "creatorVersion" : events == null ? "events" : spans == null || spans.contains(null) ? "spans"
                    : null;
            if (missing != null) {
                return what + " has no " + missing;
            }
            if (!key(namespace, id).equals(key)) {
                return what + " holds " + quote(key(namespace, id));
            }
            if (config.hasNonNull("sink") && !config.get("sink").isObject()) {
                return what + " has a config whose sink is not an object";
            }
            String state = settled == null ? null : unknown("state", Timeline.STATES, settled.state);
            if (state != null) {
                return what + state;
            }
            Event persisting = settled == null ? null : settled.persisting;
            String fault = persisting == null ? null : unknown("state", Timeline.FAULT_STATES, persisting.state);
            if (fault != null || persisting != null && (persisting.code == null || persisting.message == null)) {
                return "the persisting fault of " + what + (fault != null ? fault : " has no code or message");
            }
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                String event = "event " + (i + 1) + " of " + what;
                if (e == null) {
                    return event + " is empty";
                }
                String wrong = unknown("kind", Timeline.EVENT_KINDS, e.kind);
                if (wrong == null && e.kind.equals("fault")) {
                    wrong = unknown("state", Timeline.FAULT_STATES, e.state);
                    wrong = wrong == null && (e.code == null || e.message == null) ? " has no code or message" : wrong;
                }
                if (wrong != null) {
                    return event + wrong;
                }
            }
            return null;
        }

        /** What is wrong when {@code value} is not one of {@code known}, or null when it is. */
        private static String unknown(String name, Set<String> known, String value) {
            return value == null ? " has no " + name : known.contains(value) ? null
                    : " has the unknown " + name + " " + quote(value);
        }
    }

    /**
     * A changefeed as the owner left it after the events folded so far: what {@link Timeline} derives, kept so
     * that those events need not be.
     */
    static final class Settled {
        /** When the last folded event took effect (or the owner loaded the changefeed). */
        public long at;
        public String state;
        public long checkpointTs;
        public long startTs;
        public Timeline.Problem error;
        public Timeline.Problem warning;
        public int adminJobType;
        /** While normal: the checkpoint advances from {@code segmentBase} (ms) since {@code segmentStart}. */
        public long segmentStart;
        public long segmentBase;
        /** When the checkpoint last moved or kept up: a warning that lasts makes it stuck from then. */
        public long checkpointAdvancedAt;
        /** When the last folded resume was requested, for the synced answer; null if none was. */
        public Long lastResumeAt;
        /** When it last started running (loaded, resumed, restarted): its scheduler initialises after that. */
        public long runningSince;

        // Automatic recovery ({@link Recovery}): the back-off streak and what is due when.
        /** Retrying after a retryable error: tiflow's {@code isRetrying}, ticdc's {@code retrying}. */
        public boolean retrying;
        /** When the back-off was last reset, and how many intervals it has given since. */
        public long backoffStart;
        public int backoffAttempts;
        /** Classic: no restart before this (0: on the next tick); new: the next restart. */
        public long retryAt;
        /** Classic: the checkpoint at the last restart and at the last warning, which it must pass to be normal. */
        public long retryCheckpointTs;
        public long warningCheckpointTs;
        /** When a warning changefeed whose checkpoint moves again is seen normal; 0 none due. */
        public long recoverAt;
        /** When a fault that persists strikes again after a (re)start; 0 none due. */
        public long recurAt;
        /** The injected fault that persists until cleared; null none. */
        public Event persisting;

        Settled copy() {
            Settled c = new Settled();
            c.at = at;
            c.state = state;
            c.checkpointTs = checkpointTs;
            c.startTs = startTs;
            c.error = error;
            c.warning = warning;
            c.adminJobType = adminJobType;
            c.segmentStart = segmentStart;
            c.segmentBase = segmentBase;
            c.checkpointAdvancedAt = checkpointAdvancedAt;
            c.lastResumeAt = lastResumeAt;
            c.runningSince = runningSince;
            c.retrying = retrying;
            c.backoffStart = backoffStart;
            c.backoffAttempts = backoffAttempts;
            c.retryAt = retryAt;
            c.retryCheckpointTs = retryCheckpointTs;
            c.warningCheckpointTs = warningCheckpointTs;
            c.recoverAt = recoverAt;
            c.recurAt = recurAt;
            c.persisting = persisting == null ? null : persisting.copy();
            return c;
        }
    }

    /**
     * A request or an injected fault. {@code kind}: pause, resume (optional {@code overwriteTs}), fault (a
     * {@code state} of warning, pending, failed or normal, with {@code code} and {@code message}; {@code persist}
     * when it strikes again after every restart until a fault of state normal clears it).
     */
    static final class Event {
        public String kind;
        public long at;
        public Long overwriteTs;
        public String state;
        public String code;
        public String message;
        public boolean persist;
        /** The nanoseconds within {@code at}'s millisecond, for the time of the error a fault reports. */
        public int nanos;

        Event copy() {
            Event c = of(kind, at);
            c.nanos = nanos;
            c.overwriteTs = overwriteTs;
            c.state = state;
            c.code = code;
            c.message = message;
            c.persist = persist;
            return c;
        }

        static Event of(String kind, long at) {
            Event e = new Event();
            e.kind = kind;
            e.at = at;
            return e;
        }
    }

    /** One dispatcher's span of a table, and the capture it runs on; a split table has several. */
    static final class Span {
        public long tableId;
        public String node;

        Span copy() {
            return of(tableId, node);
        }

        static Span of(long tableId, String node) {
            Span s = new Span();
            s.tableId = tableId;
            s.node = node;
            return s;
        }
    }

    static String key(String namespace, String id) {
        return namespace + "/" + id;
    }
}
