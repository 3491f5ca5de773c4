package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CLI against the built-in sandbox: whole operator workflows, over real HTTP, with the owner's ticks, on every
 * form of the server. Where the forms answer differently, the test says how.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ServerDialect.class)
class SandboxEndToEndTest extends SandboxTest {

    SandboxEndToEndTest(ServerDialect dialect) {
        super(dialect);
    }

    @Test
    void a_changefeed_lives_through_create_pause_update_resume_and_delete() {
        assertEquals("changefeed \"orders\" created\n",
                ok("changefeed", "create", "orders", "--sink-uri", "blackhole://").out());
        tick();
        Cli.Result list = ok("changefeed", "list", "--no-headers");
        assertTrue(list.out().matches("orders +normal +\\S+ +\\d+(ms|s) +-\\n"), list::toString);

        Cli.Result refused = cli.run("changefeed", "update", "orders", "--sink-uri", "kafka://k:9092/t?protocol=canal-json");
        assertEquals(1, refused.exitCode(), refused::toString);

        assertEquals("changefeed \"orders\" paused\n", ok("changefeed", "pause", "orders").out());
        assertEquals("changefeed \"orders\" is already stopped; nothing to pause\n",
                ok("changefeed", "pause", "orders").out());
        assertEquals("changefeed \"orders\" updated\n",
                ok("changefeed", "update", "orders", "--sink-uri", "kafka://k:9092/t?protocol=canal-json", "--yes")
                        .out());
        assertEquals("kafka://k:9092/t?protocol=canal-json\n", ok("changefeed", "get", "orders", "--jq", ".sink_uri").out());
        assertEquals("changefeed \"orders\" resumed\n", ok("changefeed", "resume", "orders").out());
        assertEquals("changefeed \"orders\" is already running (normal)\n", ok("changefeed", "resume", "orders").out());
        assertEquals("normal\n", ok("changefeed", "status", "orders", "--jq", ".state").out());
        assertEquals("changefeed \"orders\" deleted\n", ok("changefeed", "delete", "orders", "--yes").out());

        Cli.Result gone = fails(3, "changefeed", "get", "orders");
        assertTrue(gone.err().startsWith("Error: " + notFoundError("orders") + "\n"), gone::toString);
        // The new architecture answers DELETE of a missing changefeed with null, the classic one with its error:
        // either way nothing is there to delete.
        fails(3, "changefeed", "delete", "orders", "--yes");
        assertEquals("changefeed \"orders\" does not exist; nothing to delete\n",
                ok("changefeed", "delete", "orders", "--yes", "--ignore-not-found").out());
    }

    @Test
    void list_get_status_and_synced_read_a_running_changefeed_alike() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://root:hunter2@db:3306/");
        tick();

        String wide = ok("changefeed", "list", "-o", "wide", "--no-headers").out();
        String get = ok("changefeed", "get", "orders").out();
        String status = ok("changefeed", "status", "orders").out();

