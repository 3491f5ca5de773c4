package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands against a stub that answers as pingcap/ticdc's new architecture does: keyspaces instead of namespaces,
 * a next-gen kernel's refusals in both body shapes, lists in map order, {@code gid}, Go's zero error time, renamed
 * sink keys, {@code null} from DELETE and synchronous pause and resume.
 */
class NewArchitectureTest extends StubServerTest {
    private static final String CF = "/api/v2/changefeeds/cf-1";
    private static final String LIST = "/api/v2/changefeeds";
    /** ticdc api/v2/changefeed.go writes the error prototype itself when its keyspace check refuses. */
    private static final String RAW_REFUSAL = """
            {
                "class": 0,
                "code": 0,
                "message": "invalid api parameter",
                "rfccode": "CDC:ErrAPIInvalidParam"
            }""";
    private static final String HINT = "Hint: give the keyspace with --keyspace NAME (or set it in the context)\n";

    /** A changefeed as the new architecture shows it; {@code extra} goes into its JSON object as written. */
    static String changefeed(String id, String state, String extra) {
        return """
                {"upstream_id":7390512345678901234,"id":"%s","keyspace":"ks1",
                 "sink_uri":"blackhole://","create_time":"2024-07-01T10:00:00.123456789+08:00",
                 "start_ts":450835100000000000,"config":{"memory_quota":1073741824,
                 "sink":{"advance_timeout_in_sec":150,"send_all_bootstrap_at_start":true}},"state":"%s",
                 "creator_version":"v8.5.5","resolved_ts":450835120160243717,"checkpoint_ts":450835120160243717,
                 "checkpoint_time":"2024-07-01 10:05:00.123",
                 "gid":{"low":11751873410953260543,"high":18446744073709551615}%s}""".formatted(id, state, extra);
    }

    private static String item(String id, String state) {
        return "{\"upstream_id\":7390512345678901234,\"id\":\"" + id + "\",\"keyspace\":\"ks1\",\"state\":\"" + state
                + "\",\"checkpoint_tso\":450835120160243717,\"checkpoint_time\":\"2024-07-01 10:05:00.123\","
                + "\"error\":null}";
    }

    // ---- keyspaces

    @Test
    void a_keyspace_is_sent_as_the_new_architecture_reads_it_beside_the_namespace() {
        server.on("GET", CF, 200, changefeed("cf-1", "normal", ""));

        Cli.Result r = cli.run("changefeed", "get", "cf-1", "-k", "ks1", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("namespace=default&keyspace=ks1", server.last("GET", CF).query(), r::toString);
    }

    @Test
    void the_keyspace_comes_from_the_environment_too() {
        server.on("GET", LIST, 200, "{\"total\":0,\"items\":[]}");

        Cli.Result r = cli.env("TICDCCTL_KEYSPACE", "ks 2").run("changefeed", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("namespace=default&keyspace=ks%202", server.last("GET", LIST).query(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"raw error object", "envelope"})
    void a_next_gen_refusal_of_a_missing_keyspace_is_one_error_and_the_hint(String shape) {
        if (shape.equals("envelope")) {
            server.onError("GET", LIST, 400, "CDC:ErrAPIInvalidParam",
                    "missing required query parameter keyspace, please specify --keyspace or -k");
        } else {
            server.on("GET", LIST, 400, RAW_REFUSAL);
        }

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(2, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("keyspace"), r::toString);
        assertTrue(r.err().endsWith(HINT), r::toString);
    }

    @Test
    void a_raw_refusal_of_a_given_keyspace_names_it() {
        server.on("POST", "/api/v2/changefeeds/cf-1/resume", 400, RAW_REFUSAL);
        server.on("GET", CF, 200, changefeed("cf-1", "stopped", ""));

        Cli.Result r = cli.run("changefeed", "resume", "cf-1", "-k", "gone", "--no-wait");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: the server refused keyspace 'gone': it does not exist or is not enabled (it said:"
                + " invalid api parameter) (CDC:ErrAPIInvalidParam)\n" + HINT, r.err(), r::toString);
    }

    @Test
    void a_namespace_that_the_new_architecture_ignored_is_an_error_before_any_change() {
        server.on("GET", CF, 200, changefeed("cf-1", "normal", ""));

        Cli.Result r = cli.run("changefeed", "pause", "cf-1", "-n", "team-a");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: this server has the new architecture, which has keyspaces, not namespaces: it ignored"
                + " namespace 'team-a' and used keyspace 'ks1'\n" + HINT, r.err(), r::toString);
        assertEquals(List.of(), server.mutations(), "nothing paused");
    }

    @Test
    void a_keyspace_that_a_classic_server_ignored_is_an_error() {
        server.on("GET", CF, 200, changefeed("cf-1", "normal", "").replace("\"keyspace\"", "\"namespace\"")
                .replace("\"ks1\"", "\"default\""));

        Cli.Result r = cli.run("changefeed", "delete", "cf-1", "-k", "ks1", "--yes");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: this server has the classic architecture, which has namespaces, not"
                + " keyspaces: it ignored keyspace 'ks1'"), r::toString);
        assertEquals(List.of(), server.mutations(), "nothing deleted");
    }

