package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.client.ClientException;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedStatus;
import dev.ticdcctl.model.ProcessorSummary;
import dev.ticdcctl.model.RunningError;
import dev.ticdcctl.output.Page;
import dev.ticdcctl.output.Style;
import dev.ticdcctl.output.Times;
import dev.ticdcctl.util.GoDurations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The page {@code changefeed get} shows on a terminal: the detail, with the last error and warning of its status
 * (with their messages), the tables each capture replicates, and the config in short. Only the detail is required:
 * the other answers are asked for the page's sake, and a failure of one leaves a note in its section.
 */
final class ChangefeedPage {
    /** Table IDs listed per capture; the count says how many there are. */
    private static final int MAX_TABLE_IDS = 20;

    private ChangefeedPage() {}

    static Page of(ClusterAccess cluster, ChangefeedDetail cf, Times times) throws InterruptedException {
        Page page = new Page();
        overview(page, cf, times);
        ChangefeedStatus status = null;
        String statusProblem = null;
        try {
            status = cluster.client().changefeedStatus(cluster.namespace(), cf.id()).value();
        } catch (ClientException e) {
            statusProblem = "unknown: the status could not be read: " + e.getMessage();
        }
        // The status has the error's time; the detail's error has none, and is what is left when the status failed.
        RunningError error = status != null && status.lastError() != null ? status.lastError() : cf.error();
        problem(page.section("Last error"), error, Style.RED, times, null);
        problem(page.section("Last warning"), status == null ? null : status.lastWarning(), Style.YELLOW, times,
                statusProblem);
        processors(page.section("Processors"), cluster, cf);
        config(page.section("Config"), cf.config());
        return page;
    }

    private static void overview(Page page, ChangefeedDetail cf, Times times) {
        Instant checkpoint = ChangefeedViews.instant(cf.checkpointTs());
        boolean finished = !ChangefeedViews.canLag(cf.state());
        page.field("Name", cf.id())
                .field("Namespace", cf.namespace())
                .field("State", cf.state(), Style.ofState(cf.state()))
                .field("Checkpoint", when(times, checkpoint, cf.checkpointTs()))
                // A finished changefeed reached its target-ts: it is not lagging, whatever the clock says.
                .field("Checkpoint lag", finished ? "- (finished)" : times.lag(checkpoint))
                .field("Resolved lag", finished ? "- (finished)" : cf.resolvedTs() > 0
                        ? times.lag(ChangefeedViews.instant(cf.resolvedTs())) : "- (not running)")
                .field("Sink URI", cf.sinkUri())
                .field("Start", when(times, ChangefeedViews.instant(cf.startTs()), cf.startTs()))
                .field("Target", cf.targetTs() > 0
                        ? when(times, ChangefeedViews.instant(cf.targetTs()), cf.targetTs()) : "none")
                .field("Created", at(times, Times.parseRfc3339(cf.createTime())))
                .field("Creator version", cf.creatorVersion())
                .field("Upstream ID", cf.upstreamId());
    }

    /** A time, its age and its TSO: {@code 2024-07-01T10:05:00 (10s ago), TSO 450835120160243717}. */
    private static String when(Times times, Instant time, long tso) {
        return time == null ? "" : at(times, time) + ", TSO " + tso;
    }

    private static String at(Times times, Instant time) {
        return time == null ? "" : times.point(time) + " (" + times.ago(time) + ")";
    }

    private static void problem(Page page, RunningError problem, Style style, Times times, String unknown) {
        if (unknown != null) {
            page.note(unknown);
        } else if (problem == null) {
            page.note("none");
        } else {
            page.field("Code", problem.code(), style)
                    .field("Time", problem.time() != null && Times.parseRfc3339(problem.time()) == null ? "unknown"
                            : at(times, Times.parseRfc3339(problem.time())))
                    .field("Capture", problem.addr())
                    .field("Message", problem.message());
        }
    }