        // The new architecture lists its keyspace where the classic server lists its namespace.
        assertTrue(wide.startsWith("orders   " + (dialect.nextGen() ? KEYSPACE : "default") + "   normal   "), wide);
        assertTrue(get.matches("ID +STATE +CHECKPOINT +LAG +ERROR +SINK_URI\n"
                + "orders +normal +\\S+ +\\d+(ms|s) +- +blackhole://root:xxxxx@db:3306/\n"), get);
        // The new architecture also counts the changefeed's dispatchers.
        assertTrue(status.matches("ID +STATE +CHECKPOINT +LAG +RESOLVED_LAG +ERROR +WARNING"
                + (dialect.isNew() ? " +DISPATCHERS\n" : "\n")
                + "orders +normal +\\S+ +\\d+(ms|s) +\\d+(ms|s) +- +-" + (dialect.isNew() ? " +\\d+\n" : "\n")),
                status);
        assertEquals("orders normal\n", ok("changefeed", "query", "-c", "orders", "-o", "json", "--jq",
                ".id + \" \" + .state").out());
        assertEquals("false\n", ok("changefeed", "synced", "orders", "--jq", ".synced").out());
        assertFalse((wide + get + status).contains("hunter2"));
    }

    @Test
    void a_second_create_of_an_id_is_the_same_error_whatever_status_the_server_answers_with() {
        ok("changefeed", "create", "orders", "--sink-uri", "blackhole://");

        Cli.Result again = fails(1, "changefeed", "create", "orders", "--sink-uri", "blackhole://");

        assertEquals("Error: changefeed already exists, orders (CDC:ErrChangeFeedAlreadyExists)\nHint: choose another"
                + " ID, or change the existing changefeed with 'ticdcctl changefeed update'\n", again.err());
    }

    @Test
    void a_changefeed_created_paused_with_a_target_is_listed_updated_and_resumed() {
        String now = ok("tso", "query").out().trim();
        long target = Long.parseLong(now) + (3_600_000L << 18);

        assertEquals("changefeed \"cf-1\" created (paused)\n", ok("changefeed", "create", "cf-1", "--sink-uri",
                "blackhole://", "--start-ts", now, "--target-ts", Long.toString(target), "--paused").out());

        assertEquals("cf-1 stopped\n", ok("changefeed", "list", "--state", "stopped", "--jq",
                ".items[] | .id + \" \" + .state").out());
        assertEquals("0\n", ok("changefeed", "list", "--state", "failed", "--jq", ".total").out());
        assertEquals(now + "\n" + target + "\n", ok("changefeed", "get", "cf-1", "--jq", ".start_ts, .target_ts")
                .out());
        assertEquals("changefeed \"cf-1\" already has these settings; nothing was sent\n",
                ok("changefeed", "update", "cf-1", "--target-ts", Long.toString(target)).out());
        Cli.Result updated = ok("changefeed", "update", "cf-1", "--target-ts", Long.toString(target + (1L << 18)),
                "--yes");
        assertEquals("Changes to changefeed \"cf-1\":\n  target-ts: " + target + " → " + (target + (1L << 18))
                + "\n", updated.err());
        ok("changefeed", "resume", "cf-1");
        assertEquals("normal " + (target + (1L << 18)) + "\n",
                ok("changefeed", "get", "cf-1", "--jq", ".state + \" \" + (.target_ts | tostring)").out());
    }

    @Test
    void resuming_with_an_overwritten_checkpoint_moves_the_checkpoint_and_runs_again() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        ok("changefeed", "pause", "cf-1");
        long later = Long.parseLong(ok("tso", "query").out().trim()) + (60_000L << 18);
        clock.sleep(Duration.ofMinutes(2));

        assertEquals("changefeed \"cf-1\" resumed\n", ok("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts",
                Long.toString(later), "--yes").out());

        long checkpoint = Long.parseLong(ok("changefeed", "get", "cf-1", "--jq", ".checkpoint_ts").out().trim());
        assertTrue(checkpoint >= later, () -> checkpoint + " is at or past " + later);
        assertEquals("normal\n", ok("changefeed", "get", "cf-1", "--jq", ".state").out());
    }

    @Test
    void the_checkpoint_follows_the_clock_and_a_target_finishes_the_changefeed() {
        String now = ok("tso", "query").out().trim();
        long target = Long.parseLong(now) + (5_000L << 18);
        ok("changefeed", "create", "backfill", "--sink-uri", "blackhole://", "--target-ts", Long.toString(target));
        clock.sleep(Duration.ofSeconds(30));

        assertEquals("finished\n", ok("changefeed", "get", "backfill", "--jq", ".state").out());
        assertEquals(target + "\n", ok("changefeed", "get", "backfill", "--jq", ".checkpoint_ts").out());
        assertEquals("", ok("changefeed", "list", "--no-headers").out(), "finished ones are listed only with --all");
        assertTrue(ok("changefeed", "list", "--all", "--no-headers").out().startsWith("backfill   finished"));
    }

    @Test
    void a_failure_injected_into_a_changefeed_shows_in_list_and_resume_clears_it() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        fault("cf-1", "{\"state\":\"failed\",\"code\":\"CDC:ErrGCTTLExceeded\",\"message\":\"gc ttl exceeded\"}");

        assertTrue(ok("changefeed", "list", "--no-headers").out().contains("failed"));
        assertEquals("CDC:ErrGCTTLExceeded\n", ok("changefeed", "list", "--jq", ".items[0].error.code").out());
        assertEquals("CDC:ErrGCTTLExceeded\n", ok("changefeed", "get", "cf-1", "--jq", ".error.code").out());
        ok("changefeed", "resume", "cf-1");
        assertEquals("null\n", ok("changefeed", "list", "--jq", ".items[0].error").out());
    }

    @Test
    void any_capture_answers_because_non_owners_forward_to_the_owner() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        Cli viaOther = cliAt(sandbox.urls().get(2));

        Cli.Result r = viaOther.run("changefeed", "get", "cf-1", "--jq", ".id");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cf-1\n", r.out());
        assertEquals("false\n", viaOther.run("status", "--jq", ".is_owner").out());
    }

    @Test
    void the_owner_resigns_and_another_capture_is_elected() {
        String before = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .id").out();
        ok("owner", "resign", "--yes");
        tick();
        String after = ok("capture", "list", "--jq", ".items[] | select(.is_owner) | .id").out();

        assertNotEquals(before, after);
        assertFalse(after.isBlank());
    }

    @Test
    void draining_a_capture_moves_its_tables_away() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "cf-2", "--sink-uri", "blackhole://");
        String capture = ok("capture", "list", "--jq", ".items[1].id").out().trim();

        int first = Integer.parseInt(ok("capture", "drain", capture, "--yes", "--jq", ".current_table_count")
                .out().trim());
        // The classic owner moves them a few per tick, the new architecture's coordinator at once.
        clock.sleep(Duration.ofSeconds(30));
        int last = Integer.parseInt(ok("capture", "drain", capture, "--yes", "--jq", ".current_table_count")
                .out().trim());

        assertTrue(first > 0, "the capture held tables");
        assertEquals(0, last);
        Cli.Result owner = fails(1, "capture", "drain", ok("capture", "list", "--jq", ".items[0].id").out().trim(),
                "--yes");
        assertTrue(owner.err().contains("cannot drain the owner (CDC:ErrSchedulerRequestFailed)"), owner::toString);
    }

    @Test
    void processors_exist_for_running_changefeeds_only() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        if (dialect.isNew()) {
            // Its processor routes answer fixed stubs; the command says so instead of showing them as the truth.
            Cli.Result none = fails(1, "processor", "list");
            assertTrue(none.err().startsWith("Error: this server (TiCDC's new architecture) keeps no per-processor"
                    + " detail"), none::toString);
            return;
        }
        String capture = ok("processor", "list", "--jq", ".items[0].capture_id").out().trim();

        assertTrue(ok("processor", "get", "cf-1", capture, "--jq", ".table_ids | length").out().trim()
                .matches("[1-9]"));
        ok("changefeed", "pause", "cf-1");
        fails(1, "processor", "get", "cf-1", capture);
        assertEquals("0\n", ok("processor", "list", "--jq", ".total").out());
    }


    @Test
    void a_proxy_502_and_an_unready_server_are_reported_with_their_exit_codes() {
        inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}");
        Cli.Result proxy = fails(1, "changefeed", "list");
        assertTrue(proxy.err().startsWith("Error: the server answered HTTP 502 Bad Gateway with a non-JSON body"),
                proxy::toString);
        ok("changefeed", "list");

        inject("/sandbox/ready", "{\"ready\":false}");
        Cli.Result unready = fails(1, "changefeed", "list");
        // The classic server refuses with its own error; the new one's coordinator says it is not initialized.
        assertTrue(unready.err().startsWith(dialect.isNew()
                ? "Error: coordinator is not fully initialized, wait a moment\n"
                : "Error: cdc server is not ready (CDC:ErrServerIsNotReady)\n"), unready::toString);
    }

    @Test
    void an_unhealthy_cluster_fails_the_health_check() {
        ok("health");
        inject("/sandbox/health", "{\"healthy\":false}");
        Cli.Result r = fails(1, "health");
        assertEquals("Error: TiCDC cluster is unhealthy (CDC:ErrClusterIsUnhealthy)\n", r.err());
    }

    @Test
    void changes_to_a_cluster_that_requires_a_user_are_refused_without_one() {
        try (Sandbox secured = start(Sandbox.Options.defaults().withAuth("root", "secret").withClock(clock)
                .withDialect(dialect))) {
            Cli anonymous = cliAt(secured.url());

            Cli.Result r = anonymous.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

            assertEquals(4, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("Error: credential not found: please specify the user and password via"
                    + " authorization header (CDC:ErrCredentialNotFound)"), r::toString);
            assertEquals(0, anonymous.run("changefeed", "list").exitCode(), "reads need no user");
        }
    }
}
