package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The classic server's filter checks (tiflow cdc/api/v2/api_helpers.go getVerifiedTables, pkg/filter): table rules,
 * event-filter matchers and ignore_event types, MQ dispatchers and column selectors, refused at create, update and
 * verify_table with TiCDC's codes, statuses and messages.
 */
class FilterRulesContractTest extends ContractSupport {
    private static final String CREATE = "/api/v2/changefeeds";

    private static String createBody(String id, String sinkUri, String config) {
        return "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\",\"replica_config\":" + config + "}";
    }

    @Test
    void an_invalid_table_rule_is_refused_with_tidbs_message_and_the_filter_config_as_go_prints_it() {
        Resp r = post(CREATE, createBody("cf-f", "blackhole://", "{\"filter\":{\"rules\":[\"test.*\",\"[bad\"],"
                + "\"ignore_txn_start_ts\":[7,8]}}"));
        assertError(r, 400, "CDC:ErrFilterRuleInvalid", "filter rule is invalid &{[test.* [bad] [7 8] []}: at"
                + " <cmdline>:1: syntax error: failed to parse character class");

        Resp regexp = post(CREATE, createBody("cf-f", "blackhole://", "{\"filter\":{\"rules\":[\"/(?!tmp)/.*\"],"
                + "\"event_filters\":[{\"matcher\":[\"test.*\"]}]}}"));
        assertErrorMatching(regexp, 400, "CDC:ErrFilterRuleInvalid", "filter rule is invalid "
                + "&\\{\\[/\\(\\?!tmp\\)/\\.\\*\\] \\[\\] \\[0xc[0-9a-f]{9}\\]\\}: at <cmdline>:1: invalid pattern:"
                + " error parsing regexp: invalid or unsupported Perl syntax: `\\(\\?!`");
        assertEquals(0, get("/api/v2/changefeeds?state=all").json().path("total").asInt(), "nothing was created");
    }

    @Test
    void event_filters_are_checked_matchers_first_then_their_event_types() {
        String badMatcherLater = "{\"filter\":{\"event_filters\":[{\"matcher\":[\"test.*\"],\"ignore_event\":"
                + "[\"inserts\"]},{\"matcher\":[\"db\"]}]}}";
        assertError(post(CREATE, createBody("cf-e", "blackhole://", badMatcherLater)), 400, "CDC:ErrFilterRuleInvalid",
                "filter rule is invalid [db]: at <cmdline>:1: wrong table pattern");

        String badType = "{\"filter\":{\"event_filters\":[{\"matcher\":[\"test.*\"],\"ignore_event\":"
                + "[\"insert\",\"inserts\"]}]}}";
        // No 400 code is in its message, so TiCDC's error middleware answers 500.
        assertError(post(CREATE, createBody("cf-e", "blackhole://", badType)), 500, "CDC:ErrInvalidIgnoreEventType",
                "invalid ignore event type: 'inserts'");

        // Exact names only, and the classic v8.5.0 server has no foreign-key or index types yet.
        for (String type : new String[] {"INSERT", "add foreign key", "add fulltext index"}) {
            assertError(post(CREATE, createBody("cf-e", "blackhole://", "{\"filter\":{\"event_filters\":[{\"matcher\":"
                    + "[\"*.*\"],\"ignore_event\":[\"" + type + "\"]}]}}")), 500, "CDC:ErrInvalidIgnoreEventType",
                    "invalid ignore event type: '" + type + "'");
        }
        // The classic server's binlog filter only logs an ignore_sql it cannot compile.
        assertEquals(200, post(CREATE, createBody("cf-e", "blackhole://", "{\"filter\":{\"event_filters\":[{"
                + "\"matcher\":[\"*.*\"],\"ignore_event\":[\"all ddl\",\"drop schema\"],\"ignore_sql\":[\"(abc\"]}]}}"))
                .status());
    }

    @Test
    void updates_wrap_filter_errors_as_refused_updates() {
        reach("cf-u", "stopped");
        Resp rules = put("/api/v2/changefeeds/cf-u", "{\"replica_config\":{\"filter\":{\"rules\":[\"a.b.c\"]}}}");
        assertError(rules, 400, "CDC:ErrChangefeedUpdateRefused", "changefeed update error: [CDC:ErrFilterRuleInvalid]"
                + "filter rule is invalid &{[a.b.c] [] []}: at <cmdline>:1: syntax error: stray characters after table"
                + " pattern");
        Resp type = put("/api/v2/changefeeds/cf-u", "{\"replica_config\":{\"filter\":{\"event_filters\":[{\"matcher\":"
                + "[\"*.*\"],\"ignore_event\":[\"inserts\"]}]}}}");
        assertError(type, 400, "CDC:ErrChangefeedUpdateRefused", "changefeed update error: "
                + "[CDC:ErrInvalidIgnoreEventType]invalid ignore event type: 'inserts'");
    }

    @Test
    void verify_table_refuses_them_too() {
        Resp r = post("/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\",\"start_ts\":1,\"replica_config\":"
                + "{\"filter\":{\"rules\":[\"db.\"]}}}");
        assertError(r, 400, "CDC:ErrFilterRuleInvalid", "filter rule is invalid &{[db.] [] []}: at <cmdline>:1: syntax"
                + " error: missing pattern");
    }

    @Test
    void mq_sinks_check_dispatcher_matchers_and_column_selectors_others_do_not() {
        String kafka = "kafka://127.0.0.1:9092/topic?protocol=canal-json";
        assertError(post(CREATE, createBody("cf-k", kafka, "{\"sink\":{\"dispatchers\":[{\"matcher\":[\"a%b.*\"],"
                + "\"partition\":\"table\"}]}}")), 400, "CDC:ErrFilterRuleInvalid",
                "filter rule is invalid [a%b.*]: at <cmdline>:1: unexpected special character '%'");
        assertError(post(CREATE, createBody("cf-k", kafka, "{\"sink\":{\"column_selectors\":[{\"matcher\":[\"t.*\"],"
                + "\"columns\":[\"a.b\"]}]}}")), 400, "CDC:ErrFilterRuleInvalid",
                "filter rule is invalid [a.b]: at <cmdline>:1: unexpected special character '.'");
        // blackhole is no MQ sink: TiCDC builds no event router for it.
        assertEquals(200, post(CREATE, createBody("cf-b", "blackhole://", "{\"sink\":{\"dispatchers\":[{\"matcher\":"
                + "[\"a%b.*\"]}]}}")).status());
    }
}
