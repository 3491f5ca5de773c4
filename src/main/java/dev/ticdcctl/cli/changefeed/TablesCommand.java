package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.TableRoutes;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.model.NodeTableInfo;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.Table.Column;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "tables",
        description = {"Show which capture runs each table of a changefeed (new architecture only).",
            "One row per capture: its address and ID, how many dispatchers (spans) it runs and the tables; 'ddl' is"
                + " the DDL span on the changefeed's maintainer and 101x3 a table split into 3 spans. The"
                + " changefeed's dispatcher count follows the table. -o json prints the server's answer as received.",
            "A classic server does not schedule tables this way: the command says so and requests no table route."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed tables orders", "  # the redo log's dispatchers",
            "  ticdcctl changefeed tables orders --mode redo", "  # the capture IDs running table 101",
            "  ticdcctl changefeed tables orders -o json \\",
            "      --jq '.items[] | select(.table_ids | index(101)) | .node_id'"})
final class TablesCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Mixin
    TableOptions.SpanMode spans;

    private final ClusterAccess cluster;
    private final Printing printing;

    TablesCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        TableRoutes.Mode mode = spans.mode();
        TableScheduler scheduler = TableScheduler.open(cluster, id, "tables");
        ApiResult<ListResult<NodeTableInfo>> result = scheduler.run(0, null, () -> scheduler.routes().tables(mode));
        if (printing.output().machineReadable()) {
            printing.output().resource(result, null);
            return ExitCode.OK.code();
        }
        Map<String, String> addresses = scheduler.addresses();
        List<NodeTableInfo> nodes = result.value().items().stream()
                .sorted(Comparator.comparing((NodeTableInfo n) -> addresses.getOrDefault(n.nodeId(), "~"))
                        .thenComparing(NodeTableInfo::nodeId))
                .toList();
        printing.output().resource(result, () -> {
            Table table = new Table(Column.of("ADDRESS"), Column.id("CAPTURE_ID"), Column.of("DISPATCHERS"),
                    Column.of("TABLES"));
            nodes.forEach(n -> table.row(addresses.getOrDefault(n.nodeId(), "(not a live capture)"), n.nodeId(),
                    n.tableIds().size(), tables(n.tableIds())));
            return table;
        });
        int count = scheduler.run(0, null, () -> scheduler.routes().dispatcherCount(mode).value().count());
        printing.output().data("Dispatchers: " + count);
        return ExitCode.OK.code();
    }

    /** "ddl, 101, 102x3": the DDL span first, then each table once with its span count when split. */
    static String tables(List<Long> ids) {
        Map<Long, Integer> spans = new TreeMap<>();
        ids.forEach(t -> spans.merge(t, 1, Integer::sum));
        return spans.entrySet().stream()
                .map(e -> (e.getKey() == NodeTableInfo.DDL_SPAN ? "ddl" : e.getKey().toString())
                        + (e.getValue() > 1 ? "x" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }
}
