package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangefeedReadTest extends StubServerTest {

    @Test
    void list_prints_a_table_with_state_checkpoint_lag_and_error_code() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                ID         STATE    CHECKPOINT                 LAG   ERROR
                cf-kafka   normal   2024-07-01T02:05:00.123Z   10s   -
                cf-mysql   failed   2024-07-01T02:05:00.123Z   10s   CDC:ErrMySQLConnectionError
                """, r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertEquals("namespace=default", server.last("GET", "/api/v2/changefeeds").query());
    }

    @Test
    void wide_adds_namespace_tso_and_upstream() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("cf", "list", "-o", "wide", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("cf-kafka   default   normal   2024-07-01T02:05:00.123Z   450835120160243717"
                + "   10s   -                             7390512345678901234   -\n"), r::toString);
    }

    @Test
    void wide_ends_with_the_whole_error_message() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("cf", "list", "-o", "wide");

        assertEquals(0, r.exitCode(), r::toString);
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].endsWith("   ERROR                         UPSTREAM_ID           MESSAGE"), r::toString);
        assertTrue(lines[1].endsWith("   7390512345678901234   -"), r::toString);
        assertTrue(lines[2].endsWith("   CDC:ErrMySQLConnectionError   7390512345678901234   "
                + "dial tcp 10.0.0.9:3306: connect: refused"), r::toString);
    }

    @Test
    void a_hostile_error_message_is_escaped_and_its_passwords_masked_in_the_wide_list() {
        server.on("GET", "/api/v2/changefeeds", 200, """
                {"total":1,"items":[{"namespace":"default","id":"cf-1","state":"failed","checkpoint_tso":0,
                 "error":{"time":"2024-07-01T10:05:01.5+08:00","addr":"127.0.0.1:8300","code":"CDC:ErrSinkURIInvalid",
                  "message":"bad sink mysql://root:hunter2@db:3306/\\u001b[2J\\nError: forged line"}}]}""");

        Cli.Result r = cli.run("cf", "list", "-o", "wide", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith("   bad sink mysql://root:xxxxx@db:3306/\\x1b[2J\\nError: forged line\n"),
                r::toString);
        assertFalse(r.out().contains("hunter2"), r::toString);
        assertEquals(1, r.out().lines().count(), r::toString);
    }

    @Test
    void status_wide_shows_the_error_message_else_the_warning_message() {
        server.on("GET", "/api/v2/changefeeds/cf-1/status", 200, """
                {"state":"warning","checkpoint_ts":450835120160243717,"resolved_ts":450835120160243717,
                 "last_warning":{"code":"CDC:ErrKafkaNewProducer","message":"kafka: client has run out of brokers"}}""");

        Cli.Result r = cli.run("cf", "status", "cf-1", "-o", "wide", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith("   -   CDC:ErrKafkaNewProducer   kafka: client has run out of brokers\n"),
                r::toString);
    }

    @Test
    void json_output_is_the_server_body_with_exact_64_bit_integers() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"checkpoint_tso\": 450835120160243717"), r::toString);
        assertTrue(r.out().contains("\"upstream_id\": 7390512345678901234"), r::toString);
        assertTrue(r.out().contains("\"error\": null"), r::toString);
        assertTrue(r.out().contains("\"time\": \"2024-07-01T10:05:01.5+08:00\""), r::toString);
    }

    @Test
    void yaml_output_keeps_every_field() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list", "-o", "yaml");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("total: 2\nitems:\n  - upstream_id: 7390512345678901234\n"), r::toString);
        assertTrue(r.out().contains("    checkpoint_tso: 450835120160243717\n"), r::toString);
        assertTrue(r.out().contains("    error: null\n"), r::toString);
    }

    @Test
    void jq_filters_in_process_and_prints_strings_raw() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list", "--jq", ".items[] | select(.state == \"failed\") | .id");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cf-mysql\n", r.out(), r::toString);
    }

    @Test
    void an_invalid_jq_expression_is_a_usage_error() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.run("changefeed", "list", "--jq", ".items[");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid --jq expression '.items['"), r::toString);
    }

    @Test
    void state_and_all_are_sent_as_the_server_filter() {
        server.on("GET", "/api/v2/changefeeds", 200, "{\"total\":0,\"items\":[]}");

        assertEquals(0, cli.run("changefeed", "list", "--state", "failed", "-n", "team-a").exitCode());
        assertEquals("namespace=team-a&state=failed", server.last("GET", "/api/v2/changefeeds").query());
        assertEquals(0, cli.run("changefeed", "list", "--all").exitCode());
        assertEquals("namespace=default&state=all", server.last("GET", "/api/v2/changefeeds").query());
    }

    @Test
    void state_and_all_together_are_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "list", "--state", "failed", "--all");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void an_unknown_state_is_a_usage_error_naming_the_valid_ones() {
        Cli.Result r = cli.run("changefeed", "list", "--state", "paused");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("normal, warning, pending, error, stopped, failed, finished, removed, all"),
                r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void get_shows_one_row_with_the_masked_sink_uri() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "get", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                ID     STATE    CHECKPOINT                 LAG   ERROR   SINK_URI
                cf-1   normal   2024-07-01T02:05:00.123Z   10s   -       mysql://root:xxxxx@127.0.0.1:3306/
                """, r.out(), r::toString);
        assertEquals("namespace=default", server.last("GET", "/api/v2/changefeeds/cf-1").query());
    }

    @Test
    void cdc_cli_spellings_query_and_changefeed_id_option_work() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "query", "-c", "cf-1", "--jq", ".state");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("normal\n", r.out());
    }

    @ParameterizedTest(name = "[{0}] TICDCCTL_NAMESPACE={1}")
    @CsvSource(delimiter = '|', value = {
        "-n ops          |     | from flag --namespace",
        "--namespace=ops | dev | from flag --namespace",
        "                | ops | from env TICDCCTL_NAMESPACE"})
    void the_not_found_hint_names_the_namespace_looked_in_and_where_it_came_from(String flags, String env,
            String source) {
        server.onError("GET", "/api/v2/changefeeds/nope", 400, "CDC:ErrChangeFeedNotExists", Fixtures.notExists("nope"));
        Cli runner = env == null ? cli : cli.env("TICDCCTL_NAMESPACE", env);
        List<String> args = new ArrayList<>(flags == null ? List.of() : List.of(flags.split(" ")));
        args.addAll(List.of("changefeed", "get", "nope"));

        Cli.Result r = runner.run(args.toArray(String[]::new));

        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.err().endsWith("\nHint: a changefeed is found only in its own namespace, and this looked in 'ops'"
                + " (" + source + "): name another with -n NS; 'ticdcctl changefeed list -n NS --all' lists a"
                + " namespace's changefeeds, finished too\n"), r::toString);
        assertFalse(r.err().contains("see them all"), r::toString);
    }

    @Test
    void a_missing_changefeed_exits_3_with_the_server_message_and_code() {
        server.onError("GET", "/api/v2/changefeeds/nope", 400, "CDC:ErrChangeFeedNotExists", Fixtures.notExists("nope"));

        Cli.Result r = cli.run("changefeed", "get", "nope");

        assertEquals(3, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("Error: changefeed not exists, default/nope (CDC:ErrChangeFeedNotExists)\n"
                + "Hint: a changefeed is found only in its own namespace, and this looked in 'default' (the"
                + " default): name another with -n NS; 'ticdcctl changefeed list -n NS --all' lists a namespace's"
                + " changefeeds, finished too\n", r.err());
    }

    @Test
    void an_invalid_id_is_refused_before_anything_is_sent_and_the_rule_is_stated() {
        Cli.Result r = cli.run("changefeed", "get", "my_feed");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: invalid changefeed ID 'my_feed': use letters, digits and single hyphens"),
                r::toString);
        assertTrue(r.err().contains("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$"), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void an_id_longer_than_128_characters_is_refused() {
        Cli.Result r = cli.run("changefeed", "get", "a".repeat(129));

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void a_missing_id_is_a_usage_error() {
        Cli.Result r = cli.run("changefeed", "get");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: missing changefeed ID"), r::toString);
        assertTrue(r.err().contains("Try 'ticdcctl changefeed get --help' for more information."), r::toString);
    }

    @Test
    void status_shows_checkpoint_and_resolved_lag_and_last_error_code() {
        server.on("GET", "/api/v2/changefeeds/cf-1/status", 200, """
                {"state":"warning","resolved_ts":450835121208819712,"checkpoint_ts":450835120160243717,
                 "last_warning":{"time":"2024-07-01T10:05:01.5+08:00","addr":"10.0.0.1:8300",
                 "code":"CDC:ErrKafkaNewProducer","message":"kafka: broken"}}""");

        Cli.Result r = cli.run("changefeed", "status", "cf-1");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                ID     STATE     CHECKPOINT                 LAG   RESOLVED_LAG   ERROR   WARNING
                cf-1   warning   2024-07-01T02:05:00.123Z   10s   6s             -       CDC:ErrKafkaNewProducer
                """, r.out(), r::toString);
    }

    @Test
    void synced_shows_the_server_times_without_spaces() {
        server.on("GET", "/api/v2/changefeeds/cf-1/synced", 200, """
                {"synced":false,"sink_checkpoint_ts":"2023-11-30 15:26:31.519","puller_resolved_ts":"2023-11-30 15:26:23.525",
                 "last_synced_ts":"2023-11-30 15:24:30.115","now_ts":"2023-11-30 15:26:31.000",
                 "info":"The data syncing is not finished, please wait"}""");

        Cli.Result r = cli.run("changefeed", "synced", "cf-1", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("cf-1   false   2023-11-30T15:26:31.519   2023-11-30T15:26:23.525   2023-11-30T15:24:30.115"
                + "   2023-11-30T15:26:31.000   The data syncing is not finished, please wait\n", r.out());
    }

    @Test
    void on_a_terminal_times_are_local_and_states_are_coloured() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        Cli.Result r = cli.onTerminal(200).zone(ZoneId.of("Asia/Shanghai")).run("changefeed", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("2024-07-01T10:05:00"), r::toString);
        assertTrue(r.out().contains("\u001b[32mnormal\u001b[0m"), r::toString);
        assertTrue(r.out().contains("\u001b[31mfailed\u001b[0m"), r::toString);
    }

    @Test
    void no_color_and_color_never_turn_colour_off_on_a_terminal() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

        assertTrue(!cli.onTerminal(200).env("NO_COLOR", "1").run("cf", "list").out().contains("\u001b["));
        assertTrue(!new Cli().args("--server", server.url()).onTerminal(200).run("cf", "list", "--color", "never")
                .out().contains("\u001b["));
        assertTrue(new Cli().args("--server", server.url()).run("cf", "list", "--color", "always")
                .out().contains("\u001b[32m"));
    }

    @Test
    void on_a_narrow_terminal_the_last_column_is_cut_to_the_width() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.onTerminal(80).run("changefeed", "get", "cf-1", "-o", "table", "--color", "never");

        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 80, () -> "too wide: " + line);
        }
        assertTrue(r.out().contains("…"), r::toString);
    }

    @Test
    void credentials_in_the_config_never_reach_the_output() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal").replace(
                "\"filter\":{\"rules\":[\"*.*\"]}", "\"sink\":{\"kafka_config\":{\"sasl_user\":\"u\","
                        + "\"sasl_password\":\"hunter2\",\"ca\":\"/etc/ca.pem\"}}"));

        for (String format : new String[] {"json", "yaml"}) {
            Cli.Result r = cli.run("changefeed", "get", "cf-1", "-o", format);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(!r.out().contains("hunter2") && r.out().contains("xxxxx"), r::toString);
            assertTrue(r.out().contains("/etc/ca.pem"), r::toString);
        }
    }

    @Test
    void a_global_option_whose_value_names_a_command_does_not_confuse_the_command_line() {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList().replace("\"namespace\":\"default\"",
                "\"namespace\":\"status\""));

        Cli.Result r = cli.run("--namespace", "status", "-o=json", "changefeed", "list", "--jq", ".total");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("2\n", r.out());
        assertEquals("namespace=status", server.last("GET", "/api/v2/changefeeds").query());
    }

    @Test
    void streamed_json_output_masks_secrets_and_matches_the_tree_rendering() {
        server.on("GET", "/api/v2/changefeeds", 200, "{\"total\":1,\"items\":[{\"id\":\"a\",\"sink_uri\":"
                + "\"mysql://u:pw@h:3306/\",\"n\":1.50,\"t\":450835120160243717,\"e\":{},\"l\":[]}]}");

        Cli.Result streamed = cli.run("changefeed", "list", "-o", "json");
        Cli.Result viaTree = cli.run("changefeed", "list", "--jq", ".");

        assertEquals(0, streamed.exitCode(), streamed::toString);
        assertTrue(streamed.out().contains("\"sink_uri\": \"mysql://u:xxxxx@h:3306/\""), streamed::toString);
        assertTrue(streamed.out().contains("\"n\": 1.50"), streamed::toString);
        assertEquals(viaTree.out(), streamed.out());
    }
}
