package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.sandbox.ServerDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bulk pause, resume and delete against the sandbox, classic and new: real HTTP, the owner's ticks, and injected
 * faults.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(names = {"CLASSIC", "NEW_CLASSIC_KERNEL"})
class BulkActionsSandboxTest extends SandboxTest {

    BulkActionsSandboxTest(ServerDialect dialect) {
        super(dialect);
    }

    private void create(String... ids) {
        for (String id : ids) {
            ok("changefeed", "create", id, "--sink-uri", "blackhole://");
        }
    }

    @Test
    void every_changefeed_of_a_pattern_is_paused_in_one_command_and_resumed_with_all() {
        create("orders-eu", "orders-us", "users");

        Cli.Result paused = ok("changefeed", "pause", "--match", "^orders-", "--yes");
        assertEquals("changefeed \"orders-eu\" paused\nchangefeed \"orders-us\" paused\n", paused.out());
        assertEquals("2 paused\n", paused.err());
        assertEquals("orders-eu stopped\norders-us stopped\nusers normal\n",
                ok("changefeed", "list", "--jq", ".items[] | .id + \" \" + .state").out());

        Cli.Result resumed = ok("changefeed", "resume", "--all", "--yes", "--parallel", "2");
        assertEquals("changefeed \"orders-eu\" resumed\nchangefeed \"orders-us\" resumed\n"
                + "changefeed \"users\" is already running (normal)\n", resumed.out());
        assertEquals("2 resumed, 1 unchanged\n", resumed.err());
        assertEquals("normal\nnormal\nnormal\n", ok("changefeed", "list", "--jq", ".items[].state").out());
    }

    @Test
    void a_server_failure_and_a_missing_changefeed_leave_the_others_paused() {
        create("cf-1", "cf-2", "cf-3");
        // The proxy in front of the cluster fails the next request: cf-1's first, with --parallel 1.
        inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}");

        Cli.Result r = cli.run("changefeed", "pause", "cf-1", "cf-9", "cf-2", "cf-3", "--yes", "--parallel", "1");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-2\" paused\nchangefeed \"cf-3\" paused\n", r.out());
        assertTrue(r.err().startsWith("Error: changefeed \"cf-1\": the server answered HTTP 502"), r::toString);
        assertTrue(r.err().contains("\nError: changefeed \"cf-9\": " + notFoundError("cf-9") + "\n"), r::toString);
        assertTrue(r.err().endsWith("\n2 paused, 1 not found, 1 failed\n"), r::toString);
        assertEquals("normal\n", ok("changefeed", "get", "cf-1", "--jq", ".state").out());
    }

    @Test
    void delete_all_includes_finished_changefeeds() {
        String now = ok("tso", "query").out().trim();
        ok("changefeed", "create", "backfill", "--sink-uri", "blackhole://",
                "--target-ts", Long.toString(Long.parseLong(now) + (5_000L << 18)));
        create("live");
        clock.sleep(Duration.ofSeconds(30));
        assertEquals("finished\n", ok("changefeed", "get", "backfill", "--jq", ".state").out());

        Cli.Result r = ok("changefeed", "delete", "--all", "--yes");

        assertEquals("changefeed \"backfill\" deleted\nchangefeed \"live\" deleted\n", r.out());
        assertEquals("0\n", ok("changefeed", "list", "--all", "--jq", ".total").out());
    }

    /**
     * A sleeper that moves the shared clock and, on its {@code n}th call, acts as Ctrl-C does: {@code ctrlC} interrupts
     * the main thread (as the SIGINT handler does) or throws {@link InterruptedException} (as an interrupted wait).
     */
    private Environment.Sleeper ctrlCOnSleep(int n, Environment.Sleeper ctrlC) {
        AtomicInteger sleeps = new AtomicInteger();
        return duration -> {
            if (sleeps.incrementAndGet() == n) {
                ctrlC.sleep(duration);
            }
            clock.sleep(duration);
        };
    }

    private static String[] ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("cf-%02d", i))
                .toArray(String[]::new);
    }

    /**
     * The new architecture has acted on a pause or resume when it answers it, so a bulk action there waits for
     * nothing: it leaves no wait for Ctrl-C to end, and every changefeed is done.
     */
    private void assertNeverWaits(String... args) {
        List<Duration> sleeps = new ArrayList<>();
        Cli.Result r = cli.sleeper(sleeps::add).run(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of(), sleeps, r::toString);
    }

    @Test
    void ctrl_c_in_a_bulk_pause_prints_the_results_so_far_and_what_became_of_the_rest() {
        create(ids(10));
        if (dialect.isNew()) {
            assertNeverWaits("changefeed", "pause", "--all", "--yes", "--parallel", "1");
            assertEquals("10\n", ok("changefeed", "list", "--jq", "[.items[] | select(.state == \"stopped\")]"
                    + " | length").out());
            return;
        }

        // Each pause waits three polls for the owner to stop the changefeed: the 7th is cf-02's first.
        Cli.Result r = cli.sleeper(ctrlCOnSleep(7, d -> {
            throw new InterruptedException();
        })).run("changefeed", "pause", "--all", "--yes", "--parallel", "1");

        assertEquals(130, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-00\" paused\nchangefeed \"cf-01\" paused\n", r.out(), r::toString);
        assertEquals("interrupted: 3 requests sent, 2 confirmed paused, 7 not sent\n", r.err(), r::toString);
        tick();
        assertEquals("stopped\nstopped\nstopped\nnormal\nnormal\nnormal\nnormal\nnormal\nnormal\nnormal\n",
                ok("changefeed", "list", "--jq", ".items[].state").out(), "cf-02's pause was sent before Ctrl-C");
    }

    @Test
    void ctrl_c_in_a_parallel_bulk_resume_with_json_output_prints_a_whole_document_of_what_was_done()
            throws Exception {
        create(ids(12));
        ok("changefeed", "pause", "--all", "--yes", "--parallel", "4");
        if (dialect.isNew()) {
            assertNeverWaits("changefeed", "resume", "--all", "--yes", "--parallel", "3", "-o", "json");
            return;
        }
        Thread main = Thread.currentThread();

        Cli.Result r = cli.sleeper(ctrlCOnSleep(6, d -> main.interrupt()))
                .run("changefeed", "resume", "--all", "--yes", "--parallel", "3", "-o", "json");

        assertEquals(130, r.exitCode(), r::toString);
        JsonNode items = new ObjectMapper()
                .readTree(r.out());
        Matcher summary = Pattern
                .compile("interrupted: (\\d+) requests sent, (?:(\\d+) confirmed resumed, )?(\\d+) not sent\n")
                .matcher(r.err());
        assertTrue(summary.matches(), r::toString);
        int sent = Integer.parseInt(summary.group(1));
        int confirmed = summary.group(2) == null ? 0 : Integer.parseInt(summary.group(2));
        assertEquals(12, sent + Integer.parseInt(summary.group(3)), r::toString);
        assertEquals(confirmed, items.size(), r::toString);
        assertTrue(sent < 12 && sent >= confirmed, r::toString);
        String states = ok("changefeed", "list", "--jq", "[.items[] | select(.state == \"stopped\")] | length").out();
        assertTrue(Integer.parseInt(states.trim()) >= 12 - sent, "those not sent stay paused: " + states);
    }
}
