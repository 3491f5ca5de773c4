package dev.ticdcctl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The sink keys the new architecture renamed in its JSON (ticdc api/v2/model.go SinkConfig; classic: tiflow
 * cdc/api/v2/model.go SinkConfig). Each server ignores the other's spelling, so requests carry both and answers are
 * read in the classic spelling, which the changefeed TOML keys map to; a client needs no probe for them.
 */
public final class SinkKeyNames {
    /** Classic JSON key → new JSON key, under {@code sink}. */
    private static final Map<String, String> RENAMED = Map.of("advance_timeout", "advance_timeout_in_sec",
            "send-all-bootstrap-at-start", "send_all_bootstrap_at_start");

    private SinkKeyNames() {}

    /** {@code config} with each renamed key also under the other spelling; unchanged when it has none. */
    public static JsonNode withBoth(JsonNode config) {
        return rewrite(config, true);
    }

    /** {@code config} with the new spellings read as the classic ones; unchanged when it has none. */
    public static JsonNode classic(JsonNode config) {
        return rewrite(config, false);
    }

    private static JsonNode rewrite(JsonNode config, boolean both) {
        if (config == null || !(config.get("sink") instanceof ObjectNode sink)
                || RENAMED.entrySet().stream().noneMatch(e -> sink.has(e.getKey()) || sink.has(e.getValue()))) {
            return config;
        }
        ObjectNode copy = config.deepCopy();
        ObjectNode target = (ObjectNode) copy.get("sink");
        RENAMED.forEach((classic, renamed) -> {
            JsonNode value = target.has(classic) ? target.get(classic) : target.get(renamed);
            if (value == null) {
                return;
            }
            target.set(classic, value);
            if (both) {
                target.set(renamed, value);
            } else {
                target.remove(renamed);
            }
        });
        return copy;
    }
}
