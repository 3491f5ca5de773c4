package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a changefeed's requests leave behind: a request is kept only until the owner has acted on it, so the state
 * file, and with it the cost of every answer that reads it, does not grow with the number of requests served.
 */
class HistoryCompactionTest extends ContractSupport {
    HistoryCompactionTest() {
        super(o -> o.withStateDir(freshStateDir()));
    }

    @Test
    void three_thousand_pause_and_resume_calls_leave_the_state_as_large_as_thirty_did() {
        createLoaded("cycled");
        cycle(30);
        long sizeAfterThirty = stateFileSize();
        int eventsAfterThirty = stateFile().at("/changefeeds/default~1cycled/events").size();

        cycle(3_000);

        assertTrue(stateFileSize() <= 2 * sizeAfterThirty, () -> "after 3,030 calls the state file holds "
                + stateFileSize() + " bytes, after 30 it held " + sizeAfterThirty);
        assertTrue(stateFile().at("/changefeeds/default~1cycled/events").size() <= Math.max(2, eventsAfterThirty),
                () -> "events kept: " + stateFile().at("/changefeeds/default~1cycled/events"));
        assertEquals("normal", stateOf("cycled"), "the last call was a resume");
        assertFalse(info("cycled").has("admin_job_type"), "none after a resume (feed_state_manager.go patchState)");
    }

    /** Alternate pauses and resumes, each acted on by the owner before the next. */
    private void cycle(int calls) {
        for (int i = 0; i < calls; i++) {
            String action = i % 2 == 0 ? "pause" : "resume";
            Resp r = post("/api/v2/changefeeds/cycled/" + action, "{}");
            assertEquals(200, r.status(), () -> action + ": " + r);
            tick();
        }
    }

    private long stateFileSize() {
        try {
            return Files.size(stateDir.resolve("state.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
