package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import org.junit.jupiter.api.Test;

/** {@code capture list|drain} and {@code processor list|get} against a stub TiCDC (API reference §3.14–3.16). */
class CaptureAndProcessorTest extends StubServerTest {
    private static final String OWNER = "d2912e63-3349-447c-90ba-72a4e04b5e9e";
    private static final String OTHER = "5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d";
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
        assertEquals("Error: scheduler request failed, cannot drain the owner (CDC:ErrSchedulerRequestFailed)\n",
                r.err(), r::toString);
    }

    @Test
    void drain_of_an_unknown_capture_exits_3() {
        server.onError("POST", "/api/v2/captures/nope/drain", 400, "CDC:ErrCaptureNotExist", "capture not exists, nope");

        Cli.Result r = cli.run("capture", "drain", "nope", "--yes");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: capture not exists, nope (CDC:ErrCaptureNotExist)\n"
                + "Hint: see the captures with 'ticdcctl capture list'\n", r.err(), r::toString);
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
