package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The table-scheduling commands against the new-architecture sandbox on loopback: tables before and after each
 * operation, the target by capture ID and by address, the server's refusals as exit codes, confirmations, and the
 * classic server refused before any table route is requested.
 */
class TableSchedulingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
    private final Sandbox sandbox = start(ServerDialect.NEW_CLASSIC_KERNEL);
    private final Cli cli = new Cli().clock(clock).args("--server", sandbox.url().toString());

    private Sandbox start(ServerDialect dialect) {
        try {
            return Sandbox.start(Sandbox.Options.defaults().withCaptures(3).withTick(Duration.ofMillis(500))
                    .withClock(clock).withDialect(dialect));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void create(String id, boolean splittable) {
        String body = "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"" + (splittable
                ? ",\"replica_config\":{\"scheduler\":{\"enable_table_across_nodes\":true}}}" : "}");
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    sandbox.url().resolve("/api/v2/changefeeds")).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        clock.sleep(Duration.ofSeconds(1));
    }

    private Cli.Result run(int exitCode, String... args) {
        Cli.Result r = cli.run(args);
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace\n" + r);
        return r;
    }

    /** Capture ID → the table IDs of its spans, from {@code changefeed tables -o json}. */
    private Map<String, List<Long>> tables(String id) {
        Cli.Result r = run(0, "changefeed", "tables", id, "-o", "json");
        Map<String, List<Long>> byNode = new LinkedHashMap<>();
        try {
            for (JsonNode item : JSON.readTree(r.out()).path("items")) {
                List<Long> ids = new ArrayList<>();
                item.path("table_ids").forEach(t -> ids.add(t.asLong()));
                byNode.put(item.path("node_id").asText(), ids);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byNode;
    }

    private static long someTable(Map<String, List<Long>> tables) {
        return tables.values().stream().flatMap(List::stream).filter(t -> t != 0).findFirst().orElseThrow();
    }

    private static List<String> nodesOf(Map<String, List<Long>> tables, long table) {
        List<String> nodes = new ArrayList<>();
        tables.forEach((node, ids) -> ids.stream().filter(t -> t == table).forEach(t -> nodes.add(node)));
        return nodes;
    }

    /** Capture ID → address, from {@code capture list -o json}. */
    private Map<String, String> captures() throws IOException {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (JsonNode c : JSON.readTree(run(0, "capture", "list", "-o", "json").out()).path("items")) {
            addresses.put(c.path("id").asText(), c.path("address").asText());
        }
        return addresses;
    }

    private String otherCapture(String than) throws IOException {
        return captures().keySet().stream().filter(id -> !id.equals(than)).findFirst().orElseThrow();
    }

    /** A running changefeed, its tables, one table and a capture that does not run it. */
    private record Move(Map<String, List<Long>> before, long table, String target) {}

    private Move move() throws IOException {
        create("cf-1", false);
        Map<String, List<Long>> before = tables("cf-1");
        long table = someTable(before);
        return new Move(before, table, otherCapture(nodesOf(before, table).get(0)));
    }

    @Test
    void tables_shows_addresses_the_ddl_span_and_the_dispatcher_count() throws IOException {
        create("cf-1", false);
        Map<String, List<Long>> tables = tables("cf-1");
        int spans = tables.values().stream().mapToInt(List::size).sum();
        Cli.Result r = run(0, "changefeed", "tables", "cf-1");
        assertTrue(r.out().contains("ADDRESS") && r.out().contains("DISPATCHERS"), r::toString);
        assertTrue(r.out().contains("ddl"), r::toString);
        for (String address : captures().values()) {
            assertTrue(r.out().contains(address), () -> address + "\n" + r);
        }
        assertTrue(r.out().contains("Dispatchers: " + spans), r::toString);
    }

    @Test
    void move_table_by_capture_id_changes_the_tables_listing() throws IOException {
        Move move = move();
        Map<String, List<Long>> before = move.before();
        long table = move.table();
        String target = move.target();
        Cli.Result r = run(0, "changefeed", "move-table", "cf-1", "--table-id", "" + table, "--target-node-id",
                target, "--yes");
        assertTrue(r.out().startsWith("Moved table " + table + " of changefeed \"cf-1\" to "), r::toString);
        assertEquals(List.of(target), nodesOf(tables("cf-1"), table));
    }

    @Test
    void move_table_by_address_in_cdc_cli_spelling_without_waiting() throws IOException {
        Move move = move();
        Map<String, List<Long>> before = move.before();
        long table = move.table();
        String target = move.target();
        String address = captures().get(target);
        Cli.Result r = run(0, "changefeed", "move-table", "-c", "cf-1", "-t", "" + table, "-d", address,
                "--no-wait", "--yes");
        assertTrue(r.out().contains("the server is scheduling it"), r::toString);
        assertEquals(List.of(target), nodesOf(tables("cf-1"), table));
    }

    @Test
    void split_then_merge_changes_the_span_count() {
        create("cf-1", true);
        long table = someTable(tables("cf-1"));
        run(0, "changefeed", "split-table-by-region-count", "cf-1", "-t", "" + table, "--yes");
        int split = nodesOf(tables("cf-1"), table).size();
        assertTrue(split > 1, "split into " + split);
        Cli.Result moved = run(0, "changefeed", "move-split-table", "cf-1", "-t", "" + table, "-d",
                nodesOf(tables("cf-1"), table).get(0), "--yes");
        assertTrue(moved.out().contains("spans)"), moved::toString);
        assertEquals(1, new HashSet<>(nodesOf(tables("cf-1"), table)).size());
        run(0, "changefeed", "merge-table", "cf-1", "-t", "" + table, "--yes");
        assertEquals(split - 1, nodesOf(tables("cf-1"), table).size());
    }

    @Test
    void a_split_table_is_moved_with_move_split_table() {
        create("cf-1", true);
        long table = someTable(tables("cf-1"));
        run(0, "changefeed", "split-table", "cf-1", "-t", "" + table, "--yes");
        Map<String, List<Long>> split = tables("cf-1");
        Cli.Result r = run(ExitCode.FAILED.code(), "changefeed", "move-table", "cf-1", "-t", "" + table, "-d",
                nodesOf(split, table).get(0), "--yes");
        assertTrue(r.err().contains("move-split-table"), r::toString);
        assertEquals(split, tables("cf-1"));
    }

    @Test
    void a_draining_capture_gets_no_new_work_and_a_table_moved_onto_it_is_moved_off_again() {
        String draining = run(0, "capture", "list", "--jq", "[.items[] | select(.is_owner | not)][0].id").out().trim();
        run(0, "capture", "drain", draining, "--yes");
        create("cf-1", true);
        assertFalse(tables("cf-1").containsKey(draining), () -> tables("cf-1").toString());
        long table = someTable(tables("cf-1"));
        run(0, "changefeed", "split-table", "cf-1", "-t", "" + table, "--yes");
        assertFalse(tables("cf-1").containsKey(draining), () -> "split spans\n" + tables("cf-1"));
        run(0, "changefeed", "merge-table", "cf-1", "-t", "" + table, "--yes");
        run(0, "changefeed", "merge-table", "cf-1", "-t", "" + table, "--yes");

        Cli.Result accepted = run(0, "changefeed", "move-table", "cf-1", "-t", "" + table, "-d", draining,
                "--no-wait", "--yes");
        Cli.Result waited = run(ExitCode.WAIT_TIMEOUT.code(), "changefeed", "move-table", "cf-1", "-t", "" + table, "-d",
                draining, "--yes", "--timeout", "5s");

        assertTrue(accepted.out().contains("the server is scheduling it"), accepted::toString);
        assertFalse(tables("cf-1").containsKey(draining), () -> tables("cf-1").toString());
        assertTrue(waited.err().contains("table " + table + " is not on " + draining + " yet: it runs on "),
                waited::toString);
    }

    @Test
    void failures_are_clear_with_their_exit_codes() throws IOException {
        create("cf-1", false);
        long table = someTable(tables("cf-1"));
        String capture = captures().keySet().iterator().next();
        Cli.Result unknownTable = run(ExitCode.NOT_FOUND.code(), "changefeed", "move-table", "cf-1", "-t", "7",
                "-d", capture, "--yes");
        assertTrue(unknownTable.err().startsWith("Error: changefeed \"cf-1\" replicates no table 7\n"),
                unknownTable::toString);
        Cli.Result unknownNode = run(ExitCode.NOT_FOUND.code(), "changefeed", "move-table", "cf-1", "-t",
                "" + table, "-d", "00000000-0000-0000-0000-000000000000", "--yes");
        assertTrue(unknownNode.err().contains("no live capture '00000000-0000-0000-0000-000000000000'"),
                unknownNode::toString);
        Cli.Result byAddress = run(ExitCode.NOT_FOUND.code(), "changefeed", "move-table", "cf-1", "-t",
                "" + table, "-d", "127.0.0.1:1", "--yes");
        assertTrue(byAddress.err().contains("no capture has the ID or address"), byAddress::toString);
        Cli.Result notSplittable = run(ExitCode.FAILED.code(), "changefeed", "split-table", "cf-1", "-t",
                "" + table, "--yes");
        assertTrue(notSplittable.err().contains("does not split tables across nodes")
                && notSplittable.err().contains("enable_table_across_nodes = true"), notSplittable::toString);
        Cli.Result ddl = run(ExitCode.USAGE.code(), "changefeed", "move-table", "cf-1", "-t", "0", "-d", capture,
                "--yes");
        assertTrue(ddl.err().contains("DDL span"), ddl::toString);
        Cli.Result mode = run(ExitCode.USAGE.code(), "changefeed", "tables", "cf-1", "--mode", "2");
        assertTrue(mode.err().contains("--mode must be sink or redo"), mode::toString);
        run(0, "changefeed", "move-table", "cf-1", "-t", "" + table, "-d", capture, "--mode", "redo", "--yes");
    }

    @Test
    void an_unknown_or_paused_changefeed_has_no_maintainer() throws IOException {
        String capture = captures().keySet().iterator().next();
        Cli.Result unknown = run(ExitCode.NOT_FOUND.code(), "changefeed", "merge-table", "nope", "-t", "5",
                "--yes");
        assertTrue(unknown.err().contains("changefeed \"nope\" does not exist"), unknown::toString);
        Cli.Result unknownSplit = run(ExitCode.NOT_FOUND.code(), "changefeed", "split-table", "nope", "-t", "5",
                "--yes");
        assertTrue(unknownSplit.err().contains("does not exist"), unknownSplit::toString);
        create("cf-1", false);
        run(0, "changefeed", "pause", "cf-1");
        Cli.Result paused = run(ExitCode.FAILED.code(), "changefeed", "move-table", "cf-1", "-t", "5", "-d",
                capture, "--yes");
        assertTrue(paused.err().contains("has no maintainer: it is stopped"), paused::toString);
        assertTrue(paused.err().contains("Hint: tables are scheduled only while a changefeed runs"),
                paused::toString);
    }

    @Test
    void off_a_terminal_a_move_needs_yes_and_sends_nothing() throws IOException {
        Move move = move();
        Map<String, List<Long>> before = move.before();
        long table = move.table();
        String target = move.target();
        Cli.Result r = run(ExitCode.USAGE.code(), "changefeed", "move-table", "cf-1", "-t", "" + table, "-d",
                target);
        assertTrue(r.err().contains("--yes is required"), r::toString);
        assertEquals(before, tables("cf-1"));
    }

    @Test
    void on_a_terminal_a_declined_move_changes_nothing() throws IOException {
        Move move = move();
        Map<String, List<Long>> before = move.before();
        long table = move.table();
        String target = move.target();
        Cli.Result r = new Cli().clock(clock).args("--server", sandbox.url().toString()).onTerminal(100)
                .stdin("n\n").run("changefeed", "move-table", "cf-1", "-t", "" + table, "-d", target);
        assertEquals(ExitCode.DECLINED.code(), r.exitCode(), r::toString);
        assertTrue(r.err().contains("Move table " + table + " of changefeed \"cf-1\" to "), r::toString);
        assertTrue(r.err().contains("It runs on "), r::toString);
        assertEquals(before, tables("cf-1"));
    }

    @Test
    void a_classic_server_is_refused_before_any_table_route() throws IOException {
        try (Sandbox classic = start(ServerDialect.CLASSIC)) {
            Cli.Result r = new Cli().clock(clock).args("--server", classic.url().toString())
                    .run("changefeed", "tables", "cf-1");
            assertEquals(ExitCode.FAILED.code(), r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("Error: 'changefeed tables' needs TiCDC's new architecture (v8.5.4 or"
                    + " newer, started with --newarch)"), r::toString);
        }
        try (StubServer stub = new StubServer()) {
            // The client's shared detection asks the route the new architecture dropped, once per server.
            stub.onError("GET", "/api/v2/changefeeds/ticdcctl-dialect-probe/meta_info", 400,
                    "CDC:ErrChangeFeedNotExists", "changefeed not exists");
            Cli.Result r = Cli.against(stub).run("changefeed", "move-table", "cf-1", "-t", "101", "-d",
                    "00000000-0000-0000-0000-000000000001", "--yes");
            assertEquals(ExitCode.FAILED.code(), r.exitCode(), r::toString);
            assertTrue(r.err().contains("needs TiCDC's new architecture"), r::toString);
            List<String> paths = stub.requests().stream().map(StubServer.Request::path).toList();
            assertEquals(List.of("/api/v2/changefeeds/ticdcctl-dialect-probe/meta_info"), paths);
        }
    }

    @Test
    void the_json_output_of_tables_is_the_answer_as_received() throws Exception {
        create("cf-1", false);
        String out = run(0, "changefeed", "tables", "cf-1", "-o", "json").out();
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.url() + "/api/v2/changefeeds/cf-1/tables")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(JSON.readTree(direct.body()), JSON.readTree(out));
        assertNotEquals(0, JSON.readTree(out).path("total").asInt());
    }
}