    // ---- answers read the same as classic ones

    @Test
    void lists_show_the_changefeeds_by_id_whatever_the_server_order_and_read_the_keyspace() {
        server.on("GET", LIST, 200, "{\"total\":3,\"items\":[" + item("cf-c", "normal") + "," + item("cf-a", "stopped")
                + "," + item("cf-b", "normal") + "]}");

        Cli.Result r = cli.run("changefeed", "list", "-k", "ks1", "-o", "wide", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> ids = r.out().lines().map(l -> l.split(" +")[0]).toList();
        assertEquals(List.of("cf-a", "cf-b", "cf-c"), ids, r::toString);
        assertTrue(r.out().lines().allMatch(l -> l.split(" +")[1].equals("ks1")), r::toString);
    }

    @Test
    void get_as_json_keeps_the_gid_exact_and_the_page_shows_a_zero_error_time_as_unknown() {
        String failed = changefeed("cf-1", "failed", ",\"error\":{\"time\":\"0001-01-01T00:00:00Z\",\"addr\":\"\","
                + "\"code\":\"CDC:ErrSnapshotLostByGC\",\"message\":\"fail\"}");
        server.on("GET", CF, 200, failed);
        server.on("GET", CF + "/status", 200, "{\"state\":\"failed\",\"checkpoint_ts\":450835120160243717}");

        Cli.Result json = cli.run("changefeed", "get", "cf-1", "-k", "ks1", "-o", "json");
        Cli.Result page = cli.onTerminal(120).run("changefeed", "get", "cf-1", "-k", "ks1");

        assertEquals(0, json.exitCode(), json::toString);
        assertTrue(json.out().contains("\"low\" : 11751873410953260543")
                || json.out().contains("\"low\": 11751873410953260543"), json::toString);
        assertTrue(json.out().contains("18446744073709551615"), json::toString);
        assertEquals(0, page.exitCode(), page::toString);
        assertTrue(page.out().lines().anyMatch(l -> l.matches(" *Time: +unknown")), page::toString);
        assertFalse(page.out().contains("0001"), page::toString);
    }

    @Test
    void export_writes_the_renamed_sink_keys_as_the_toml_keys_of_classic_servers() {
        server.on("GET", CF, 200, changefeed("cf-1", "stopped", ""));

        Cli.Result r = cli.run("changefeed", "export", "cf-1", "-k", "ks1");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("advance-timeout-in-sec = 150"), r::toString);
        assertTrue(r.out().contains("send-all-bootstrap-at-start = true"), r::toString);
        assertFalse(r.out().contains("_in_sec") || r.out().contains("send_all"), r::toString);
    }

    // ---- differences absorbed

