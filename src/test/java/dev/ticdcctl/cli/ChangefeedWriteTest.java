package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangefeedWriteTest extends StubServerTest {
    private static final String CF = "/api/v2/changefeeds/cf-1";

    /** Create first asks which tables cannot be replicated; here every table can. */
    @BeforeEach
    void everyTableIsEligible() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", "/api/v2/verify_table", 200, "{\"eligible_tables\":[]}");
    }

    @Test
    void create_sends_the_given_fields_and_waits_until_the_owner_runs_it() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));
        server.onError("GET", CF, 400, "CDC:ErrChangeFeedNotExists", Fixtures.notExists("cf-1"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://",
                "--start-ts", "450835100000000000", "--target-ts", "450835277488291841");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" created\n", r.out());
        assertEquals("{\"namespace\":\"default\",\"changefeed_id\":\"cf-1\",\"start_ts\":450835100000000000,"
                + "\"target_ts\":450835277488291841,\"sink_uri\":\"blackhole://\"}",
                server.last("POST", "/api/v2/changefeeds").body());
        assertEquals(2, server.requests().stream().filter(q -> q.method().equals("GET")).count(),
                () -> "polled until visible: " + server.requests());
    }

    @Test
    void create_without_id_or_start_ts_leaves_them_to_the_server() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("generated-1", "normal")
                .replace("\"namespace\":\"default\"", "\"namespace\":\"team-a\""));

        Cli.Result r = cli.run("changefeed", "create", "--sink-uri", "blackhole://", "--no-wait", "-n", "team-a");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"generated-1\" created\n", r.out());
        assertEquals("{\"namespace\":\"team-a\",\"sink_uri\":\"blackhole://\"}",
                server.last("POST", "/api/v2/changefeeds").body());
        assertEquals(0, server.requests().stream().filter(q -> q.method().equals("GET")).count(),
                "--no-wait polls nothing");
    }

    @Test
    void create_reads_the_sink_uri_from_stdin_and_warns_about_a_password_in_argv() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result fromStdin = cli.stdin("mysql://root:s3cret@db:3306/\n")
                .run("changefeed", "create", "cf-1", "--sink-uri", "-", "--no-wait");
        assertEquals(0, fromStdin.exitCode(), fromStdin::toString);
        assertEquals("", fromStdin.err());
        assertTrue(server.last("POST", "/api/v2/changefeeds").body().contains("\"sink_uri\":\"mysql://root:s3cret@db:3306/\""));

        Cli.Result inArgv = cli.run("changefeed", "create", "cf-1", "--sink-uri", "mysql://root:s3cret@db:3306/",
                "--no-wait");
        assertEquals(0, inArgv.exitCode(), inArgv::toString);
        assertTrue(inArgv.err().startsWith("Warning: the sink URI's secret is visible"), inArgv::toString);
        assertTrue(!inArgv.err().contains("s3cret"), inArgv::toString);
    }

    @Test
    void on_a_terminal_the_sink_uri_of_dash_is_typed_without_echo() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.onTerminal(120).typesPassword(" mysql://root:s3cret@db:3306/ ")
                .run("changefeed", "create", "cf-1", "--sink-uri", "-", "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("Sink URI (not echoed): "), cli.prompts);
        assertTrue(server.last("POST", "/api/v2/changefeeds").body()
                .contains("\"sink_uri\":\"mysql://root:s3cret@db:3306/\""), r::toString);
        assertFalse(r.err().contains("s3cret"), r::toString);
    }

    @Test
    void create_that_the_owner_does_not_pick_up_in_time_exits_6() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));
        server.onError("GET", CF, 400, "CDC:ErrChangeFeedNotExists", Fixtures.notExists("cf-1"));

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--timeout", "5s");

        assertEquals(6, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: changefeed \"cf-1\" did not start within 5s (last seen: not visible yet)"),
                r::toString);
    }

    @Test
    void create_of_an_existing_changefeed_reports_the_server_error_with_a_hint() {
        server.onError("POST", "/api/v2/changefeeds", 500, "CDC:ErrChangeFeedAlreadyExists",
                "changefeed already exists, cf-1");

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: changefeed already exists, cf-1 (CDC:ErrChangeFeedAlreadyExists)\n"
                + "Hint: choose another ID, or change the existing changefeed with 'ticdcctl changefeed update'\n",
                r.err());
    }

    @Test
    void create_with_json_output_prints_the_changefeed_as_the_server_shows_it() {
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "--jq", ".state");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("normal\n", r.out());
    }

    @Test
    void pause_waits_until_the_owner_has_stopped_the_changefeed() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("POST", CF + "/pause", 200, "{}");

        Cli.Result r = cli.run("changefeed", "pause", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" paused\n", r.out());
        assertEquals(List.of("POST " + CF + "/pause?namespace=default"),
                server.mutations().stream().map(q -> q.method() + " " + q.path() + "?" + q.query()).toList());
        assertEquals("", server.last("POST", CF + "/pause").body(), "pause takes no body");
    }

    @Test
    void pause_of_a_stopped_changefeed_is_a_no_op() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.run("changefeed", "pause", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" is already stopped; nothing to pause\n", r.out());
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void pause_that_never_takes_effect_exits_6_naming_the_last_state() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("POST", CF + "/pause", 200, "{}");

        Cli.Result r = cli.run("changefeed", "pause", "cf-1", "--timeout", "3s");

        assertEquals(6, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: changefeed \"cf-1\" did not stop within 3s (last seen: normal)\n"),
                r::toString);
    }

    @Test
    void resume_sends_an_empty_body_and_waits_for_a_running_state() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("POST", CF + "/resume", 200, "{}");

        Cli.Result r = cli.run("changefeed", "resume", "-c", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" resumed\n", r.out());
        assertEquals("{}", server.last("POST", CF + "/resume").body());
    }

    @Test
    void resume_of_a_running_changefeed_is_a_no_op() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "resume", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" is already running (normal)\n", r.out());
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void overwriting_the_checkpoint_asks_first_and_sends_the_tso() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "failed"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("POST", CF + "/resume", 200, "{}");

        Cli.Result r = cli.onTerminal(120).stdin("y\n")
                .run("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts", "450835120160243717");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Overwrite the checkpoint of changefeed \"cf-1\" in namespace default of cluster "
                + server.url() + " from 2024-07-01T02:05:00.123Z (TSO 450835120160243717) to 2024-07-01T02:05:00.123Z"
                + " (TSO 450835120160243717)?"), r::toString);
        assertEquals("{\"overwrite_checkpoint_ts\":450835120160243717}", server.last("POST", CF + "/resume").body());
    }

    @Test
    void overwriting_the_checkpoint_with_now_takes_the_server_tso() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("POST", "/api/v2/tso", 200, "{\"timestamp\":1719799500123,\"logic_time\":5}");
        server.on("POST", CF + "/resume", 200, "{}");

        Cli.Result r = cli.run("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts", "now", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{}", server.last("POST", "/api/v2/tso").body());
        assertEquals("{\"overwrite_checkpoint_ts\":450835120160243717}", server.last("POST", CF + "/resume").body());
    }

    @Test
    void declining_the_overwrite_exits_7_and_resumes_nothing() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.onTerminal(120).stdin("n\n")
                .run("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts", "450835120160243717");

        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("Error: changefeed \"cf-1\" was not resumed\n"), r::toString);
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void overwrite_off_a_terminal_needs_yes_and_sends_nothing() {
        Cli.Result r = cli.run("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts", "now");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively\n"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void an_invalid_overwrite_value_is_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts", "0", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("give 'now' or a positive TSO"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void update_of_a_running_changefeed_is_refused_with_a_pause_hint_and_nothing_sent() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--target-ts", "450835277488291841", "--yes");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("Error: changefeed \"cf-1\" is normal; only a stopped or failed changefeed can"
                + " be updated\nHint: pause it first with 'ticdcctl changefeed pause cf-1', or add --restart\n"),
                r::toString);
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void update_sends_only_what_changed_and_never_the_masked_sink_uri() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("PUT", CF, 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--target-ts", "450835277488291841", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" updated\n", r.out());
        assertEquals("Changes to changefeed \"cf-1\":\n  target-ts: 0 → 450835277488291841\n", r.err());
        assertEquals("{\"target_ts\":450835277488291841}", server.last("PUT", CF).body());
    }

    @Test
    void update_with_a_new_sink_uri_sends_it() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "failed"));
        server.on("PUT", CF, 200, Fixtures.changefeed("cf-1", "failed"));

        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--sink-uri", "kafka://k:9092/t?protocol=canal-json",
                "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"sink_uri\":\"kafka://k:9092/t?protocol=canal-json\"}", server.last("PUT", CF).body());
    }

    @Test
    void update_without_changes_is_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "update", "cf-1");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: nothing to update: give --sink-uri, --target-ts, --config or -f\n", r.err());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void update_to_the_current_target_sends_nothing() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped").replace("\"start_ts\"",
                "\"target_ts\":450835277488291841,\"start_ts\""));

        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--target-ts", "450835277488291841");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" already has these settings; nothing was sent\n", r.out());
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void delete_asks_on_a_terminal_and_deletes_on_yes() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));
        server.on("DELETE", CF, 200, "{}");

        Cli.Result r = cli.onTerminal(120).stdin("yes\n").run("changefeed", "delete", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" deleted\n", r.out());
        assertTrue(r.err().startsWith("Delete changefeed \"cf-1\" in namespace default of cluster " + server.url()
                + "? It is normal, checkpoint 2024-07-01T02:05:00.123Z (TSO 450835120160243717), sink"
                + " mysql://root:xxxxx@127.0.0.1:3306/. [y/N] "), r::toString);
        assertEquals("namespace=default", server.last("DELETE", CF).query());
    }

    @Test
    void delete_off_a_terminal_without_yes_exits_2_and_sends_nothing() {
        Cli.Result r = cli.run("changefeed", "delete", "cf-1");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --yes is required when not running interactively\n"
                + "Hint: add --yes (or --no-confirm) after checking what the command will do\n", r.err());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void cdc_cli_remove_with_no_confirm_deletes() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("DELETE", CF, 200, "{}");

        Cli.Result r = cli.run("changefeed", "remove", "-c", "cf-1", "--no-confirm");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, server.mutations().size());
    }

    @Test
    void declining_a_delete_exits_7() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.onTerminal(120).stdin("\n").run("changefeed", "delete", "cf-1");

        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void delete_of_a_missing_changefeed_exits_3_unless_ignored() {
        server.onError("GET", CF, 400, "CDC:ErrChangeFeedNotExists", Fixtures.notExists("cf-1"));

        Cli.Result strict = cli.run("changefeed", "delete", "cf-1", "--yes");
        assertEquals(3, strict.exitCode(), strict::toString);

        Cli.Result lenient = cli.run("changefeed", "delete", "cf-1", "--yes", "--ignore-not-found");
        assertEquals(0, lenient.exitCode(), lenient::toString);
        assertEquals("changefeed \"cf-1\" does not exist; nothing to delete\n", lenient.out());
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void quiet_suppresses_the_confirmation_line() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.run("changefeed", "pause", "cf-1", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out());
    }
}
