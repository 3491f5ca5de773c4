package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CLI against the built-in sandbox: whole operator workflows, over real HTTP, with the owner's ticks. */
class SandboxEndToEndTest extends SandboxTest {

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
        assertEquals("normal\n", ok("changefeed", "status", "orders", "--jq", ".state").out());
        assertEquals("changefeed \"orders\" deleted\n", ok("changefeed", "delete", "orders", "--yes").out());

        Cli.Result gone = cli.run("changefeed", "get", "orders");
        assertEquals(3, gone.exitCode(), gone::toString);
        assertTrue(gone.err().startsWith("Error: changefeed not exists, default/orders (CDC:ErrChangeFeedNotExists)"),
                gone::toString);
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
        inject("/sandbox/changefeeds/cf-1/fault", "{\"state\":\"failed\",\"code\":\"CDC:ErrGCTTLExceeded\","
                + "\"message\":\"gc ttl exceeded\"}");

        assertTrue(ok("changefeed", "list", "--no-headers").out().contains("failed"));
        assertEquals("CDC:ErrGCTTLExceeded\n", ok("changefeed", "list", "--jq", ".items[0].error.code").out());
        assertEquals("CDC:ErrGCTTLExceeded\n", ok("changefeed", "get", "cf-1", "--jq", ".error.code").out());
        ok("changefeed", "resume", "cf-1");
        assertEquals("null\n", ok("changefeed", "list", "--jq", ".items[0].error").out());
    }

    @Test
    void any_capture_answers_because_non_owners_forward_to_the_owner() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        Cli viaOther = new Cli().clock(clock).args("--server", sandbox.urls().get(2).toString());

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
    void draining_a_capture_moves_its_tables_away_tick_by_tick() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        ok("changefeed", "create", "cf-2", "--sink-uri", "blackhole://");
        String capture = ok("capture", "list", "--jq", ".items[1].id").out().trim();

        int first = Integer.parseInt(ok("capture", "drain", capture, "--yes", "--jq", ".current_table_count")
                .out().trim());
        clock.sleep(Duration.ofSeconds(30));
        int last = Integer.parseInt(ok("capture", "drain", capture, "--yes", "--jq", ".current_table_count")
                .out().trim());

        assertTrue(first > 0, "the capture held tables");
        assertEquals(0, last);
        Cli.Result owner = cli.run("capture", "drain", ok("capture", "list", "--jq", ".items[0].id").out().trim(),
                "--yes");
        assertEquals(1, owner.exitCode(), owner::toString);
        assertTrue(owner.err().contains("cannot drain the owner (CDC:ErrSchedulerRequestFailed)"), owner::toString);
    }

    @Test
    void processors_exist_for_running_changefeeds_only() {
        ok("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        String capture = ok("processor", "list", "--jq", ".items[0].capture_id").out().trim();

        assertTrue(ok("processor", "get", "cf-1", capture, "--jq", ".table_ids | length").out().trim()
                .matches("[1-9]"));
        ok("changefeed", "pause", "cf-1");
        Cli.Result stopped = cli.run("processor", "get", "cf-1", capture);
        assertEquals(1, stopped.exitCode(), stopped::toString);
        assertEquals("0\n", ok("processor", "list", "--jq", ".total").out());
    }

    @Test
    void a_proxy_502_and_an_unready_server_are_reported_with_their_exit_codes() {
        inject("/sandbox/fail", "{\"mode\":\"502\",\"count\":1}");
        Cli.Result proxy = cli.run("changefeed", "list");
        assertEquals(1, proxy.exitCode(), proxy::toString);
        assertTrue(proxy.err().startsWith("Error: the server answered HTTP 502 Bad Gateway with a non-JSON body"),
                proxy::toString);
        ok("changefeed", "list");

        inject("/sandbox/ready", "{\"ready\":false}");
        Cli.Result unready = cli.run("changefeed", "list");
        assertEquals(1, unready.exitCode(), unready::toString);
        assertTrue(unready.err().startsWith("Error: cdc server is not ready (CDC:ErrServerIsNotReady)"),
                unready::toString);
    }

    @Test
    void an_unhealthy_cluster_fails_the_health_check() {
        ok("health");
        inject("/sandbox/health", "{\"healthy\":false}");
        Cli.Result r = cli.run("health");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: TiCDC cluster is unhealthy (CDC:ErrClusterIsUnhealthy)\n", r.err());
    }

    @Test
    void changes_to_a_cluster_that_requires_a_user_are_refused_without_one() {
        try (Sandbox secured = start(Sandbox.Options.defaults().withAuth("root", "secret").withClock(clock))) {
            Cli anonymous = new Cli().clock(clock).args("--server", secured.url().toString());

            Cli.Result r = anonymous.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

            assertEquals(4, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("Error: credential not found: please specify the user and password via"
                    + " authorization header (CDC:ErrCredentialNotFound)"), r::toString);
            assertEquals(0, anonymous.run("changefeed", "list").exitCode(), "reads need no user");
        }
    }
}
