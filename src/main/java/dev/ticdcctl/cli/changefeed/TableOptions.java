package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.client.TableRoutes;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The changefeed, the table and the span kind a table-scheduling command acts on, spelled as {@code cdc cli} does. */
final class TableOptions {
    @Mixin
    ChangefeedRef ref;

    @Option(names = {"-t", "--table-id"}, paramLabel = "TABLE_ID", required = true,
            description = "The table's ID, as 'changefeed tables' lists it.")
    long tableId;

    @Mixin
    SpanMode spans;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The table, checked: 0 is the DDL span, which the server never moves, splits or merges. */
    long table() {
        if (tableId <= 0) {
            throw new ParameterException(spec.commandLine(), "--table-id must be a table's ID (a positive number): "
                    + (tableId == 0 ? "0 is the DDL span, which stays on the changefeed's maintainer" : tableId));
        }
        return tableId;
    }

    TableRoutes.Mode mode() {
        return spans.mode();
    }

    /** Which dispatchers: the sink's or the redo log's. */
    static final class SpanMode {
        @Option(names = "--mode", paramLabel = "sink|redo", defaultValue = "sink",
                description = "The sink's dispatchers (default) or the redo log's; 0 and 1 as cdc cli spells them.")
        String value;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        TableRoutes.Mode mode() {
            return switch (value) {
                case "sink", "0" -> TableRoutes.Mode.SINK;
                case "redo", "1" -> TableRoutes.Mode.REDO;
                default -> throw new ParameterException(spec.commandLine(), "--mode must be sink or redo (or 0 or 1),"
                        + " not '" + value + "'");
            };
        }
    }
}
