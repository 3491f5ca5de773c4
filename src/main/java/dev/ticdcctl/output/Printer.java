package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.client.ApiResult;
import java.util.function.Supplier;

/**
 * How one {@code -o} format, or a {@code --jq} filter, prints what {@link Output} is given; Output picks one printer
 * once. Documents are masked here unless the caller keeps secrets (--show-secrets, exports that hold them).
 */
interface Printer {
    /** The printer for the user's {@code -o} and {@code --jq}. */
    static Printer of(Output.Options options, Terminal terminal, Supplier<ObjectMapper> mapper) {
        JsonPrinter json = new JsonPrinter(mapper);
        Printer format = switch (options.format()) {
            case json -> json;
            case yaml -> new YamlPrinter();
            // toml is changefeed export's own; anything else shows tables
            case table, wide, toml -> new TablePrinter(json, options.format() == Format.wide, !options.noHeaders(),
                    options.color(), terminal);
        };
        return options.jq() == null ? format : new JqPrinter(options.jq(), json, format);
    }

    /** True for machine output (json, yaml or a jq filter) rather than tables and messages. */
    default boolean machineReadable() {
        return true;
    }

    /** A document as this format writes it; with {@code oneLine} a JSON document takes one line (JSON Lines). */
    String write(JsonNode json, boolean oneLine);

    /** A document with no table view, such as a raw API answer: masked unless {@code keepSecrets}. */
    default String document(JsonNode json, boolean keepSecrets, boolean oneLine) {
        // Changefeed configs come back with Kafka, Pulsar and MySQL credentials in clear: never print them.
        if (!keepSecrets) {
            Secrets.maskTree(json);
        }
        return write(json, oneLine);
    }

    /** A resource: its document, or the table the supplier builds ({@code json} may then be null). */
    default String resource(JsonNode json, Supplier<Table> table, boolean oneLine, boolean keepSecrets) {
        return document(json, keepSecrets, oneLine);
    }

    /** A resource given as the answer received. */
    default String resource(ApiResult<?> answer, Supplier<Table> table) {
        return resource(machineReadable() ? answer.json() : null, table, false, false); // a table never needs the tree
    }

    /** A document as JSON or YAML, following {@code -o} only (no filter, no table). */
    default String text(JsonNode json) {
        return write(json, false);
    }

    /** What goes between two snapshots of a watch appended to a pipe or a file. */
    String snapshotSeparator();
}
