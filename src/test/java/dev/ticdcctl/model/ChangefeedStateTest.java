package dev.ticdcctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangefeedStateTest {
    @Test
    void the_names_are_tiflows_feed_states_in_the_order_operators_read_them() {
        assertEquals(List.of("normal", "warning", "pending", "error", "stopped", "failed", "finished", "removed"),
                Arrays.stream(ChangefeedState.values()).map(ChangefeedState::wire).toList());
        assertEquals(List.of("normal", "warning", "pending", "error", "stopped", "failed", "finished"),
                ChangefeedState.reported().stream().map(ChangefeedState::wire).toList(), "removed never shows");
    }

    @Test
    void every_state_reads_back_from_its_wire_name() {
        for (ChangefeedState state : ChangefeedState.values()) {
            assertEquals(Optional.of(state), ChangefeedState.of(state.wire()));
            assertEquals(state.wire(), state.toString());
            assertTrue(state.is(state.wire()));
        }
    }

    @ParameterizedTest(name = "\"{0}\" is no state")
    @NullAndEmptySource
    @ValueSource(strings = {"Normal", "ERROR", "all", "paused", " normal"})
    void text_that_is_not_a_wire_name_exactly_is_no_state(String text) {
        assertEquals(Optional.empty(), ChangefeedState.of(text));
        assertFalse(ChangefeedState.matches(text, state -> true));
    }

    /** What the owner and the API let happen in each state (tiflow cdc/owner/feed_state_manager.go, cdc/api/v2). */
    @ParameterizedTest(name = "{0}: running {1}, active {2}, resumable {3}, updatable {4}, lags {5}, error {6}, "
            + "listed {7}")
    @CsvSource({
        "normal,   true,  true,  false, false, true,  false, true",
        "warning,  true,  true,  false, false, true,  true,  true",
        "pending,  false, true,  false, false, true,  true,  true",
        "error,    false, true,  true,  false, true,  true,  false",
        "stopped,  false, false, true,  true,  true,  false, true",
        "failed,   false, false, true,  true,  true,  true,  true",
        "finished, false, false, true,  false, false, false, false",
        "removed,  false, false, false, false, true,  false, false",
    })
    void each_state_carries_what_the_owner_allows_in_it(String wire, boolean running, boolean active,
            boolean resumable, boolean updatable, boolean lags, boolean error, boolean listed) {
        ChangefeedState state = ChangefeedState.of(wire).orElseThrow();

        assertEquals(List.of(running, active, resumable, updatable, lags, error, listed),
                List.of(state.isRunning(), state.isActive(), state.isResumable(), state.isUpdatable(),
                        state.canLag(), state.hasError(), state.isListedByDefault()));
    }

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource({
        "normal, HEALTHY", "warning, DEGRADED", "pending, DEGRADED", "stopped, PAUSED", "failed, BROKEN",
        "finished, ENDED", "removed, ENDED", "error, DEGRADED", "exploded, UNKNOWN", "NORMAL, UNKNOWN", "'', UNKNOWN",
    })
    void the_health_of_a_state_covers_v7_1s_retried_error_and_unknown_ones(String wire,
            ChangefeedState.Health health) {
        assertEquals(health, ChangefeedState.healthOf(wire));
    }

    @Test
    void a_missing_state_has_unknown_health() {
        assertEquals(ChangefeedState.Health.UNKNOWN, ChangefeedState.healthOf(null));
    }
}
