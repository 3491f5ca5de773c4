package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pause, resume and delete of several changefeeds at once, against canned answers. */
class BulkActionsTest extends StubServerTest {
    private static final String CFS = "/api/v2/changefeeds";

    /** {@code id} runs, and once paused shows as stopped. */
    private void pausable(String id) {
        server.on("GET", CFS + "/" + id, 200, Fixtures.changefeed(id, "normal"));
        server.on("GET", CFS + "/" + id, 200, Fixtures.changefeed(id, "stopped"));
        server.on("POST", CFS + "/" + id + "/pause", 200, "{}");
    }

    private void missing(String id) {
        server.onError("GET", CFS + "/" + id, 400, "CDC:ErrChangeFeedNotExists", Fixtures.notExists(id));
    }

    private void listed(String... ids) {
        server.on("GET", CFS, 200, "{\"total\":" + ids.length + ",\"items\":[" + Arrays.stream(ids)
                .map(id -> "{\"namespace\":\"default\",\"id\":\"" + id + "\",\"state\":\"normal\","
                        + "\"checkpoint_tso\":0,\"checkpoint_time\":\"\",\"error\":null}")
                .collect(Collectors.joining(",")) + "]}");
    }

    private List<String> mutations() {
        return server.mutations().stream().map(q -> q.method() + " " + q.path()).sorted().toList();
    }

    @Test
    void several_ids_are_paused_and_reported_in_the_order_given_with_a_summary() {
        for (String id : List.of("c", "a", "b")) {
            pausable(id);
        }

        Cli.Result r = cli.run("changefeed", "pause", "c", "a", "-c", "b", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"c\" paused\nchangefeed \"a\" paused\nchangefeed \"b\" paused\n", r.out());
        assertEquals("3 paused\n", r.err());
        assertEquals(List.of("POST " + CFS + "/a/pause", "POST " + CFS + "/b/pause", "POST " + CFS + "/c/pause"),
                mutations());
    }

    @Test
    void partial_failures_are_reported_per_changefeed_and_the_worst_result_is_the_exit_code() {
        pausable("a");
        missing("gone");
        server.on("GET", CFS + "/broken", 200, Fixtures.changefeed("broken", "normal"));
        server.onError("POST", CFS + "/broken/pause", 500, "CDC:ErrEtcdTryAgain", "etcd is busy, try again later");
        server.on("GET", CFS + "/idle", 200, Fixtures.changefeed("idle", "stopped"));

        Cli.Result r = cli.run("changefeed", "pause", "a", "gone", "broken", "idle", "--yes");

        assertEquals(1, r.exitCode(), () -> "a server failure outranks not found\n" + r);
        assertEquals("changefeed \"a\" paused\nchangefeed \"idle\" is already stopped; nothing to pause\n", r.out());
        assertEquals("Error: changefeed \"gone\": changefeed not exists, default/gone (CDC:ErrChangeFeedNotExists)\n"
                + "Error: changefeed \"broken\": etcd is busy, try again later (CDC:ErrEtcdTryAgain)\n"
                + "1 paused, 1 unchanged, 1 not found, 1 failed\n", r.err());
    }

    @Test
    void not_found_alone_exits_3_and_a_wait_timeout_outranks_it_with_6() {
        pausable("a");
        missing("gone");
        Cli.Result notFound = cli.run("changefeed", "pause", "a", "gone", "--yes");
        assertEquals(3, notFound.exitCode(), notFound::toString);

        server.on("GET", CFS + "/stuck", 200, Fixtures.changefeed("stuck", "normal"));
        server.on("POST", CFS + "/stuck/pause", 200, "{}");
        Cli.Result timedOut = cli.run("changefeed", "pause", "gone", "stuck", "--yes", "--timeout", "3s");
        assertEquals(6, timedOut.exitCode(), timedOut::toString);
        assertTrue(timedOut.err().contains("Error: changefeed \"stuck\" did not stop within 3s (last seen: normal)\n"),
                timedOut::toString);
        assertTrue(timedOut.err().endsWith("1 not found, 1 timed out\n"), timedOut::toString);
    }

