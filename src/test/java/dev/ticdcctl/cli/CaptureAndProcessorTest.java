package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code capture list|drain} and {@code processor list|get} against a stub TiCDC (tiflow cdc/api/v2/capture.go, processor.go). */
class CaptureAndProcessorTest extends StubServerTest {
    private static final String OWNER = "d2912e63-3349-447c-90ba-72a4e04b5e9e";
    private static final String OTHER = "5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d";
    private static final String GONE = "0e4f5a6b-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    private static final String DRAIN_OTHER = "/api/v2/captures/" + OTHER + "/drain";
    private final String drainPrompt = "Drain capture " + OTHER + " of cluster " + server.url()
            + "? Its tables move to the other captures. [y/N] ";


    // ---- capture list

    @Test
    void capture_list_prints_one_row_per_capture_with_the_owner_marked() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.run("capture", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                ID                                     OWNER   ADDRESS         CLUSTER_ID
                d2912e63-3349-447c-90ba-72a4e04b5e9e   true    10.0.0.1:8300   default
                5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d   false   10.0.0.2:8300   default
                """, r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
        StubServer.Request sent = server.last("GET", "/api/v2/captures");
        assertEquals(null, sent.query(), r::toString);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void capture_list_json_prints_the_server_body_with_every_field() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.run("captures", "ls", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                {
                  "total": 2,
                  "items": [
                    {
                      "id": "d2912e63-3349-447c-90ba-72a4e04b5e9e",
                      "is_owner": true,
                      "address": "10.0.0.1:8300",
                      "cluster_id": "default"
                    },
                    {
                      "id": "5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d",
                      "is_owner": false,
                      "address": "10.0.0.2:8300",
                      "cluster_id": "default"
                    }
                  ]
                }
                """, r.out(), r::toString);
    }

    @Test
    void capture_list_jq_finds_the_owner_address() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.run("capture", "list", "--jq", ".items[] | select(.is_owner) | .address");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("10.0.0.1:8300\n", r.out(), r::toString);
    }

    @Test
    void capture_list_on_a_terminal_shows_the_owner_in_bold() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.onTerminal(200).run("capture", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\u001b[1mtrue\u001b[0m"), r::toString);
        assertFalse(r.out().contains("\u001b[1mfalse"), r::toString);
    }

    // ---- capture drain

    @Test
    void drain_on_a_terminal_asks_and_drains_when_confirmed() {
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":3}");

        Cli.Result r = cli.onTerminal(120).stdin("y\n").run("capture", "drain", OTHER);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("capture " + OTHER + " draining: 3 tables left to move\n", r.out(), r::toString);
        assertEquals(drainPrompt, r.err(), r::toString);
        StubServer.Request sent = server.last("POST", DRAIN_OTHER);
        assertEquals("", sent.body(), r::toString);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void drain_declined_on_a_terminal_exits_7_and_sends_nothing() {
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":3}");

        Cli.Result r = cli.onTerminal(120).stdin("n\n").run("capture", "drain", OTHER);

        assertEquals(7, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(drainPrompt + "Error: capture " + OTHER + " was not drained\n", r.err(), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void drain_with_no_answer_at_all_counts_as_declined() {
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":3}");

        Cli.Result r = cli.onTerminal(120).stdin("").run("capture", "drain", OTHER);

        assertEquals(7, r.exitCode(), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void drain_off_a_terminal_without_yes_exits_2_and_sends_nothing() {
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":3}");

        Cli.Result r = cli.stdin("y\n").run("capture", "drain", OTHER);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: --yes is required when not running interactively\n"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void drain_with_yes_drains_without_asking() {
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":1}");

        Cli.Result r = cli.run("capture", "drain", OTHER, "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("capture " + OTHER + " draining: 1 table left to move\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals("POST", server.last("POST", DRAIN_OTHER).method());
    }

    @Test
    void drain_with_json_output_prints_the_server_answer() {
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":0}");

        Cli.Result r = cli.run("capture", "drain", OTHER, "-y", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\n  \"current_table_count\": 0\n}\n", r.out(), r::toString);
    }

    @Test
    void drain_of_the_owner_fails_with_the_server_message() {
        server.onError("POST", "/api/v2/captures/" + OWNER + "/drain", 400, "CDC:ErrSchedulerRequestFailed",
                "scheduler request failed, cannot drain the owner");

        Cli.Result r = cli.run("capture", "drain", OWNER, "--yes");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: scheduler request failed, cannot drain the owner (CDC:ErrSchedulerRequestFailed)\n"
                + "Hint: resign it first with 'ticdcctl owner resign --yes --wait', then drain it\n",
                r.err(), r::toString);
        assertEquals(1, server.requests().size(), "an ID is used as given: " + server.requests());
    }

    @Test
    void drain_of_an_unknown_capture_exits_3() {
        server.onError("POST", "/api/v2/captures/" + GONE + "/drain", 400, "CDC:ErrCaptureNotExist",
                "capture not exists, " + GONE);

        Cli.Result r = cli.run("capture", "drain", GONE, "--yes");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: capture not exists, " + GONE + " (CDC:ErrCaptureNotExist)\n"
                + "Hint: see the captures with 'ticdcctl capture list'\n", r.err(), r::toString);
    }

    @Test
    void drain_by_address_looks_the_capture_up_once_and_drains_its_id() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":2}");

        Cli.Result r = cli.onTerminal(120).stdin("y\n").run("capture", "drain", "10.0.0.2:8300");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("capture 10.0.0.2:8300 (" + OTHER + ") draining: 2 tables left to move\n", r.out(), r::toString);
        assertEquals("Drain capture 10.0.0.2:8300 (" + OTHER + ") of cluster " + server.url()
                + "? Its tables move to the other captures. [y/N] ", r.err(), r::toString);
        assertEquals(List.of("GET /api/v2/captures", "POST " + DRAIN_OTHER),
                server.requests().stream().map(q -> q.method() + " " + q.path()).toList());
    }

    @ParameterizedTest(name = "the address {0} names the second capture")
    @ValueSource(strings = {"10.0.0.2:8300", "http://10.0.0.2:8300", "http://10.0.0.2:8300/"})
    void an_address_may_be_pasted_from_a_url(String address) {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());
        server.on("POST", DRAIN_OTHER, 202, "{\"current_table_count\":0}");

        Cli.Result r = cli.run("capture", "drain", address, "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("POST", server.last("POST", DRAIN_OTHER).method());
    }

    @Test
    void drain_of_the_owner_by_address_is_refused_before_asking_or_sending_it() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.onTerminal(120).stdin("y\n").run("capture", "drain", "10.0.0.1:8300");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: capture 10.0.0.1:8300 (" + OWNER + ") is the owner, and the owner cannot be drained\n"
                + "Hint: resign it first with 'ticdcctl owner resign --yes --wait', then drain it\n", r.err(),
                r::toString);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void drain_of_an_unknown_address_exits_3_and_lists_the_known_addresses() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.run("capture", "drain", "10.0.0.9:8300", "--yes");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: no capture has the ID or address '10.0.0.9:8300'\n"
                + "Hint: the captures are at 10.0.0.1:8300 (owner), 10.0.0.2:8300; see 'ticdcctl capture list'\n",
                r.err(), r::toString);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void an_address_on_a_cluster_without_captures_is_not_found() {
        server.on("GET", "/api/v2/captures", 200, "{\"total\":0,\"items\":[]}");

        Cli.Result r = cli.run("capture", "drain", "10.0.0.2:8300", "--yes");

        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("Hint: the cluster lists no captures; see 'ticdcctl capture list'\n"),
                r::toString);
    }

    @Test
    void drain_without_a_capture_id_is_a_usage_error() {
        Cli.Result r = cli.run("capture", "drain", "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: Missing required parameter: 'CAPTURE_ID'"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    // ---- processor list / get

    @Test
    void processor_list_prints_changefeed_capture_and_namespace() {
        server.on("GET", "/api/v2/processors", 200, """
                {"total":2,"items":[
                 {"namespace":"default","changefeed_id":"cf-1","capture_id":"d2912e63-3349-447c-90ba-72a4e04b5e9e"},
                 {"namespace":"team-a","changefeed_id":"orders","capture_id":"5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d"}
                ]}""");

        Cli.Result r = cli.run("processor", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                CHANGEFEED_ID   CAPTURE_ID                             NAMESPACE
                cf-1            d2912e63-3349-447c-90ba-72a4e04b5e9e   default
                orders          5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d   team-a
                """, r.out(), r::toString);
        assertEquals(null, server.last("GET", "/api/v2/processors").query());
    }

    @Test
    void processor_get_shows_the_table_count_and_ids() {
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":[80,81,95]}");

        Cli.Result r = cli.run("processor", "get", "cf-1", OTHER);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                CHANGEFEED_ID   CAPTURE_ID                             TABLES   TABLE_IDS
                cf-1            5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d   3        80,81,95
                """, r.out(), r::toString);
        StubServer.Request sent = server.last("GET", "/api/v2/processors/cf-1/" + OTHER);
        assertEquals("namespace=default", sent.query());
        assertEquals("GET /api/v2/processors/cf-1/" + OTHER + "?namespace=default", sent.toString());
    }

    @Test
    void processor_without_table_ids_shows_zero_tables() {
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":null}");

        Cli.Result r = cli.run("processor", "get", "cf-1", OTHER, "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cf-1   " + OTHER + "   0   -\n", r.out(), r::toString);
    }

    @Test
    void processor_get_json_prints_the_server_body() {
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":[80,81]}");

        Cli.Result r = cli.run("processor", "get", "cf-1", OTHER, "--jq", ".table_ids | length");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("2\n", r.out(), r::toString);
    }

    @Test
    void cdc_cli_spelling_processor_query_with_c_and_p_works() {
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":[80]}");

        Cli.Result r = cli.run("processor", "query", "-c", "cf-1", "-p", OTHER);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                CHANGEFEED_ID   CAPTURE_ID                             TABLES   TABLE_IDS
                cf-1            5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d   1        80
                """, r.out(), r::toString);
        assertEquals("namespace=default", server.last("GET", "/api/v2/processors/cf-1/" + OTHER).query());
    }

    @Test
    void the_capture_option_may_come_before_the_changefeed_argument() {
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":[80]}");

        Cli.Result r = cli.run("processor", "get", "-p", OTHER, "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("namespace=default", server.last("GET", "/api/v2/processors/cf-1/" + OTHER).query());
    }

    @Test
    void the_changefeed_option_with_the_capture_as_argument_works() {
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":[80]}");

        Cli.Result r = cli.run("processor", "get", "-c", "cf-1", OTHER);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("namespace=default", server.last("GET", "/api/v2/processors/cf-1/" + OTHER).query());
    }

    @ParameterizedTest(name = "processor get {0} resolves the address")
    @ValueSource(strings = {"positional", "-p"})
    void processor_get_takes_the_capture_by_address(String how) {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());
        server.on("GET", "/api/v2/processors/cf-1/" + OTHER, 200, "{\"table_ids\":[80]}");

        Cli.Result r = how.equals("-p") ? cli.run("processor", "get", "cf-1", "-p", "10.0.0.2:8300", "--no-headers")
                : cli.run("processor", "get", "cf-1", "10.0.0.2:8300", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cf-1   " + OTHER + "   1   80\n", r.out(), r::toString);
        assertEquals(2, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void processor_get_of_an_unknown_address_exits_3_and_asks_for_no_processor() {
        server.on("GET", "/api/v2/captures", 200, Fixtures.captures());

        Cli.Result r = cli.run("processor", "get", "cf-1", "10.0.0.9:8300");

        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: no capture has the ID or address '10.0.0.9:8300'\n"
                + "Hint: the captures are at "), r::toString);
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void processor_get_sends_the_chosen_namespace() {
        server.on("GET", "/api/v2/processors/orders/" + OTHER, 200, "{\"table_ids\":[]}");

        Cli.Result r = cli.run("processors", "get", "orders", OTHER, "-n", "team-a");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("namespace=team-a", server.last("GET", "/api/v2/processors/orders/" + OTHER).query());
    }

    @Test
    void processor_of_a_stopped_changefeed_exits_1_with_the_server_message() {
        server.onError("GET", "/api/v2/processors/cf-1/" + OTHER, 400, "CDC:ErrAPIInvalidParam",
                "invalid api parameter: changefeed in abnormal state: stopped, can'duration get processor of an"
                        + " abnormal changefeed");

        Cli.Result r = cli.run("processor", "get", "cf-1", OTHER);

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: invalid api parameter: changefeed in abnormal state: stopped, can'duration get processor"
                + " of an abnormal changefeed (CDC:ErrAPIInvalidParam)\n", r.err(), r::toString);
    }

    @Test
    void processor_on_a_capture_without_it_exits_3() {
        server.onError("GET", "/api/v2/processors/cf-1/" + OTHER, 400, "CDC:ErrCaptureNotExist",
                "capture not exists, " + OTHER);

        Cli.Result r = cli.run("processor", "get", "cf-1", OTHER);

        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: capture not exists, " + OTHER + " (CDC:ErrCaptureNotExist)\n"),
                r::toString);
    }

    @Test
    void processor_get_without_a_capture_is_a_usage_error_and_sends_nothing() {
        Cli.Result r = cli.run("processor", "get", "cf-1");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: missing capture ID"), r::toString);
        assertTrue(r.err().contains("Try 'ticdcctl processor get --help' for more information."), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void processor_get_with_an_invalid_changefeed_id_sends_nothing() {
        Cli.Result r = cli.run("processor", "get", "my_feed", OTHER);

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid changefeed ID 'my_feed'"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }
}