    @Test
    void delete_of_a_missing_changefeed_is_not_found_and_null_from_delete_is_success() {
        server.onError("GET", "/api/v2/changefeeds/gone", 400, "CDC:ErrChangeFeedNotExists",
                "changefeed not exists, gone");
        server.on("GET", CF, 200, changefeed("cf-1", "stopped", ""));
        server.on("DELETE", CF, 200, "null");

        Cli.Result missing = cli.run("changefeed", "delete", "gone", "-k", "ks1", "--yes");
        Cli.Result deleted = cli.run("changefeed", "delete", "cf-1", "-k", "ks1", "--yes");

        assertEquals(3, missing.exitCode(), missing::toString);
        assertTrue(server.mutations().stream().noneMatch(q -> q.path().endsWith("/gone")), missing::toString);
        assertEquals(0, deleted.exitCode(), deleted::toString);
        assertEquals("changefeed \"cf-1\" deleted\n", deleted.out(), deleted::toString);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 500})
    void already_exists_is_one_exit_code_and_hint_whatever_the_status(int status) {
        server.on("POST", "/api/v2/tso", 200, "{\"timestamp\":1719799500123,\"logic_time\":5}");
        server.on("POST", "/api/v2/verify_table", 200, "{}");
        server.onError("POST", LIST, status, "CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, cf-1");

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", "-k", "ks1");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: changefeed already exists, cf-1 (CDC:ErrChangeFeedAlreadyExists)\nHint: choose another"
                + " ID, or change the existing changefeed with 'ticdcctl changefeed update'\n", r.err(), r::toString);
        assertEquals("keyspace=ks1", server.last("POST", LIST).query(), r::toString);
    }

    @Test
    void resuming_a_running_changefeed_is_a_no_op_that_sends_nothing() {
        server.on("GET", CF, 200, changefeed("cf-1", "normal", ""));

        Cli.Result r = cli.run("changefeed", "resume", "cf-1", "-k", "ks1");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("already running"), r::toString);
        assertEquals(List.of(), server.mutations(), r::toString);
    }

    @Test
    void pause_and_resume_of_a_synchronous_server_need_no_sleep() {
        server.on("GET", CF, 200, changefeed("cf-1", "normal", ""));
        server.on("GET", CF, 200, changefeed("cf-1", "stopped", ""));
        server.on("POST", CF + "/pause", 200, "{}");
        List<Object> sleeps = new ArrayList<>();

        Cli.Result r = cli.sleeper(d -> sleeps.add(d)).run("changefeed", "pause", "cf-1", "-k", "ks1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"cf-1\" paused\n", r.out(), r::toString);
        assertEquals(List.of(), sleeps, "the first GET after the answer shows the new state");
    }

    @TempDir
    Path files;

    @Test
    void update_compares_configs_with_the_renamed_keys_and_sends_both_spellings_without_start_ts()
            throws Exception {
        server.on("GET", CF, 200, changefeed("cf-1", "stopped", ""));
        server.on("PUT", CF, 200, changefeed("cf-1", "stopped", ""));
        Path same = files.resolve("same.toml");
        Files.writeString(same, "[sink]\nadvance-timeout-in-sec = 150\n");
        Path changed = files.resolve("changed.toml");
        Files.writeString(changed, "[sink]\nadvance-timeout-in-sec = 300\n");

        Cli.Result unchanged = cli.run("changefeed", "update", "cf-1", "-k", "ks1", "--config", same.toString());
        Cli.Result updated = cli.run("changefeed", "update", "cf-1", "-k", "ks1", "--config", changed.toString(),
                "--yes");

        assertEquals(0, unchanged.exitCode(), unchanged::toString);
        assertEquals("changefeed \"cf-1\" already has these settings; nothing was sent\n", unchanged.out(),
                unchanged::toString);
        assertEquals(0, updated.exitCode(), updated::toString);
        String body = server.last("PUT", CF).body();
        assertTrue(body.contains("\"advance_timeout\":300") && body.contains("\"advance_timeout_in_sec\":300"), body);
        assertFalse(body.contains("start_ts"), body);
        assertEquals(1, server.mutations().size(), server.mutations()::toString);
    }
}
