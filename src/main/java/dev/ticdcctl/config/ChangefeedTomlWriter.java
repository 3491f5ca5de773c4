package dev.ticdcctl.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.model.ReplicaConfigSchema.Field;
import dev.ticdcctl.model.ReplicaConfigSchema.Kind;
import dev.ticdcctl.model.ReplicaConfigSchema.Table;
import dev.ticdcctl.model.ReplicaConfigSchema;
import dev.ticdcctl.util.GoDurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code replica_config} JSON → changefeed TOML, for {@link ChangefeedToml#render}. */
final class ChangefeedTomlWriter {
    private final StringBuilder out = new StringBuilder();

    private ChangefeedTomlWriter() {}

    /** The whole config, under a {@code [path]} header when {@code path} is not empty. */
    static String write(String path, JsonNode replicaConfig) {
        ChangefeedTomlWriter writer = new ChangefeedTomlWriter();
        writer.table(path.isEmpty() ? null : "[" + path + "]", path, replicaConfig,
                ReplicaConfigSchema.ANY_SERVER);
        return writer.out.toString();
    }

    /**
     * One table: its header ({@code [a.b]} or {@code [[a.b]]}, null for the document itself), its scalars and
     * arrays, then its sub-tables and arrays of tables. A {@code [a.b]} header is left out when the table has
     * only sub-tables, whose own headers define it.
     */
    private void table(String header, String path, JsonNode json, Table schema) {
        List<String> lines = new ArrayList<>();
        List<Runnable> children = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            JsonNode v = entry.getValue();
            Field field = schema == null ? null : schema.byJson(entry.getKey());
            String key = field != null ? field.toml() : entry.getKey().replace('_', '-');
            Table sub = field == null ? null : field.table();
            String childPath = TomlLocator.child(path, key);
            if (v.isNull()) {
                continue;
            }
            if (v.isObject()) {
                children.add(() -> table("[" + childPath + "]", childPath, v, sub));
            } else if (v.isArray() && !v.isEmpty() && ChangefeedToml.all(v, JsonNode::isObject)) {
                children.add(() -> v.forEach(element -> table("[[" + childPath + "]]", childPath, element, sub)));
            } else {
                lines.add(TomlLocator.segment(key) + " = " + value(v, field));
            }
        }
        boolean arrayElement = header != null && header.startsWith("[[");
        if (header != null && (arrayElement || !lines.isEmpty() || children.isEmpty())) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(header).append('\n');
        }
        lines.forEach(line -> out.append(line).append('\n'));
        children.forEach(Runnable::run);
    }

    private static String value(JsonNode v, Field field) {
        if (field != null && field.kind() == Kind.DURATION && v.isIntegralNumber() && v.canConvertToLong()) {
            return TomlStrings.basic(GoDurations.compact(v.longValue()));
        }
        if (v.isTextual()) {
            return TomlStrings.basic(v.textValue());
        }
        if (v.isArray()) {
            List<String> elements = new ArrayList<>();
            v.forEach(element -> {
                if (!element.isNull()) {
                    elements.add(value(element, null));
                }
            });
            return "[" + String.join(", ", elements) + "]";
        }
        if (v.isObject()) {
            List<String> members = new ArrayList<>();
            v.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    members.add(TomlLocator.segment(e.getKey().replace('_', '-')) + " = "
                            + value(e.getValue(), null));
                }
            });
            return members.isEmpty() ? "{}" : "{ " + String.join(", ", members) + " }";
        }
        if (v.isFloatingPointNumber()) {
            double d = v.doubleValue();
            return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : v.asText();
        }
        return v.asText(); // booleans and integers
    }
}
