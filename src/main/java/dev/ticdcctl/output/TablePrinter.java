package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** {@code -o table} and {@code -o wide}: resources as tables; documents with no table view as JSON. */
final class TablePrinter implements Printer {
    private final JsonPrinter json;
    private final boolean wide;
    private final boolean headers;
    private final boolean color;
    private final Terminal terminal;

    TablePrinter(JsonPrinter json, boolean wide, boolean headers, boolean color, Terminal terminal) {
        this.json = json;
        this.wide = wide;
        this.headers = headers;
        this.color = color;
        this.terminal = terminal;
    }

    @Override
    public boolean machineReadable() {
        return false;
    }

    @Override
    public String write(JsonNode document, boolean oneLine) {
        return json.write(document, oneLine);
    }

    @Override
    public String resource(JsonNode document, Supplier<Table> table, boolean oneLine, boolean keepSecrets) {
        // Every cell is masked: it may quote a URI from anywhere (a server message, an etcd value).
        return table.get().render(wide, headers, color, terminal.stdout() ? terminal.width() : 0, !keepSecrets);
    }

    @Override
    public String snapshotSeparator() {
        return "\n";
    }
}
