package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The hand-written deep copy that every write works on, and the file the state is kept in. */
class ClusterStateCopyTest {
    @Test
    void the_copy_holds_every_field_of_the_original() throws ReflectiveOperationException {
        ClusterState state = populated();
        // Every field differs from its default, so a field the copy forgets shows up below.
        assertNothingDefault(state, new ClusterState());
        assertNothingDefault(state.faults, new ClusterState.Faults());
        ClusterState.ChangefeedRecord changefeed = state.changefeeds.get("default/orders");
        assertNothingDefault(changefeed, new ClusterState.ChangefeedRecord());
        assertNothingDefault(changefeed.events.get(0), new ClusterState.Event());
        assertNothingDefault(changefeed.settled, new ClusterState.Settled());
        assertNothingDefault(changefeed.spans.get(0), new ClusterState.Span());

        assertEquals(tree(state), tree(state.copy()));
    }

    @Test
    void changing_the_copy_leaves_the_original_alone() {
        ClusterState state = populated();
        JsonNode before = tree(state);

        ClusterState copy = state.copy();
        copy.captures.add("c-9");
        copy.drains.put("c-9", 9L);
        copy.logLevels.put("c-9", "warn");
        copy.faults.ineligibleTables.add("db.other");
        ClusterState.ChangefeedRecord changefeed = copy.changefeeds.get("default/orders");
        ((ObjectNode) changefeed.config).put("force-replicate", false);
        changefeed.events.get(0).state = "normal";
        changefeed.settled.state = "failed";
        changefeed.spans.get(0).node = "c-2";
        copy.keyspaces.put("other", "DISABLED");
        changefeed.events.add(ClusterState.Event.of("resume", 9));
        copy.changefeeds.remove("default/orders");

        assertEquals(before, tree(state));
        assertNotSame(state.faults, copy.faults);
        assertNotEquals(before, tree(copy));
    }

    @Test
    void every_field_survives_the_state_file() throws Exception {
        ClusterState state = populated();

        ClusterState read = StateStore.MAPPER.readValue(StateStore.MAPPER.writeValueAsBytes(state), ClusterState.class);

        assertEquals(tree(state), tree(read));
        assertEquals(state.changefeeds.get("default/orders").settled.error,
                read.changefeeds.get("default/orders").settled.error);
    }

    private static ClusterState populated() {
        ClusterState s = new ClusterState();
        s.format = 7;
        s.clusterId = "c";
        s.upstreamId = 1;
        s.tickMillis = 2;
        s.captures = new ArrayList<>(List.of("c-1", "c-2"));
        s.owner = "c-1";
        s.nextOwner = "c-2";
        s.electedAt = 3;
        s.drains.put("c-2", 4L);
        s.logLevels.put("c-1", "debug");
        s.serviceGcSafepoint = false;
        s.tsoLogical = 5;
        s.faults.healthy = false;
        s.faults.ready = false;
        s.faults.latencyMillis = 6;
        s.faults.failMode = "502";
        s.faults.failRemaining = 7;
        s.faults.gcSafepointAgeMillis = 8;
        s.faults.ineligibleTables = new ArrayList<>(List.of("db.t"));
        s.dialect = ServerDialect.NEW_NEXT_GEN.name();
        s.keyspaces.put("ks", "ENABLED");
        s.keyspacesWithoutTidb.add("ks");
        s.redactModes.put("c-1", "MARKER");
        ClusterState.ChangefeedRecord cf = new ClusterState.ChangefeedRecord();
        cf.namespace = "default";
        cf.id = "orders";
        cf.sinkUri = "blackhole://";
        cf.config = GoJson.MAPPER.createObjectNode().put("force-replicate", true);
        cf.startTs = 9;
        cf.targetTs = 10;
        cf.createdAt = 11;
        cf.createdNanos = 123_456;
        cf.creatorVersion = "v8.5.0";
        ClusterState.Event event = ClusterState.Event.of("fault", 12);
        event.overwriteTs = 13L;
        event.state = "warning";
        event.code = "CDC:ErrX";
        event.message = "boom";
        event.persist = true;
        event.nanos = 789;
        cf.events.add(event);
        cf.settled = new ClusterState.Settled();
        cf.settled.at = 14;
        cf.settled.state = "stopped";
        cf.settled.checkpointTs = 15;
        cf.settled.startTs = 16;
        cf.settled.error = new Timeline.Problem(17, "CDC:ErrY", "down");
        cf.settled.warning = new Timeline.Problem(18, "CDC:ErrZ", "slow");
        cf.settled.adminJobType = 1;
        cf.settled.segmentStart = 19;
        cf.settled.segmentBase = 20;
        cf.settled.checkpointAdvancedAt = 21;
        cf.settled.lastResumeAt = 22L;
        cf.settled.runningSince = 26;
        cf.settled.retrying = true;
        cf.settled.backoffStart = 27;
        cf.settled.backoffAttempts = 28;
        cf.settled.retryAt = 29;
        cf.settled.retryCheckpointTs = 30;
        cf.settled.warningCheckpointTs = 31;
        cf.settled.recoverAt = 32;
        cf.settled.recurAt = 33;
        cf.settled.persisting = event.copy();
        cf.gidLow = -23;
        cf.gidHigh = 24;
        cf.maintainer = "c-2";
        cf.spans.add(ClusterState.Span.of(25, "c-1"));
        s.changefeeds.put(ClusterState.key(cf.namespace, cf.id), cf);
        return s;
    }

    private static void assertNothingDefault(Object populated, Object fresh) throws ReflectiveOperationException {
        for (Field field : populated.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            boolean same = Objects.equals(field.get(populated), field.get(fresh));
            assertEquals(false, same, () -> populated.getClass().getSimpleName() + "." + field.getName()
                    + " has its default value in the test's state: set it here and copy it in copy()");
        }
    }

    private static JsonNode tree(ClusterState state) {
        return StateStore.MAPPER.valueToTree(state);
    }
}
