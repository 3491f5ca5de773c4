package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import org.junit.jupiter.api.Test;

/** Bulk pause, resume and delete against the sandbox: real HTTP, the owner's ticks, and injected faults. */
class BulkActionsSandboxTest extends SandboxTest {

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
        assertTrue(r.err().contains("\nError: changefeed \"cf-9\": changefeed not exists, default/cf-9"
                + " (CDC:ErrChangeFeedNotExists)\n"), r::toString);
        assertTrue(r.err().endsWith("\n2 paused, 1 not found, 1 failed\n"), r::toString);
        assertEquals("normal\n", ok("changefeed", "get", "cf-1", "--jq", ".state").out());
    }

    @Test
    void delete_all_includes_finished_changefeeds() {
        String now = ok("tso", "query").out().trim();
        ok("changefeed", "create", "backfill", "--sink-uri", "blackhole://",
                "--target-ts", Long.toString(Long.parseLong(now) + (5_000L << 18)));
        create("live");
        clock.sleep(java.time.Duration.ofSeconds(30));
        assertEquals("finished\n", ok("changefeed", "get", "backfill", "--jq", ".state").out());

        Cli.Result r = ok("changefeed", "delete", "--all", "--yes");

        assertEquals("changefeed \"backfill\" deleted\nchangefeed \"live\" deleted\n", r.out());
        assertEquals("0\n", ok("changefeed", "list", "--all", "--jq", ".total").out());
    }
}