    /** The tables on each capture: from the detail's task status, else from the processors routes. */
    private static void processors(Page page, ClusterAccess cluster, ChangefeedDetail cf) throws InterruptedException {
        // only a running changefeed has processors to ask about (tiflow cdc/api/v2/processor.go getProcessor)
        if (!ChangefeedState.matches(cf.state(), ChangefeedState::isRunning)) {
            page.note("none: the changefeed is not running");
            return;
        }
        Map<String, List<Long>> tables = new LinkedHashMap<>();
        Map<String, Capture> captures;
        try {
            if (cf.taskStatus() != null && !cf.taskStatus().isEmpty()) {
                cf.taskStatus().forEach(t -> tables.put(t.captureId(), t.tableIds() == null ? List.of() : t.tableIds()));
            } else {
                for (ProcessorSummary p : cluster.client().listProcessors().value().items()) {
                    if (cf.id().equals(p.changefeedId())
                            && (p.namespace() == null || p.namespace().equals(cluster.namespace()))) {
                        tables.put(p.captureId(), cluster.client()
                                .getProcessor(cluster.namespace(), cf.id(), p.captureId()).value().tableIds());
                    }
                }
            }
        } catch (ClientException e) {
            page.note("unknown: the processors could not be read: " + e.getMessage());
            return;
        }
        try {
            captures = cluster.client().listCaptures().value().items().stream()
                    .collect(Collectors.toMap(Capture::id, c -> c, (a, b) -> a));
        } catch (ClientException e) {
            captures = Map.of(); // the captures are then named by their IDs
        }
        if (tables.isEmpty()) {
            page.note("none yet: no capture has taken its tables");
        }
        for (Map.Entry<String, List<Long>> capture : tables.entrySet()) {
            Capture known = captures.get(capture.getKey());
            String name = known == null || known.address() == null ? capture.getKey()
                    : known.address() + (known.isOwner() ? " (owner)" : "");
            page.field(name, tables(capture.getValue()));
        }
    }

    /** {@code 3 tables: 80, 81, 82}, the IDs cut after {@link #MAX_TABLE_IDS}. */
    private static String tables(List<Long> ids) {
        String shown = ids.stream().limit(MAX_TABLE_IDS).map(String::valueOf).collect(Collectors.joining(", "));
        String more = ids.size() > MAX_TABLE_IDS ? ", … (" + (ids.size() - MAX_TABLE_IDS) + " more)" : "";
        return ids.size() + (ids.size() == 1 ? " table" : " tables") + (ids.isEmpty() ? "" : ": " + shown + more);
    }

    /** The settings an operator looks for first; the whole config is in {@code -o yaml}. */
    private static void config(Page page, JsonNode config) {
        if (config == null || !config.isObject()) {
            page.note("none in the answer");
            return;
        }
        JsonNode filter = config.path("filter");
        page.field("Filter rules", strings(filter.path("rules")));
        if (filter.path("event_filters").size() > 0) {
            page.field("Event filters", filter.path("event_filters").size() + "");
        }
        JsonNode sink = config.path("sink");
        page.field("Protocol", sink.path("protocol").asText(""));
        List<String> dispatchers = new ArrayList<>();
        for (JsonNode d : sink.path("dispatchers")) {
            StringBuilder rule = new StringBuilder(strings(d.path("matcher"))).append(" →");
            for (String key : List.of("partition", "topic", "index", "columns")) {
                String value = d.path(key).isArray() ? strings(d.path(key)) : d.path(key).asText("");
                if (!value.isEmpty()) {
                    rule.append(' ').append(key).append('=').append(value);
                }
            }
            dispatchers.add(rule.toString());
        }
        if (dispatchers.isEmpty()) {
            page.field("Dispatchers", "none");
        }
        for (int i = 0; i < dispatchers.size(); i++) {
            page.field(i == 0 ? "Dispatchers" : "", dispatchers.get(i));
        }
        if (config.path("bdr_mode").asBoolean(false)) {
            page.field("BDR mode", "on");
        }
        if (config.path("enable_sync_point").asBoolean(false)) {
            page.field("Sync point", "every " + duration(config.path("sync_point_interval"))
                    + ", kept " + duration(config.path("sync_point_retention")));
        }
        String redo = config.path("consistent").path("level").asText("none");
        if (!redo.equals("none")) {
            page.field("Redo log", redo + ", in " + config.path("consistent").path("storage").asText("-"));
        }
    }

    private static String strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }

    /** The API writes durations as Go nanoseconds. */
    private static String duration(JsonNode nanos) {
        return nanos.canConvertToLong() ? GoDurations.format(nanos.asLong()) : nanos.asText("-");
    }
}
