package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.model.filter.IgnoreEventTypes;
import dev.ticdcctl.model.filter.TableFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filter checks TiCDC makes on a config that a client can make exactly, before anything is sent (as
 * {@code cdc cli} checks the table rules, tiflow pkg/cmd/cli/cli_changefeed_create.go {@code strictDecodeConfig}):
 * TiDB's table-filter syntax of the rules and event-filter matchers, the {@code ignore-event} types some server
 * accepts, and for Kafka and Pulsar sinks the dispatchers' and column selectors' rules. What only the server can
 * know is left to it: {@code @file} rules (files on the server), {@code ignore-sql} (which only the new architecture
 * refuses), expressions and topic names.
 */
final class FilterRulesCheck {
    private static final String RULES_HINT = "rules are TiDB table filters (db.table, wildcards, /regexp/):"
            + " https://docs.pingcap.com/tidb/stable/table-filter";

    private FilterRulesCheck() {}

    /** Checks the config a user gave ({@code config}, API shape, may be null) for a changefeed with {@code sinkUri}. */
    static void check(JsonNode config, String sinkUri) {
        if (config == null) {
            return;
        }
        JsonNode filter = config.path("filter");
        rules("filter.rules", filter.path("rules"));
        JsonNode eventFilters = filter.path("event_filters");
        for (int i = 0; i < eventFilters.size(); i++) {
            rules("filter.event-filters[" + i + "].matcher", eventFilters.get(i).path("matcher"));
        }
        for (int i = 0; i < eventFilters.size(); i++) {
            for (JsonNode type : eventFilters.get(i).path("ignore_event")) {
                if (!IgnoreEventTypes.ANY_SERVER.contains(type.asText())) {
                    throw new CliException.InvalidInput("filter.event-filters[" + i + "].ignore-event has an unknown"
                            + " event type \"" + type.asText() + "\" (TiCDC matches them exactly)", "the types are: "
                            + String.join(", ", IgnoreEventTypes.ANY_SERVER));
                }
            }
        }
        if (isMessageQueue(sinkUri)) {
            JsonNode sink = config.path("sink");
            JsonNode dispatchers = sink.path("dispatchers");
            for (int i = 0; i < dispatchers.size(); i++) {
                rules("sink.dispatchers[" + i + "].matcher", dispatchers.get(i).path("matcher"));
            }
            JsonNode selectors = sink.path("column_selectors");
            for (int i = 0; i < selectors.size(); i++) {
                rules("sink.column-selectors[" + i + "].matcher", selectors.get(i).path("matcher"));
                columns("sink.column-selectors[" + i + "].columns", selectors.get(i).path("columns"));
            }
        }
    }

    private static void rules(String key, JsonNode rules) {
        parse(key, rules, TableFilter::check);
    }

    private static void columns(String key, JsonNode rules) {
        parse(key, rules, TableFilter::checkColumns);
    }

    /** {@code TableFilter.check} or {@code checkColumns}. */
    @FunctionalInterface
    private interface Parser {
        void parse(List<String> rules, TableFilter.Imports imports) throws TableFilter.InvalidRule;
    }

    private static void parse(String key, JsonNode rules, Parser parser) {
        try {
            parser.parse(strings(rules), TableFilter.Imports.UNCHECKED);
        } catch (TableFilter.InvalidRule e) {
            throw invalid(key, e);
        }
    }

    private static CliException invalid(String key, TableFilter.InvalidRule e) {
        String why = e.getMessage().replaceFirst("^at <cmdline>:1: ", "");
        return new CliException.InvalidInput(key + " has an invalid rule \"" + e.rule() + "\": " + why, RULES_HINT);
    }

    /** Whether TiCDC builds an event router for this sink: a Kafka or Pulsar URI (tiflow pkg/sink IsMQScheme). */
    private static boolean isMessageQueue(String sinkUri) {
        if (sinkUri == null) {
            return false;
        }
        int colon = sinkUri.indexOf(':');
        String scheme = colon < 0 ? "" : sinkUri.substring(0, colon).toLowerCase(Locale.ROOT);
        return Set.of("kafka", "kafka+ssl", "pulsar", "pulsar+ssl", "pulsar+http", "pulsar+https").contains(scheme);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
