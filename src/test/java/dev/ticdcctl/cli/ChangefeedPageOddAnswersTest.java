package dev.ticdcctl.cli;

import static dev.ticdcctl.cli.ChangefeedPageTest.WIDTH;
import static dev.ticdcctl.cli.ChangefeedPageTest.line;
import static dev.ticdcctl.cli.ChangefeedPageTest.screen;
import static dev.ticdcctl.cli.ChangefeedPageTest.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The changefeed page against answers the sandbox does not give: missing fields, no processors, the page's extra
 * calls failing, secrets left in clear by the server, a config with every summarised setting.
 */
class ChangefeedPageOddAnswersTest extends StubServerTest {
    private static final String CF = "/api/v2/changefeeds/cf-1";
    private static final String OWNER = "d2912e63-3349-447c-90ba-72a4e04b5e9e";

    private List<String> page() {
        return screen(cli.onTerminal(WIDTH).run("changefeed", "get", "cf-1", "--color", "never"));
    }

    private void runningWithoutTaskStatus() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"))
                .on("GET", CF + "/status", 200, """
                        {"state":"normal","resolved_ts":450835120160243717,"checkpoint_ts":450835120160243717}""")
                .on("GET", "/api/v2/captures", 200, Fixtures.captures());
    }

    @Test
    void a_changefeed_without_error_or_processors_says_none() {
        runningWithoutTaskStatus();
        server.on("GET", "/api/v2/processors", 200, """
                {"total":1,"items":[{"namespace":"default","changefeed_id":"other","capture_id":"%s"}]}"""
                .formatted(OWNER));

        List<String> screen = page();

        assertEquals(List.of("  none"), section(screen, "Last error"));
        assertEquals(List.of("  none"), section(screen, "Last warning"));
        assertEquals(List.of("  none yet: no capture has taken its tables"), section(screen, "Processors"));
    }

    @Test
    void tables_come_from_the_processors_routes_named_by_capture_address() {
        runningWithoutTaskStatus();
        server.on("GET", "/api/v2/processors", 200, """
                {"total":2,"items":[{"namespace":"default","changefeed_id":"cf-1","capture_id":"%s"},
                 {"namespace":"default","changefeed_id":"cf-1","capture_id":"gone-capture"}]}""".formatted(OWNER))
                .on("GET", "/api/v2/processors/cf-1/" + OWNER, 200, "{\"table_ids\":[80,81,82]}")
                .on("GET", "/api/v2/processors/cf-1/gone-capture", 200, "{\"table_ids\":null}");

        List<String> screen = page();

        assertEquals(List.of("  10.0.0.1:8300 (owner):  3 tables: 80, 81, 82", "  gone-capture:           0 tables"),
                section(screen, "Processors"));
        assertEquals("namespace=default", server.last("GET", "/api/v2/processors/cf-1/" + OWNER).query());
    }

    @Test
    void the_page_shows_with_notes_when_its_extra_calls_fail() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "warning").replace("\"creator_version\"",
                        "\"error\":{\"addr\":\"10.0.0.1:8300\",\"code\":\"CDC:ErrKafkaNewProducer\","
                                + "\"message\":\"brokers down\"},\"creator_version\""))
                .onError("GET", CF + "/status", 500, "CDC:ErrOwnerNotFound", "owner not found")
                .onError("GET", "/api/v2/processors", 500, "CDC:ErrOwnerNotFound", "owner not found");

        Cli.Result r = cli.onTerminal(WIDTH).run("changefeed", "get", "cf-1", "--color", "never");
        List<String> screen = screen(r);

        assertEquals("", r.err(), r::toString);
        // The detail's own error stands in for the status's: it has no time.
        assertEquals(List.of("  Code:     CDC:ErrKafkaNewProducer", "  Time:     -", "  Capture:  10.0.0.1:8300",
                "  Message:  brokers down"), section(screen, "Last error"));
        assertTrue(section(screen, "Last warning").get(0).equals(
                "  unknown: the status could not be read: owner not found"), screen::toString);
        assertTrue(section(screen, "Processors").get(0).equals(
                "  unknown: the processors could not be read: owner not found"), screen::toString);
    }

    @Test
    void missing_fields_show_as_a_dash() {
        server.on("GET", CF, 200, "{\"id\":\"cf-1\"}")
                .on("GET", CF + "/status", 200, "{}");

        List<String> screen = page();

        for (String key : List.of("Namespace:", "State:", "Checkpoint:", "Checkpoint lag:", "Sink URI:", "Start:",
                "Created:", "Creator version:", "Upstream ID:")) {
            assertTrue(line(screen, key).matches(key + " +-"), () -> key + "\n" + String.join("\n", screen));
        }
        assertEquals(List.of("  none: the changefeed is not running"), section(screen, "Processors"));
        assertEquals(List.of("  none in the answer"), section(screen, "Config"));
    }

    @Test
    void secrets_left_in_clear_by_the_server_are_masked_in_the_uri_the_messages_and_the_config() {
        server.on("GET", CF, 200, """
                {"id":"cf-1","namespace":"default","state":"failed",
                 "sink_uri":"kafka://u:hunter2@broker-1.internal.example.com:9092/orders?sasl-password=hunter3&protocol=avro",
                 "config":{"sink":{"protocol":"avro","dispatchers":[{"matcher":["db.*"],"topic":"mysql://a:hunter4@x/"}],
                  "kafka_config":{"sasl_password":"hunter5"}}}}""")
                .on("GET", CF + "/status", 200, """
                        {"state":"failed","last_error":{"time":"2024-07-01T10:05:01.5+08:00","addr":"10.0.0.1:8300",
                         "code":"CDC:ErrKafkaNewProducer","message":"auth failed for {\\"sasl_password\\":\\"hunter6\\"}"},
                         "last_warning":{"time":"2024-07-01T10:05:01.5+08:00","addr":"10.0.0.1:8300",
                         "code":"CDC:ErrKafkaNewProducer","message":"retrying kafka://u:hunter7@b:9092"}}""");

        Cli.Result r = cli.onTerminal(WIDTH).run("changefeed", "get", "cf-1", "--color", "never");
        List<String> screen = screen(r);

        assertFalse(r.out().contains("hunter"), r::toString);
        assertEquals(List.of("Sink URI:         kafka://u:xxxxx@broker-1.internal.example.com:9092/orders?sasl",
                "                  -password=xxxxx&protocol=avro"), screen.subList(screen.indexOf(line(screen, "Sink URI:")),
                screen.indexOf(line(screen, "Sink URI:")) + 2));
        assertEquals("  Message:  auth failed for {\"sasl_password\":\"xxxxx\"}",
                line(section(screen, "Last error"), "  Message:"));
        assertEquals("  Message:  retrying kafka://u:xxxxx@b:9092", line(section(screen, "Last warning"), "  Message:"));
        assertEquals("  Dispatchers:   db.* → topic=mysql://a:xxxxx@x/", line(section(screen, "Config"), "  Dispatchers:"));
    }

    @Test
    void the_config_summary_names_rules_protocol_dispatchers_bdr_sync_point_and_redo() {
        server.on("GET", CF, 200, """
                {"id":"cf-1","namespace":"default","state":"stopped","config":{"bdr_mode":true,
                 "enable_sync_point":true,"sync_point_interval":600000000000,"sync_point_retention":86400000000000,
                 "filter":{"rules":["db.*","!db.tmp_*"],"event_filters":[{"matcher":["db.*"],"ignore_event":["all ddl"]}]},
                 "sink":{"protocol":"canal-json","dispatchers":[{"matcher":["db.orders"],"partition":"index-value"},
                  {"matcher":["db.users","db.carts"],"partition":"columns","columns":["id"],"topic":"users"}]},
                 "consistent":{"level":"eventual","storage":"s3://redo/cf-1"}}}""")
                .on("GET", CF + "/status", 200, "{\"state\":\"stopped\"}");

        assertEquals(List.of(
                "  Filter rules:   db.*, !db.tmp_*",
                "  Event filters:  1",
                "  Protocol:       canal-json",
                "  Dispatchers:    db.orders → partition=index-value",
                "                  db.users, db.carts → partition=columns topic=users columns=id",
                "  BDR mode:       on",
                "  Sync point:     every 10m0s, kept 24h0m0s",
                "  Redo log:       eventual, in s3://redo/cf-1"), section(page(), "Config"));
    }

    @Test
    void a_narrow_terminal_wraps_every_long_value_within_its_width() {
        server.on("GET", CF, 200, """
                {"id":"cf-1","state":"normal","sink_uri":"blackhole://%s/"}""".formatted("x".repeat(150)))
                .on("GET", CF + "/status", 200, "{}")
                .on("GET", "/api/v2/processors", 200, "{\"total\":0,\"items\":[]}")
                .on("GET", "/api/v2/captures", 200, Fixtures.captures());

        List<String> screen = page(); // fails if a line is wider than the screen
        int first = screen.indexOf(line(screen, "Sink URI:"));

        String uri = "blackhole://" + "x".repeat(150) + "/";
        List<String> lines = screen.subList(first, first + 3);
        assertEquals(uri, lines.get(0).substring(18) + lines.get(1).substring(18) + lines.get(2).substring(18),
                lines::toString);
        assertTrue(lines.get(1).startsWith(" ".repeat(18) + "x") && lines.get(2).startsWith(" ".repeat(18) + "x"),
                lines::toString);
        assertEquals("Start:            -", screen.get(first + 3));
    }
}
