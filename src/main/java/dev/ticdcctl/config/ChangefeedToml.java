package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import dev.ticdcctl.config.TomlLocator.Position;
import dev.ticdcctl.model.ReplicaConfigSchema.Field;
import dev.ticdcctl.model.ReplicaConfigSchema.Kind;
import dev.ticdcctl.model.ReplicaConfigSchema.Removed;
import dev.ticdcctl.model.ReplicaConfigSchema.Renamed;
import dev.ticdcctl.model.ReplicaConfigSchema.Table;
import dev.ticdcctl.model.ReplicaConfigSchema;
import dev.ticdcctl.util.EditDistance;
import dev.ticdcctl.util.GoDurations;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The changefeed TOML of {@code cdc cli --config} (kebab-case keys, Go duration strings) ↔ the API's
 * {@code replica_config} JSON (snake_case, nanoseconds), both ways, with {@code file:line:column} for every problem.
 */
public final class ChangefeedToml {
    /** The config to send, holding only the keys the file sets, and warnings about keys TiCDC no longer reads. */
    public record Parsed(ObjectNode replicaConfig, List<String> warnings) {}

    /** Dates become objects rather than strings, so that a date where a string belongs is a type error. */
    private static final TomlMapper TOML = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChangefeedToml() {}

    /**
     * Reads changefeed TOML into {@code replica_config} JSON. {@code tablePrefix} is "" when the replica config is
     * the whole document ({@code --config}) or the table that holds it (e.g. "config" in a spec file); other
     * top-level keys are left to the caller. Throws a {@link ConfigException} for the first problem in the file.
     */
    public static Parsed parse(String text, String file, String tablePrefix) {
        return parse(text, file, tablePrefix, SpecReferences.ofProcess());
    }

    /** As {@link #parse(String, String, String)}, string values' references resolved by {@code references}. */
    public static Parsed parse(String text, String file, String tablePrefix, SpecReferences references) {
        JsonNode node = readToml(text, file);
        references.resolveTree(node, text, file);
        List<String> prefix = prefix(tablePrefix);
        Reader reader = new Reader(file, TomlLocator.scan(text), tomlPath(prefix));
        String path = "";
        for (String key : prefix) {
            path = TomlLocator.child(path, key);
            node = node.get(key);
            if (node == null) {
                return new Parsed(NODES.objectNode(), List.of());
            }
            if (!node.isObject()) {
                throw reader.error(path, "'" + display(path) + "' must be " + expected(Kind.TABLE));
            }
        }
        ObjectNode config = reader.table(node, ReplicaConfigSchema.ANY_SERVER, path);
        reader.throwFirstProblem();
        return new Parsed(config, reader.warnings());
    }

    /**
     * Writes {@code replica_config} JSON as the TOML that {@link #parse} reads back: kebab-case keys, durations as
     * Go strings, scalars before sub-tables, arrays of tables as {@code [[...]]}, a blank line between tables.
     * Keys this version does not know are kept, kebab-cased. TOML has no null, so null members are left out.
     */
    public static String render(JsonNode replicaConfig, String tablePrefix) {
        if (replicaConfig == null || !replicaConfig.isObject()) {
            throw new IllegalArgumentException("a replica config is a JSON object");
        }
        String path = tomlPath(prefix(tablePrefix));
        return ChangefeedTomlWriter.write(path, replicaConfig);
    }

    private static List<String> prefix(String tablePrefix) {
        return tablePrefix == null || tablePrefix.isEmpty() ? List.of() : Arrays.asList(tablePrefix.split("\\."));
    }

    private static String tomlPath(List<String> keys) {
        return String.join(".", keys.stream().map(TomlLocator::segment).toList());
    }

    private static JsonNode readToml(String text, String file) {
        try {
            JsonNode tree = TOML.readTree(text);
            return tree == null ? NODES.objectNode() : tree;
        } catch (JsonProcessingException e) {
            String what = ParseErrors.problem(e);
            String original = String.valueOf(e.getOriginalMessage());
            Position duplicate = original.startsWith("Duplicate key") || original.startsWith("Table redefined")
                    ? TomlLocator.scan(text).duplicate() : null;
            String position = duplicate != null ? ":" + duplicate.line() + ":" + duplicate.column()
                    : ParseErrors.position(e);
            throw new ConfigException(file + position + ": invalid TOML: "
                    + Character.toLowerCase(what.charAt(0)) + what.substring(1));
        }
    }

