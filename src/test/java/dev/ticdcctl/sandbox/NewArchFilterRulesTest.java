package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The new architecture checks filters as the classic server does (ticdc api/v2/changefeed.go getVerifiedTables,
 * pkg/filter), with two differences: its allow-list knows more event types, and its binlog filter refuses an
 * ignore_sql expression Go cannot compile instead of logging it.
 */
class NewArchFilterRulesTest extends ContractSupport {

    NewArchFilterRulesTest() {
        super(o -> o.withDialect(ServerDialect.NEW_CLASSIC_KERNEL));
    }

    private Resp create(String id, String eventFilter) {
        return post("/api/v2/changefeeds", "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"filter\":{\"event_filters\":[" + eventFilter + "]}}}");
    }

    @Test
    void a_bad_table_rule_or_event_type_is_refused_as_on_the_classic_server() {
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf-n\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"filter\":{\"rules\":[\"[bad\"]}}}"), 400, "CDC:ErrFilterRuleInvalid",
                "filter rule is invalid &{[[bad] [] []}: at <cmdline>:1: syntax error: failed to parse character"
                        + " class");
        assertError(create("cf-n", "{\"matcher\":[\"*.*\"],\"ignore_event\":[\"inserts\"]}"), 500,
                "CDC:ErrInvalidIgnoreEventType", "invalid ignore event type: 'inserts'");
    }

    @Test
    void its_allow_list_has_foreign_keys_and_the_new_index_types() {
        assertEquals(200, create("cf-n", "{\"matcher\":[\"*.*\"],\"ignore_event\":[\"add foreign key\","
                + "\"create hybrid index\"]}").status());
    }

    @Test
    void an_ignore_sql_expression_go_cannot_compile_is_refused() {
        assertError(create("cf-n", "{\"matcher\":[\"*.*\"],\"ignore_sql\":[\"^drop\",\"(abc\"]}"), 400,
                "CDC:ErrFilterRuleInvalid", "filter rule is invalid failed to create binlog event filter: compile"
                        + " regular expression [^drop (abc]: error parsing regexp: missing closing ):"
                        + " `(?i)^drop|(abc`");
    }
}
