package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.CaptureRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.TableRoutes;
import dev.ticdcctl.model.NodeTableInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flow of the commands that move load between captures: check the architecture, name the target, show where the
 * table runs now and ask (on a terminal; {@code --yes} off one), act, then show where it runs after.
 */
abstract class TableOperationCommand implements Callable<Integer> {
    @Mixin
    TableOptions table;

    /** The command's name as messages quote it, the question's verb ("move") and the result's ("moved"). */
    record Wording(String name, String verb, String done) {}

    /** The capture a move goes to, as {@code cdc cli} spells the option. */
    static final class TargetNode {
        @Option(names = {"-d", "--target-node-id"}, paramLabel = "NODE", required = true,
                description = "The capture to move it to: its ID or address, as 'capture list' shows them.")
        String node;
    }

    final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Wording wording;

    TableOperationCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Wording wording) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.wording = wording;
    }

    /** The target node as given, or null for commands without one. */
    String targetNode() {
        return null;
    }

    /** Sends the operation. */
    abstract void operate(TableRoutes routes, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException;

    /** Waits after the operation, if the command does; false when it returned without waiting. */
    boolean await(TableScheduler scheduler, long tableId, String targetId, TableRoutes.Mode mode)
            throws InterruptedException {
        return true;
    }

    @Override
    public final Integer call() throws InterruptedException {
        String id = table.ref.id();
        long tableId = table.table();
        TableRoutes.Mode mode = table.mode();
        confirmations.prompter().ensureCanConfirm();
        TableScheduler scheduler = TableScheduler.open(cluster, id, wording.name());
        String given = targetNode();
        CaptureRef.Target target = given == null ? null : scheduler.target(given);
        Map<String, String> addresses = scheduler.addresses();
        String now = placement(scheduler, addresses, tableId, mode);
        String onto = target == null ? "" : " to " + label(addresses, target.id());
        String subject = " table " + tableId + " of changefeed \"" + id + "\"";
        confirmations.prompter().confirm(capitalized(wording.verb()) + subject + onto + " on " + cluster.name()
                + "? It runs " + now + ".", "table " + tableId + " was not " + wording.done());
        String targetId = target == null ? null : target.id();
        scheduler.run(tableId, given, () -> {
            operate(scheduler.routes(), tableId, targetId, mode);
            return null;
        });
        boolean finished = await(scheduler, tableId, targetId, mode);
        String after = finished ? "; it runs " + placement(scheduler, addresses, tableId, mode)
                : "; the server is scheduling it (see 'ticdcctl changefeed tables " + id + "')";
        ObjectNode resource = printing.mapper().createObjectNode().put("changefeed_id", id).put("table_id", tableId)
                .put("mode", mode.name().toLowerCase(Locale.ROOT));
        if (targetId != null) {
            resource.put("target_node_id", targetId);
        }
        printing.output().result(capitalized(wording.done()) + subject + onto + after, resource);
        return ExitCode.OK.code();
    }

    /** "on 127.0.0.1:8300 (2 spans), 127.0.0.1:8301", or that no capture lists it. */
    private static String placement(TableScheduler scheduler, Map<String, String> addresses, long tableId,
            TableRoutes.Mode mode) throws InterruptedException {
        List<NodeTableInfo> nodes = scheduler.run(tableId, null, () -> scheduler.routes().tables(mode)).value()
                .items();
        Map<String, Long> spans = TableScheduler.nodesOf(nodes, tableId).stream()
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
        if (spans.isEmpty()) {
            return "on no capture (the changefeed lists no such table" + (mode == TableRoutes.Mode.REDO
                    ? " among its redo dispatchers)" : ")");
        }
        return "on " + spans.entrySet().stream().map(e -> label(addresses, e.getKey())
                + (e.getValue() > 1 ? " (" + e.getValue() + " spans)" : "")).collect(Collectors.joining(", "));
    }

    static String label(Map<String, String> addresses, String nodeId) {
        String address = addresses.get(nodeId);
        return address == null || address.equals(nodeId) ? nodeId : address + " (" + nodeId + ")";
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