    /** What a value of this kind must be, for "'key' must be ..." messages. */
    private static String expected(Kind kind) {
        return switch (kind) {
            case BOOL -> "true or false";
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case FLOAT -> "a number";
            // In TOML a duration may be a Go duration string as well as integer nanoseconds.
            case DURATION -> "a duration such as \"10m\" or an integer of nanoseconds";
            case STRINGS -> "an array of strings";
            case INTEGERS -> "an array of integers";
            case TABLE -> "a table";
            case TABLES -> "an array of tables";
        };
    }

    /** A path as users write it: dotted keys without the locator's array indexes. */
    private static String display(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    /** TOML → JSON for one document, collecting every problem so that the first one in the file is reported. */
    private static final class Reader {
        private record Note(Position at, String text) {}

        private final String file;
        private final TomlLocator locator;
        private final List<Note> problems = new ArrayList<>();
        private final List<Note> warnings = new ArrayList<>();
        /** The path of the replica config itself, where suggestions from other tables start. */
        private final String root;

        Reader(String file, TomlLocator locator, String root) {
            this.file = file;
            this.locator = locator;
            this.root = root;
        }

        ObjectNode table(JsonNode toml, Table schema, String path) {
            Map<String, JsonNode> values = new HashMap<>(); // by JSON name
            for (Map.Entry<String, JsonNode> entry : toml.properties()) {
                String key = entry.getKey();
                String keyPath = TomlLocator.child(path, key);
                Field field = schema.byToml(key);
                Renamed renamed = schema.renamedFrom(key);
                if (field == null && renamed != null) {
                    if (toml.has(renamed.newToml())) {
                        problem(keyPath, "'" + display(keyPath) + "' is the old name of '" + renamed.newToml()
                                + "', which is also set; keep only '" + renamed.newToml() + "'");
                        continue;
                    }
                    field = schema.byToml(renamed.newToml());
                    warn(keyPath, "'" + display(keyPath) + "' is the old name of '" + renamed.newToml() + "'"
                            + (renamed.since() == null ? "" : " (renamed in TiCDC " + renamed.since() + ")")
                            + " and was read as such");
                }
                if (field != null) {
                    JsonNode value = value(entry.getValue(), field, keyPath);
                    if (value != null) {
                        values.put(field.json(), value);
                    }
                } else if (schema.removed(key) != null) {
                    removed(schema.removed(key), entry.getValue(), keyPath);
                } else {
                    problem(keyPath, "unknown key '" + display(keyPath) + "'" + suggestion(key, schema, path));
                }
            }
            // In the schema's (Go struct) order, as the server would print them.
            ObjectNode json = NODES.objectNode();
            schema.fields().stream().filter(f -> values.containsKey(f.json()))
                    .forEach(f -> json.set(f.json(), values.get(f.json())));
            return json;
        }

        private void removed(Removed removed, JsonNode value, String path) {
            JsonNode enabled = removed.refuseWhenTrue() == null ? null : value.get(removed.refuseWhenTrue());
            if (enabled != null && enabled.isBoolean() && enabled.booleanValue()) {
                problem(TomlLocator.child(path, removed.refuseWhenTrue()), "'" + display(path)
                        + "' cannot be ignored while '" + removed.refuseWhenTrue() + "' is true: " + removed.advice());
            } else {
                warn(path, "'" + display(path) + "' is no longer used by TiCDC and was ignored");
            }
        }

        /** The JSON for one value, or null after recording why it does not fit. */
        private JsonNode value(JsonNode v, Field field, String path) {
            boolean fits = switch (field.kind()) {
                case BOOL -> v.isBoolean();
                case STRING -> v.isTextual();
                case INTEGER -> v.isIntegralNumber();
                case FLOAT -> v.isNumber();
                case DURATION -> v.isIntegralNumber() || v.isTextual();
                case STRINGS -> v.isArray() && all(v, JsonNode::isTextual);
                case INTEGERS -> v.isArray() && all(v, JsonNode::isIntegralNumber);
                case TABLE -> v.isObject();
                case TABLES -> v.isArray() && all(v, JsonNode::isObject);
            };
            if (!fits) {
                return problem(path, "'" + display(path) + "' must be " + expected(field.kind()));
            }
            return switch (field.kind()) {
                case INTEGER -> integer(v, field, path);
                case DURATION -> v.isTextual() ? duration(v.textValue(), path) : integer(v, field, path);
                case INTEGERS -> elements(v, path, (element, elementPath) -> integer(element, field, elementPath));
                case TABLE -> table(v, field.table(), path);
                case TABLES -> elements(v, path, (element, elementPath) -> table(element, field.table(), elementPath));
                default -> v.deepCopy();
            };
        }

        private interface ElementReader {
            JsonNode read(JsonNode element, String elementPath);
        }

        private static ArrayNode elements(JsonNode array, String path, ElementReader reader) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = reader.read(array.get(i), TomlLocator.element(path, i));
                out.add(element == null ? NODES.nullNode() : element); // null only when a problem was recorded
            }
            return out;
        }