    @Test
    void json_output_is_an_array_of_per_changefeed_results() throws Exception {
        pausable("a");
        missing("gone");

        Cli.Result r = cli.run("changefeed", "pause", "a", "gone", "--yes", "--no-wait", "-o", "json");

        assertEquals(3, r.exitCode(), r::toString);
        JsonNode items = new ObjectMapper().readTree(r.out());
        assertEquals(2, items.size(), r::toString);
        assertEquals("a", items.get(0).get("id").asText());
        assertTrue(items.get(0).get("ok").asBoolean());
        assertEquals("pause requested", items.get(0).get("result").asText());
        assertEquals(0, items.get(0).get("exit_code").asInt());
        assertEquals("a", items.get(0).get("changefeed").get("id").asText(), "the resource as the server shows it");
        assertEquals("gone", items.get(1).get("id").asText());
        assertFalse(items.get(1).get("ok").asBoolean());
        assertEquals("not found", items.get(1).get("result").asText());
        assertEquals(3, items.get(1).get("exit_code").asInt());
        assertEquals("CDC:ErrChangeFeedNotExists", items.get(1).get("error").get("code").asText());
        assertEquals("changefeed not exists, default/gone", items.get(1).get("error").get("message").asText());
    }

    @Test
    void a_terminal_confirmation_lists_the_changefeeds_and_no_sends_nothing() {
        pausable("a");
        pausable("b");

        Cli.Result r = cli.onTerminal(120).stdin("n\n").run("changefeed", "pause", "a", "b");

        assertEquals(7, r.exitCode(), r::toString);
        assertEquals("Pause 2 changefeeds in namespace default of cluster " + server.url() + ":\n  a\n  b\nPause them? [y/N] "
                + "Error: no changefeed was paused\n", r.err());
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_long_selection_is_abbreviated_in_the_confirmation_of_pause_but_not_of_delete() {
        String[] ids = IntStream.rangeClosed(1, 25).mapToObj(i -> "cf-" + (100 + i)).toArray(String[]::new);
        listed(ids);

        Cli.Result pause = cli.onTerminal(120).stdin("\n").run("changefeed", "pause", "--all");
        assertEquals(7, pause.exitCode(), pause::toString);
        assertTrue(pause.err().startsWith("Pause 25 changefeeds in namespace default of cluster " + server.url()
                + ":\n  cf-101\n"), pause::toString);
        assertTrue(pause.err().contains("  cf-120\n  ... and 5 more\nPause them? [y/N] "), pause::toString);
        assertEquals("namespace=default", server.last("GET", CFS).query(), "finished ones are left out");

        Cli.Result delete = cli.onTerminal(120).stdin("\n").run("changefeed", "delete", "--all");
        assertEquals(7, delete.exitCode(), delete::toString);
        assertTrue(delete.err().contains("  cf-124\n  cf-125\nDelete them? [y/N] "), delete::toString);
        assertFalse(delete.err().contains("more"), delete::toString);
        assertEquals("namespace=default&state=all", server.last("GET", CFS).query(), "finished ones are deleted too");
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void a_bulk_action_off_a_terminal_needs_yes_and_sends_nothing() {
        Cli.Result r = cli.run("changefeed", "resume", "--all");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --yes is required when not running interactively\n"
                + "Hint: add --yes (or --no-confirm) after checking what the command will do\n", r.err());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void match_searches_the_ids_like_grep() {
        listed("orders", "orders-eu", "backorders", "users");
        pausable("orders");
        pausable("orders-eu");
        pausable("backorders");

        Cli.Result r = cli.run("changefeed", "pause", "--match", "orders", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"orders\" paused\nchangefeed \"orders-eu\" paused\nchangefeed \"backorders\" paused\n",
                r.out(), "in the order listed");
        assertEquals(3, server.mutations().size());

        Cli.Result anchored = cli.run("changefeed", "pause", "--match", "^orders$", "--yes", "--no-wait");
        assertEquals(0, anchored.exitCode(), anchored::toString);
        assertEquals("changefeed \"orders\" is already stopped; nothing to pause\n", anchored.out());
    }

    @Test
    void without_waiting_the_changefeed_is_fetched_again_only_when_it_is_printed() {
        pausable("a");
        pausable("b");

        Cli.Result plain = cli.run("changefeed", "pause", "a", "b", "--yes", "--no-wait");
        assertEquals(0, plain.exitCode(), plain::toString);
        assertEquals(List.of("GET /api/v2/changefeeds/a", "GET /api/v2/changefeeds/b", "POST /api/v2/changefeeds/a/pause",
                "POST /api/v2/changefeeds/b/pause"), requests(), "a check and the request, no fetch afterwards");

        pausable("c");
        pausable("d");
        Cli.Result json = cli.run("changefeed", "pause", "c", "d", "--yes", "--no-wait", "-o", "json");
        assertEquals(0, json.exitCode(), json::toString);
        assertEquals(4 + 6, server.requests().size(), () -> "the resources printed are fetched: " + requests());
    }

    private List<String> requests() {
        return server.requests().stream().map(q -> q.method() + " " + q.path()).sorted().toList();
    }

    @Test
    void a_selection_that_matches_nothing_says_so_and_succeeds() {
        listed("orders");

        Cli.Result r = cli.run("changefeed", "delete", "--match", "^tmp-", "--yes");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("No changefeeds found in namespace default whose ID matches '^tmp-'\n", r.err());

        Cli.Result json = cli.run("changefeed", "delete", "--match", "^tmp-", "--yes", "-o", "json");
        assertEquals(0, json.exitCode(), json::toString);
        assertEquals("[]\n", json.out());
        assertTrue(server.mutations().isEmpty());
    }

    @Test
    void bulk_delete_deletes_each_and_ignores_missing_ones_when_asked() {
        server.on("GET", CFS + "/a", 200, Fixtures.changefeed("a", "stopped"));
        server.on("DELETE", CFS + "/a", 200, "{}");
        missing("gone");

        Cli.Result r = cli.run("changefeed", "rm", "a", "gone", "--yes", "--ignore-not-found");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("changefeed \"a\" deleted\nchangefeed \"gone\" does not exist; nothing to delete\n", r.out());
        assertEquals("1 deleted, 1 unchanged\n", r.err());
        assertEquals(List.of("DELETE " + CFS + "/a"), mutations());
    }

    @Test
    void an_invalid_regex_is_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "pause", "--match", "orders(", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid --match regex 'orders(': Unclosed group"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @ParameterizedTest(name = "--parallel {0}")
    @ValueSource(strings = {"0", "65", "-1", "many"})
    void parallel_outside_1_to_64_is_a_usage_error(String parallel) {
        Cli.Result r = cli.run("changefeed", "pause", "a", "b", "--yes", "--parallel", parallel);

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("--parallel"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void ids_all_and_match_exclude_each_other_and_one_of_them_is_needed() {
        Cli.Result both = cli.run("changefeed", "pause", "a", "--all", "--yes");
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().startsWith("Error: give changefeed IDs, --all or --match: only one of them\n"),
                both::toString);

        Cli.Result none = cli.run("changefeed", "delete", "--yes");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().startsWith("Error: missing changefeed ID"), none::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void an_invalid_id_among_several_is_a_usage_error_before_anything_is_sent() {
        Cli.Result r = cli.run("changefeed", "pause", "a", "bad_id", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid changefeed ID 'bad_id'"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void overwriting_the_checkpoint_is_for_one_changefeed_only() {
        Cli.Result r = cli.run("changefeed", "resume", "a", "b", "--overwrite-checkpoint-ts", "now", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: --overwrite-checkpoint-ts applies to one changefeed at a time\n"
                + "Hint: give a single changefeed ID\n", r.err());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void the_same_id_given_twice_is_the_single_changefeed_case() {
        pausable("a");

        Cli.Result r = cli.run("changefeed", "pause", "a", "-c", "a");

        assertEquals(0, r.exitCode(), () -> "no --yes needed for one changefeed\n" + r);
        assertEquals("changefeed \"a\" paused\n", r.out());
        assertEquals("", r.err(), "no summary for one changefeed");
    }
}
