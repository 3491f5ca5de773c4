package dev.ticdcctl.cli.cluster;

import dev.ticdcctl.client.ServerDialect;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ARCH and KERNEL columns of {@code status} and {@code version}, after the others' default columns: shown when the
 * server told either (a server that answers neither probe as TiCDC does shows none rather than two unknowns).
 */
final class DialectColumns {
    private DialectColumns() {}

    /** A one-row table of {@code columns} and {@code cells}, with the dialect's columns when it is known. */
    static Table table(List<Column> columns, ServerDialect dialect, Object... cells) {
        if (dialect == null || !dialect.anyKnown()) {
            return new Table(columns.toArray(Column[]::new)).row(cells);
        }
        int at = (int) columns.stream().filter(c -> !c.wideOnly()).count();
        List<Column> all = new ArrayList<>(columns);
        all.addAll(at, List.of(Column.of("ARCH"), Column.of("KERNEL")));
        List<Object> row = new ArrayList<>(Arrays.asList(cells));
        row.addAll(at, List.of(dialect.arch().label(), dialect.kernel().label()));
        return new Table(all.toArray(Column[]::new)).row(row.toArray());
    }
}