        /**
         * The integer as written, in the Go type's range. Decimal literals are re-read from the text, because
         * jackson-dataformat-toml 2.21.3 garbles 19-digit ones (jackson-dataformats-text#663).
         */
        private JsonNode integer(JsonNode v, Field field, String path) {
            String literal = locator.literal(path);
            BigInteger exact = literal != null && literal.matches("[+-]?[0-9_]+")
                    ? new BigInteger(literal.replace("_", "")) : v.bigIntegerValue();
            // TOML integers are int64, so unsigned 64-bit fields stop at Long.MAX_VALUE.
            BigInteger max = field.max().min(BigInteger.valueOf(Long.MAX_VALUE));
            if (exact.compareTo(field.min()) < 0 || exact.compareTo(max) > 0) {
                return problem(path, "'" + display(path) + "' is out of range (" + field.min() + " to " + max + ")");
            }
            return number(exact.longValue());
        }

        private JsonNode duration(String text, String path) {
            try {
                return number(GoDurations.parse(text));
            } catch (IllegalArgumentException e) {
                return problem(path, "'" + display(path) + "' is not a valid duration (examples: \"30s\", \"10m\","
                        + " \"1h30m\")");
            }
        }

        /** The closest key of the same table, else the one other place in the config where this key belongs. */
        private String suggestion(String key, Table schema, String parentPath) {
            String best = null;
            int bestDistance = Math.max(1, key.length() / 3) + 1;
            for (Field f : schema.fields()) {
                int d = EditDistance.between(key, f.toml());
                if (d < bestDistance) {
                    best = TomlLocator.child(parentPath, f.toml());
                    bestDistance = d;
                }
            }
            if (best == null) {
                List<String> elsewhere = new ArrayList<>();
                collect(ReplicaConfigSchema.ANY_SERVER, root, f -> f.toml().equals(key), elsewhere::add);
                best = elsewhere.size() == 1 ? elsewhere.get(0) : null;
            }
            return best == null ? "" : " (did you mean '" + display(best) + "'?)";
        }

        private static void collect(Table table, String path, Predicate<Field> wanted,
                Consumer<String> found) {
            for (Field f : table.fields()) {
                String fieldPath = TomlLocator.child(path, f.toml());
                if (wanted.test(f)) {
                    found.accept(fieldPath);
                }
                if (f.table() != null) {
                    collect(f.table(), fieldPath, wanted, found);
                }
            }
        }

        private JsonNode problem(String path, String message) {
            problems.add(new Note(position(path), message));
            return null;
        }

        private void warn(String path, String message) {
            warnings.add(new Note(position(path), message));
        }

        ConfigException error(String path, String message) {
            return new ConfigException(located(new Note(position(path), message), true));
        }

        void throwFirstProblem() {
            if (!problems.isEmpty()) {
                problems.sort(IN_FILE_ORDER);
                int more = problems.size() - 1;
                throw new ConfigException(located(problems.get(0), true)
                        + (more == 0 ? "" : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")"));
            }
        }

        List<String> warnings() {
            warnings.sort(IN_FILE_ORDER);
            return warnings.stream().map(w -> located(w, false)).toList();
        }

        private static final Comparator<Note> IN_FILE_ORDER = Comparator.comparing(Note::at,
                Comparator.nullsLast(Comparator.comparingInt(Position::line).thenComparingInt(Position::column)));

        /** {@code file:line:column: message} for problems, {@code file:line: message} for warnings. */
        private String located(Note note, boolean withColumn) {
            if (note.at() == null) {
                return file + ": " + note.text();
            }
            return file + ":" + note.at().line() + (withColumn ? ":" + note.at().column() : "") + ": " + note.text();
        }

        /** Where the key at {@code path} is written, else where its nearest written parent is. */
        private Position position(String path) {
            for (String p = path; !p.isEmpty(); p = p.replaceFirst("(\\[\\d+]|\\.?[^.\\[]+)$", "")) {
                Position at = locator.position(p);
                if (at != null) {
                    return at;
                }
            }
            return null;
        }
    }

    /** Whether every element of the array passes; shared with the writer. */
    static boolean all(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode element : array) {
            if (!test.test(element)) {
                return false;
            }
        }
        return true;
    }

    /** Integers as Jackson's JSON parser makes them (int when it fits), so parsed trees equal read ones. */
    private static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
}
