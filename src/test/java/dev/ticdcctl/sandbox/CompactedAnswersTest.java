package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sandbox started on a state written before histories were compacted (format 1, every request ever made kept)
 * answers every route the same before and after the write that compacts each changefeed.
 */
class CompactedAnswersTest extends ContractSupport {
    private static final long MINUTE = 60_000;
    private static final long NOW = START.toEpochMilli();
    private static final List<String> CHANGEFEEDS = List.of("cycled", "stuck", "rewound", "finished", "pending",
            "recent");

    CompactedAnswersTest() {
        super(o -> o.withStateDir(withLongHistories()));
    }

    @Test
    void compacting_a_long_history_changes_no_answer() {
        assertTrue(stateFile().at("/changefeeds/default~1cycled/events").size() >= 400, "setup: a long history");
        Map<String, JsonNode> before = answers();

        for (String id : CHANGEFEEDS) {
            // Acted on a tick from now: no answer at this moment may change, yet the write compacts.
            assertEquals(200, post("/api/v2/changefeeds/" + id + "/pause", "{}").status());
        }

        assertEquals(before, answers());
        JsonNode state = stateFile();
        assertEquals(ClusterState.FORMAT, state.path("format").asInt());
        for (String id : CHANGEFEEDS) {
            JsonNode cf = state.path("changefeeds").path("default/" + id);
            int kept = id.equals("recent") ? 2 : 1;
            assertEquals(kept, cf.path("events").size(), () -> id + " keeps only what is not acted on yet: " + cf);
        }
    }

    /** Every answer that derives from the history, by route. */
    private Map<String, JsonNode> answers() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> routes = new ArrayList<>(List.of("/api/v2/changefeeds?state=all", "/api/v2/processors",
                "/api/v2/unsafe/metadata"));
        for (String id : CHANGEFEEDS) {
            String cf = "/api/v2/changefeeds/" + id;
            routes.addAll(List.of(cf, cf + "/meta_info", cf + "/status", cf + "/synced"));
        }
        for (String route : routes) {
            Resp r = get(route);
            assertEquals(200, r.status(), () -> route + ": " + r);
            answers.put(route, r.json());
        }
        return answers;
    }

    /** A format-1 state of six changefeeds with histories of every kind, the newest request not yet acted on. */
    private static Path withLongHistories() {
        ClusterState s = new ClusterState();
        s.format = 1;
        s.tickMillis = TICK.toMillis();
        for (int i = 0; i < 3; i++) {
            s.captures.add(UUID.randomUUID().toString());
        }
        s.owner = s.captures.get(0);
        ChangefeedRecord cycled = changefeed(s, "cycled", 30 * MINUTE, 0);
        for (int i = 0; i < 400; i++) {
            cycled.events.add(Event.of(i % 2 == 0 ? "pause" : "resume", NOW - 25 * MINUTE + i * 2_000L));
        }
        ChangefeedRecord stuck = changefeed(s, "stuck", 30 * MINUTE, 0);
        ((ObjectNode) stuck.config).put("changefeed_error_stuck_duration", 60_000_000_000L);
        stuck.events.add(Event.of("pause", NOW - 20 * MINUTE));
        stuck.events.add(Event.of("resume", NOW - 19 * MINUTE));
        stuck.events.add(fault("warning", NOW - 5 * MINUTE));
        ChangefeedRecord rewound = changefeed(s, "rewound", 30 * MINUTE, 0);
        rewound.events.add(Event.of("pause", NOW - 5 * MINUTE));
        Event resume = Event.of("resume", NOW - 4 * MINUTE);
        resume.overwriteTs = (NOW - 7 * MINUTE) << Timeline.LOGICAL_BITS;
        rewound.events.add(resume);
        ChangefeedRecord finished = changefeed(s, "finished", 30 * MINUTE, NOW - MINUTE);
        finished.events.add(Event.of("pause", NOW - 20 * MINUTE));
        finished.events.add(Event.of("resume", NOW - 10 * MINUTE));
        ChangefeedRecord pending = changefeed(s, "pending", 30 * MINUTE, 0);
        pending.events.add(fault("pending", NOW - 3 * MINUTE));
        pending.events.add(Event.of("resume", NOW - 2 * MINUTE));
        ChangefeedRecord recent = changefeed(s, "recent", 30 * MINUTE, 0);
        recent.events.add(Event.of("pause", NOW - 10 * MINUTE));
        recent.events.add(Event.of("resume", NOW - 100));
        Path dir = freshStateDir();
        try {
            Files.write(dir.resolve("state.json"), StateStore.MAPPER.writeValueAsBytes(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static ChangefeedRecord changefeed(ClusterState s, String id, long age, long targetMillis) {
        ChangefeedRecord cf = new ChangefeedRecord();
        cf.namespace = "default";
        cf.id = id;
        cf.sinkUri = "blackhole://";
        cf.config = ReplicaConfigs.mergeOverDefaults(null);
        cf.createdAt = NOW - age;
        cf.startTs = cf.createdAt << Timeline.LOGICAL_BITS;
        cf.targetTs = targetMillis << Timeline.LOGICAL_BITS;
        cf.creatorVersion = Cluster.VERSION;
        s.changefeeds.put(ClusterState.key(cf.namespace, cf.id), cf);
        return cf;
    }

    private static Event fault(String state, long at) {
        Event e = Event.of("fault", at);
        e.state = state;
        e.code = "CDC:ErrKafkaNewProducer";
        e.message = state + " injected";
        return e;
    }
}
