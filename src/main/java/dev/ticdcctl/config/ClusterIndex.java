package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The index of a directory of changefeed specs that spans several clusters ({@code ticdcctl.toml}): each
 * {@code [clusters.NAME]} table names the subdirectory {@code NAME} and how to reach its cluster, a context of the
 * contexts file or a server, with an optional namespace and keyspace.
 */
public record ClusterIndex(List<Entry> clusters) {
    /** The file name that makes a directory an index of clusters. */
    public static final String FILE_NAME = "ticdcctl.toml";

    private static final Set<String> KEYS = Set.of("context", "server", "namespace", "keyspace");

    /** One cluster: its subdirectory {@code name}, and where it is declared ({@code file:line}). */
    public record Entry(String name, String context, String server, String namespace, String keyspace,
            String declaredAt) {}

    /** Reads an index; every problem is a {@link ConfigException} naming the file and, where known, the line. */
    public static ClusterIndex parse(String text, String file) {
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ParseErrors.position(e) + ": " + ParseErrors.problem(e));
        }
        TomlLocator locator = TomlLocator.scan(text);
        for (Map.Entry<String, JsonNode> top : tree.properties()) {
            if (!top.getKey().equals("clusters")) {
                throw new ConfigException(at(file, locator, TomlLocator.segment(top.getKey())) + ": unknown key '"
                        + top.getKey() + "' (an index has [clusters.NAME] tables)");
            }
        }
        JsonNode clusters = tree.path("clusters");
        if (!clusters.isObject() || clusters.isEmpty()) {
            throw new ConfigException(file + ": no clusters: add a [clusters.NAME] table per subdirectory, with"
                    + " context = \"...\" or server = \"...\"");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> cluster : clusters.properties()) {
            String path = TomlLocator.child("clusters", cluster.getKey());
            entries.add(entry(cluster.getKey(), cluster.getValue(), path, at(file, locator, path), locator, file));
        }
        return new ClusterIndex(List.copyOf(entries));
    }

    private static Entry entry(String name, JsonNode table, String path, String declaredAt, TomlLocator locator,
            String file) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new ConfigException(declaredAt + ": cluster '" + name + "' must be the name of a subdirectory");
        }
        if (!table.isObject()) {
            throw new ConfigException(declaredAt + ": clusters." + name + " must be a table");
        }
        for (Map.Entry<String, JsonNode> key : table.properties()) {
            String where = at(file, locator, TomlLocator.child(path, key.getKey()));
            if (!KEYS.contains(key.getKey())) {
                throw new ConfigException(where + ": unknown key '" + key.getKey() + "' in clusters." + name
                        + " (a cluster has: context, keyspace, namespace, server)");
            }
            if (!key.getValue().isTextual() || key.getValue().textValue().isBlank()) {
                throw new ConfigException(where + ": '" + key.getKey() + "' must be a non-empty string");
            }
        }
        String context = text(table, "context");
        String server = text(table, "server");
        if ((context == null) == (server == null)) {
            throw new ConfigException(declaredAt + ": clusters." + name + " needs either context = \"...\" or"
                    + " server = \"...\"" + (context == null ? "" : ", not both"));
        }
        return new Entry(name, context, server, text(table, "namespace"), text(table, "keyspace"), declaredAt);
    }

    private static String text(JsonNode table, String key) {
        JsonNode v = table.get(key);
        return v == null ? null : v.textValue();
    }

    private static String at(String file, TomlLocator locator, String path) {
        TomlLocator.Position position = locator.position(path);
        return position == null ? file : file + ":" + position.line();
    }
}
