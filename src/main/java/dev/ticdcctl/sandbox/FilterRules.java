package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.model.filter.GoRegexp;
import dev.ticdcctl.model.filter.IgnoreEventTypes;
import dev.ticdcctl.model.filter.TableFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filter checks TiCDC makes when it verifies a changefeed's tables (tiflow cdc/api/v2/api_helpers.go
 * {@code getVerifiedTables}, ticdc api/v2/changefeed.go {@code getVerifiedTables}), in their order: the table rules
 * (pkg/filter/utils.go {@code VerifyTableRules}), each event filter's matcher (pkg/filter/expr_filter.go
 * {@code newExprFilterRule}), each event filter's {@code ignore_event} types (pkg/filter/sql_event_filter.go
 * {@code verifyIgnoreEvents}) and, on the new architecture only, its {@code ignore_sql} expressions (the classic
 * server's {@code bf.NewBinlogEvent} only logs a bad one); then, for MQ sinks, the dispatchers' matchers
 * (dispatcher/event_router.go {@code NewEventRouter}) and the column selectors' matchers and columns
 * (columnselector/column_selector.go {@code newSelector}), which the new architecture also checks for storage sinks.
 * A bad rule is 400 {@code CDC:ErrFilterRuleInvalid}; an unknown event type 500 {@code CDC:ErrInvalidIgnoreEventType},
 * as no 400 code is in its message. Messages are TiCDC's, Go's {@code %v} of the rule list included.
 */
final class FilterRules {
    private static final String RULE_INVALID = "CDC:ErrFilterRuleInvalid";

    private FilterRules() {}

    static void check(JsonNode config, String sinkUri, ServerDialect dialect) {
        JsonNode filter = config.path("filter");
        List<String> rules = strings(filter.path("rules"));
        try {
            TableFilter.check(rules, TableFilter.Imports.MISSING);
        } catch (TableFilter.InvalidRule e) {
            throw invalid(filterConfig(filter), e);
        }
        List<JsonNode> eventFilters = new ArrayList<>();
        filter.path("event_filters").forEach(eventFilters::add);
        for (JsonNode eventFilter : eventFilters) {
            checkMatcher(eventFilter.path("matcher"));
        }
        Set<String> types = dialect.isNew() ? IgnoreEventTypes.NEW_ARCHITECTURE : IgnoreEventTypes.CLASSIC_V8_5_0;
        for (JsonNode eventFilter : eventFilters) {
            for (String type : strings(eventFilter.path("ignore_event"))) {
                if (!types.contains(type)) {
                    throw new ApiError(500, "CDC:ErrInvalidIgnoreEventType", "invalid ignore event type: '" + type
                            + "'");
                }
            }
            List<String> sql = strings(eventFilter.path("ignore_sql"));
            if (dialect.isNew() && !sql.isEmpty()) {
                try {
                    GoRegexp.check("(?i)" + String.join("|", sql));
                } catch (GoRegexp.SyntaxError e) {
                    throw new ApiError(400, RULE_INVALID, "filter rule is invalid failed to create binlog event"
                            + " filter: compile regular expression " + goList(sql) + ": " + e.getMessage());
                }
            }
        }
        checkSinkRules(config.path("sink"), sinkUri, dialect);
    }

    private static void checkSinkRules(JsonNode sink, String sinkUri, ServerDialect dialect) {
        SinkKind kind;
        try {
            kind = SinkKind.of(GoUrl.parse(sinkUri).scheme);
        } catch (GoUrl.ParseException e) {
            return;
        }
        if (kind.isMq()) {
            sink.path("dispatchers").forEach(rule -> checkMatcher(rule.path("matcher")));
        }
        if (kind.isMq() || dialect.isNew() && kind == SinkKind.STORAGE) {
            for (JsonNode selector : sink.path("column_selectors")) {
                checkMatcher(selector.path("matcher"));
                List<String> columns = strings(selector.path("columns"));
                try {
                    TableFilter.checkColumns(columns, TableFilter.Imports.MISSING);
                } catch (TableFilter.InvalidRule e) {
                    throw invalid(goList(columns), e);
                }
            }
        }
    }

    private static void checkMatcher(JsonNode matcher) {
        List<String> rules = strings(matcher);
        try {
            TableFilter.check(rules, TableFilter.Imports.MISSING);
        } catch (TableFilter.InvalidRule e) {
            throw invalid(goList(rules), e);
        }
    }

    /** errors.WrapError(ErrFilterRuleInvalid, cause, what): "filter rule is invalid <what>: <cause>". */
    private static ApiError invalid(String what, TableFilter.InvalidRule cause) {
        return new ApiError(400, RULE_INVALID, "filter rule is invalid " + what + ": " + cause.getMessage());
    }

    /**
     * Go's {@code %v} of a {@code *config.FilterConfig}: {@code &{[rules] [start ts] [event filters]}}, where Go
     * prints each event filter's address; the sandbox prints made-up ones of the same form.
     */
    private static String filterConfig(JsonNode filter) {
        List<String> txns = new ArrayList<>();
        filter.path("ignore_txn_start_ts").forEach(ts -> txns.add(ts.asText()));
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < filter.path("event_filters").size(); i++) {
            pointers.add(String.format("0xc0004a%04x", 0x1e0 * (i + 1)));
        }
        return "&{" + goList(strings(filter.path("rules"))) + " " + goList(txns) + " " + goList(pointers) + "}";
    }

    private static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
