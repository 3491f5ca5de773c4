package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table scheduling of the new-architecture sandbox over HTTP: the tables route shows which capture runs each span,
 * move_table, move_split_table, split_table_by_region_count and merge_table visibly change it, and each refusal
 * answers as ticdc's maintainer/maintainer_controller_helper.go and api/v2/changefeed.go do.
 */
class TableSchedulingTest extends ContractSupport {
    private static final String CF = "/api/v2/changefeeds/cf-1";

    TableSchedulingTest() {
        super(o -> o.withDialect(ServerDialect.NEW_CLASSIC_KERNEL));
    }

    private void createSplittable() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"scheduler\":"
                + "{\"enable_table_across_nodes\":true}}}");
    }

    /** Capture ID → the table IDs of its spans, as GET tables answers. */
    private Map<String, List<Long>> tables() {
        Resp r = get(CF + "/tables");
        assertEquals(200, r.status(), r::toString);
        JsonNode body = r.json();
        assertEquals(List.of("total", "items"), fieldNames(body));
        assertEquals(body.path("items").size(), body.path("total").asInt());
        Map<String, List<Long>> byNode = new LinkedHashMap<>();
        for (JsonNode item : body.path("items")) {
            assertEquals(List.of("node_id", "table_ids"), fieldNames(item));
            List<Long> ids = new ArrayList<>();
            item.path("table_ids").forEach(id -> ids.add(id.asLong()));
            byNode.put(item.path("node_id").asText(), ids);
        }
        return byNode;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private int dispatchers() {
        Resp r = get(CF + "/get_dispatcher_count");
        assertEquals(200, r.status(), r::toString);
        return r.json().path("count").asInt();
    }

    /** A table (not the DDL span 0) and the capture running it. */
    private Map.Entry<String, Long> someTable() {
        for (Map.Entry<String, List<Long>> e : tables().entrySet()) {
            for (long id : e.getValue()) {
                if (id != 0) {
                    return Map.entry(e.getKey(), id);
                }
            }
        }
        throw new AssertionError("no table");
    }

    private String nodeOf(long table) {
        return tables().entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    @Test
    void the_ddl_span_runs_on_the_maintainer_and_tables_are_spread_over_captures() {
        createSplittable();
        Map<String, List<Long>> tables = tables();
        String maintainer = info("cf-1").path("maintainer_addr").asText();
        long ddlSpans = tables.values().stream().flatMap(List::stream).filter(id -> id == 0).count();
        assertEquals(1, ddlSpans, "one DDL span: " + tables);
        assertTrue(tables.size() > 1, "tables on several captures: " + tables);
        assertEquals(tables.values().stream().mapToInt(List::size).sum(), dispatchers());
        assertTrue(captureIds().contains(nodeOf(0)));
        assertTrue(maintainer.startsWith("127.0.0.1:"), maintainer);
    }

    @Test
    void move_table_moves_a_table_to_the_target_node() {
        createSplittable();
        Map.Entry<String, Long> table = someTable();
        String target = captureIds().stream().filter(c -> !c.equals(table.getKey())).findFirst().orElseThrow();

        assertEmptyOk(post(CF + "/move_table?tableID=" + table.getValue() + "&targetNodeID=" + target, null));

        assertEquals(target, nodeOf(table.getValue()));
        // Already there: 200 again, nothing changes; any capture answers (the real one proxies to the maintainer).
        assertEmptyOk(req("POST", CF + "/move_table?tableID=" + table.getValue() + "&targetNodeID=" + target
                + "&wait=false").on(2).send());
        assertEquals(target, nodeOf(table.getValue()));
    }

    @Test
    void split_spreads_a_table_over_spans_that_merge_and_move_split_table_act_on() {
        createSplittable();
        long table = someTable().getValue();
        int before = dispatchers();

        assertEmptyOk(post(CF + "/split_table_by_region_count?tableID=" + table, null));

        assertEquals(before + TableScheduling.SPLIT_INTO - 1, dispatchers());
        long spans = tables().values().stream().flatMap(List::stream).filter(id -> id == table).count();
        assertEquals(TableScheduling.SPLIT_INTO, spans, "a split table repeats its ID: " + tables());
        assertEmptyOk(post(CF + "/split_table_by_region_count?tableID=" + table, null)); // already split
        assertEquals(before + TableScheduling.SPLIT_INTO - 1, dispatchers());

        // move_table wants exactly one span
        String target = captureIds().get(2);
        assertError(post(CF + "/move_table?tableID=" + table + "&targetNodeID=" + target, null), 500,
                "CDC:ErrTableIsNotFounded", "table is not found%!(EXTRA string=unexpected number of replications"
                        + " found for table in this node; tableID is %s, replication count is %s, int64=" + table
                        + ", int=3)");
        assertEmptyOk(post(CF + "/move_split_table?tableID=" + table + "&targetNodeID=" + target, null));
        assertEquals(List.of(target), tables().entrySet().stream().filter(e -> e.getValue().contains(table))
                .map(Map.Entry::getKey).toList());

        assertEmptyOk(post(CF + "/merge_table?tableID=" + table, null));
        assertEquals(before + TableScheduling.SPLIT_INTO - 2, dispatchers());
        assertEmptyOk(post(CF + "/merge_table?tableID=" + table, null));
        assertEmptyOk(post(CF + "/merge_table?tableID=" + table, null)); // one span: nothing to merge
        assertEquals(before, dispatchers());
    }

    @Test
    void refusals_answer_as_the_maintainer_does() {
        createSplittable();
        long table = someTable().getValue();
        String target = captureIds().get(1);
        assertError(post(CF + "/move_table?tableID=0&targetNodeID=" + target, null), 500,
                "CDC:ErrTableNotSupportMove", "table is not supported to move%!(EXTRA string=tableID, int64=0)");
        assertError(post(CF + "/merge_table?tableID=99", null), 500, "CDC:ErrTableIsNotFounded",
                "table is not found%!(EXTRA string=tableID, int64=99)");
        assertError(post(CF + "/move_table?tableID=" + table + "&targetNodeID=gone", null), 500,
                "CDC:ErrNodeIsNotFound", "node is not found%!(EXTRA string=targetNode, node.ID=gone)");
        assertError(post(CF + "/move_table?tableID=x1&targetNodeID=" + target, null), 500, "",
                "strconv.ParseInt: parsing \"x1\": invalid syntax");
        assertError(post(CF + "/move_table?tableID=" + table + "&targetNodeID=" + target + "&wait=maybe", null), 500,
                "", "strconv.ParseBool: parsing \"maybe\": invalid syntax");
        assertError(post("/api/v2/changefeeds/bad_id/merge_table?tableID=1", null), 400, "CDC:ErrAPIInvalidParam",
                "invalid changefeed_id: bad_id");
        assertError(get("/api/v2/changefeeds/nope/tables"), 500, "", "Can't not find maintainer for changefeed: nope");
        // redo spans of a changefeed without redo: nothing to do
        assertEmptyOk(post(CF + "/move_table?tableID=" + table + "&targetNodeID=gone&mode=1", null));
        assertEquals(0, get(CF + "/get_dispatcher_count?mode=1").json().path("count").asInt());
    }

    @Test
    void split_needs_table_across_nodes_and_a_paused_changefeed_has_no_maintainer() {
        create("{\"changefeed_id\":\"cf-1\",\"sink_uri\":\"blackhole://\"}");
        long table = someTable().getValue();
        assertError(post(CF + "/split_table_by_region_count?tableID=" + table, null), 400, "CDC:ErrAPIInvalidParam",
                "enable_table_across_nodes should be true when spliting one table to multiple spans");
        Resp missing = post("/api/v2/changefeeds/nope/split_table_by_region_count?tableID=1", null);
        assertEquals(500, missing.status(), missing::toString);
        assertEquals("", missing.body(), "the handler panics on the missing changefeed: gin's recovery, no body");

        assertEmptyOk(post(CF + "/pause", null));
        assertTrue(info("cf-1").path("maintainer_addr").isMissingNode(), "a stopped changefeed has no maintainer");
        assertError(post(CF + "/move_table?tableID=" + table + "&targetNodeID=" + captureIds().get(0), null), 500,
                "", "Can't not find maintainer for changefeed: cf-1");
        assertEmptyOk(post(CF + "/resume", null));
        assertNotEquals("", info("cf-1").path("maintainer_addr").asText(""));
    }

    @Test
    void the_v1_drain_moves_every_span_off_a_capture() {
        createSplittable();
        List<String> captures = captureIds();
        String drained = captures.get(1);
        int held = tables().getOrDefault(drained, List.of()).size();
        assertTrue(held > 0, "setup: capture 1 runs spans: " + tables());

        Resp r = req("PUT", "/api/v1/captures/drain").body("{\"capture_id\":\"" + drained + "\"}").on(2).send();

        assertEquals(202, r.status(), r::toString);
        assertEquals("{\"current_table_count\":" + held + "}", r.body());
        assertTrue(!tables().containsKey(drained), "nothing left on the drained capture: " + tables());
        Resp again = req("PUT", "/api/v1/captures/drain").body("{\"capture_id\":\"" + drained + "\"}").send();
        assertEquals("{\"current_table_count\":0}", again.body());
        assertError(req("PUT", "/api/v1/captures/drain").body("{\"capture_id\":\"" + captures.get(0) + "\"}").send(),
                400, "CDC:ErrSchedulerRequestFailed", "scheduler request failed, cannot drain the owner");
        assertError(req("PUT", "/api/v1/captures/drain").body("{\"capture_id\":\"gone\"}").send(), 400,
                "CDC:ErrCaptureNotExist", "capture not exists, gone");
    }
}
