package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.sandbox.ClusterState.ChangefeedRecord;
import dev.ticdcctl.sandbox.ClusterState.Event;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Folding the events the owner has acted on into a settled state changes nothing a route can see: for random
 * histories of pauses, resumes (with and without a new checkpoint) and faults (once or persisting), compacted at
 * every write as the routes do, the derived state at every later moment is the one the whole history gives, on both
 * servers, whose automatic retries act between the events.
 */
class TimelineCompactionTest {
    private static final long TICK = 500;
    private static final long CREATED = 1_719_799_510_123L;
    private static final List<String> FAULT_STATES = List.copyOf(Timeline.FAULT_STATES);

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 200).boxed().flatMap(seed -> Stream.of(Arguments.of(seed, false),
                Arguments.of(seed, true)));
    }

    @ParameterizedTest(name = "seed {0}, new architecture {1}")
    @MethodSource("seeds")
    void a_compacted_history_derives_what_the_whole_history_derives(int seed, boolean newArch) {
        Timeline.Conditions conditions = new Timeline.Conditions(TICK, newArch, 600_000);
        Random random = new Random(seed);
        ChangefeedRecord whole = changefeed(random);
        ChangefeedRecord compacted = whole.copy();
        long now = CREATED + random.nextLong(-TICK, 3 * TICK);
        int events = 1 + random.nextInt(80);
        for (int i = 0; i < events; i++) {
            long next = now + (random.nextInt(4) == 0 ? 0 : random.nextLong(1, 3 * TICK));
            assertSameAnswers(whole, compacted, random.nextLong(now, next + 1), conditions, seed);
            now = next;
            Event e = event(random, now, i, newArch);
            whole.events.add(e);
            compacted.events.add(e.copy());
            Timeline.compact(compacted, now, conditions);
            long at = now;
            assertTrue(compacted.events.stream().allMatch(kept -> takesEffect(kept, newArch) > at),
                    () -> "seed " + seed + ": only events not yet acted on are kept");
        }
        for (long later = now; later < now + 600_000; later += random.nextLong(1, 20_000)) {
            assertSameAnswers(whole, compacted, later, conditions, seed);
        }
    }

    @Test
    void a_changefeed_that_is_not_loaded_yet_is_left_as_it_is() {
        ChangefeedRecord cf = changefeed(new Random(1));
        cf.events.add(Event.of("pause", CREATED + 1));

        Timeline.compact(cf, CREATED + 1, TICK);

        assertNull(cf.settled);
        assertEquals(1, cf.events.size());
    }

    /** A state file from before retries were simulated: its pending and warning changefeeds are not stuck. */
    @ParameterizedTest(name = "{0}, new architecture {1}")
    @CsvSource({"pending, false", "warning, false", "warning, true"})
    void a_settled_state_from_before_retries_meets_its_error_afresh(String state, boolean newArch) {
        ChangefeedRecord cf = changefeed(new Random(1));
        cf.config = GoJson.MAPPER.createObjectNode();
        cf.startTs = tso(CREATED - 30_000);
        cf.settled = new ClusterState.Settled();
        cf.settled.at = CREATED + 10 * TICK;
        cf.settled.state = state;
        cf.settled.checkpointTs = cf.startTs;
        cf.settled.startTs = cf.startTs;
        cf.settled.error = new Timeline.Problem(cf.settled.at, "CDC:ErrX", "old");
        cf.settled.segmentStart = cf.settled.at;
        cf.settled.segmentBase = Timeline.physical(cf.startTs);
        Timeline.Conditions conditions = new Timeline.Conditions(TICK, newArch, 600_000);

        assertEquals(state, Timeline.at(cf, cf.settled.at + TICK - 1, conditions).state());
        assertEquals("normal", Timeline.at(cf, cf.settled.at + 3 * TICK, conditions).state(), "restarted, recovered");
    }

    private static void assertSameAnswers(ChangefeedRecord whole, ChangefeedRecord compacted, long at,
            Timeline.Conditions conditions, int seed) {
        assertEquals(Timeline.at(whole, at, conditions), Timeline.at(compacted, at, conditions),
                () -> "seed " + seed + ", at +" + (at - CREATED) + " ms");
        assertEquals(whole.lastResumeAt(), compacted.lastResumeAt(), () -> "seed " + seed + ": last resume");
    }

    /**
     * Classic: requests a tick after they were made, faults at once, nothing before the owner has loaded the
     * changefeed; new: everything at once.
     */
    private static long takesEffect(Event e, boolean newArch) {
        return newArch ? Math.max(e.at, CREATED) : Math.max(e.kind.equals("fault") ? e.at : e.at + TICK, CREATED + TICK);
    }

    private static ChangefeedRecord changefeed(Random random) {
        ChangefeedRecord cf = new ChangefeedRecord();
        cf.namespace = "default";
        cf.id = "cf";
        cf.sinkUri = "blackhole://";
        cf.createdAt = CREATED;
        cf.startTs = tso(CREATED - random.nextLong(0, 60_000));
        cf.targetTs = random.nextInt(4) == 0 ? tso(CREATED + random.nextLong(5_000, 60_000)) : 0;
        ObjectNode config = GoJson.MAPPER.createObjectNode();
        if (random.nextInt(3) == 0) {
            config.put("changefeed_error_stuck_duration", random.nextLong(1, 6) * 1_000_000_000L);
        }
        cf.config = config;
        cf.creatorVersion = Cluster.VERSION;
        return cf;
    }

    private static Event event(Random random, long now, int i, boolean newArch) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return Event.of("pause", now);
        }
        if (kind < 6) {
            Event e = Event.of("resume", now);
            e.overwriteTs = random.nextInt(5) == 0 ? tso(now - random.nextLong(0, 30_000)) : null;
            return e;
        }
        Event e = Event.of("fault", now);
        do {
            e.state = FAULT_STATES.get(random.nextInt(FAULT_STATES.size()));
        } while (newArch && e.state.equals("pending"));
        e.code = random.nextInt(8) == 0 ? "CDC:ErrGCTTLExceeded" : "CDC:Err" + i;
        e.message = "fault " + i;
        e.persist = random.nextBoolean();
        return e;
    }

    private static long tso(long millis) {
        return millis << Timeline.LOGICAL_BITS;
    }
}
