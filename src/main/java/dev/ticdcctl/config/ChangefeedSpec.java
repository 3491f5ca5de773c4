package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ticdcctl.model.Tso;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A whole changefeed in a file ({@code -f}): id, namespace, sink URI, start and target TSO (or time with a zone),
 * and its config. TOML uses the kebab-case keys of {@code cdc cli --config} (the config under {@code [config]}); JSON
 * and YAML use the API's snake_case names, as {@code changefeed get -o json} prints them.
 */
public record ChangefeedSpec(String id, String namespace, String sinkUri, Long startTs, Long targetTs,
        ObjectNode config, List<String> warnings) {

    /** File formats, chosen by extension or, for stdin, by the first significant character. */
    public enum Format { toml, json, yaml }

    private static final Set<String> JSON_KEYS = Set.of("id", "namespace", "sink_uri", "start_ts", "target_ts",
            "config");
    private static final Set<String> TOML_KEYS = Set.of("id", "namespace", "sink-uri", "start-ts", "target-ts",
            "config");

    public static Format formatOf(String file, String text) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".toml")) {
            return Format.toml;
        }
        if (name.endsWith(".json")) {
            return Format.json;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.yaml;
        }
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .findFirst().orElse("");
        return first.startsWith("{") ? Format.json : first.startsWith("[") || first.matches("^[\\w\"'.-]+\\s*=.*")
                ? Format.toml : Format.yaml;
    }

    /**
     * Reads a spec, its references resolved from the process's environment; every problem is a
     * {@link ConfigException} naming the file and, where known, line and column.
     */
    public static ChangefeedSpec parse(String text, String file) {
        return parse(text, file, SpecReferences.ofProcess());
    }

    /** Reads a spec, its {@code ${env:...}} and {@code ${file:...}} references resolved by {@code references}. */
    public static ChangefeedSpec parse(String text, String file, SpecReferences references) {
        return switch (formatOf(file, text)) {
            case toml -> fromToml(text, file, references);
            case json -> fromTree(read(new ObjectMapper(), text, file, references), file, List.of());
            case yaml -> fromTree(read(new YAMLMapper(), text, file, references), file, List.of());
        };
    }

    private static ChangefeedSpec fromToml(String text, String file, SpecReferences references) {
        JsonNode tree = read(new TomlMapper(), text, file, references);
        unknownKeys(tree, TOML_KEYS, file);
        ChangefeedToml.Parsed config = ChangefeedToml.parse(text, file, "config", references);
        return new ChangefeedSpec(string(tree, "id", file), string(tree, "namespace", file),
                string(tree, "sink-uri", file), startTs(tree, "start-ts", file), tso(tree, "target-ts", file),
                tree.has("config") ? config.replicaConfig() : null, config.warnings());
    }

    private static ChangefeedSpec fromTree(JsonNode tree, String file, List<String> warnings) {
        unknownKeys(tree, JSON_KEYS, file);
        JsonNode config = tree.get("config");
        if (config != null && !config.isNull() && !config.isObject()) {
            throw new ConfigException(file + ": 'config' must be an object");
        }
        if (config != null && config.isObject()) {
            ReplicaConfigTypes.check(config, "config", file);
        }
        return new ChangefeedSpec(string(tree, "id", file), string(tree, "namespace", file),
                string(tree, "sink_uri", file), startTs(tree, "start_ts", file), tso(tree, "target_ts", file),
                config == null || config.isNull() ? null : (ObjectNode) config, warnings);
    }

    private static JsonNode read(ObjectMapper mapper, String text, String file, SpecReferences references) {
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(file + ": a changefeed spec must be a table/object of settings");
            }
            references.resolveTree(tree, text, file);
            return tree;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ParseErrors.position(e) + ": " + ParseErrors.problem(e));
        }
    }

    private static void unknownKeys(JsonNode tree, Set<String> known, String file) {
        List<String> unknown = new ArrayList<>();
        tree.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": unknown key '" + unknown.get(0) + "' (a spec has: "
                    + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    private static String string(JsonNode tree, String key, String file) {
        JsonNode v = tree.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ConfigException(file + ": '" + key + "' must be a string");
        }
        return v.textValue();
    }

    /** As {@link #tso}; 0 and "now" mean "start now" (null), as with {@code --start-ts} and in cdc cli. */
    private static Long startTs(JsonNode tree, String key, String file) {
        JsonNode v = tree.get(key);
        if (v != null && v.isTextual() && v.textValue().trim().equalsIgnoreCase("now")) {
            return null;
        }
        Long tso = tso(tree, key, file);
        return tso != null && tso == 0 ? null : tso;
    }

    /** A TSO, or a string holding a TSO or an ISO-8601 time with a zone, as {@code --start-ts} takes them. */
    private static Long tso(JsonNode tree, String key, String file) {
        JsonNode v = tree.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            try {
                return Tso.parseTsoOrTime(v.textValue()).value();
            } catch (IllegalArgumentException e) {
                String hint = e instanceof Tso.InvalidInput invalid && invalid.hint() != null
                        ? "; " + invalid.hint() : "";
                throw new ConfigException(file + ": '" + key + "': " + e.getMessage() + hint);
            }
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
            throw new ConfigException(file + ": '" + key + "' must be a TSO (a non-negative integer) or a time with"
                    + " a zone, e.g. \"2024-07-01T10:05:00Z\"");
        }
        return v.longValue();
    }
}
