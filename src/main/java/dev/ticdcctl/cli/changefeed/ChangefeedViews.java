package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedStatus;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.RunningError;
import dev.ticdcctl.model.SyncedStatus;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Style;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The table layouts of changefeed resources. */
final class ChangefeedViews {
    private ChangefeedViews() {}

    private static Column state() {
        return Column.code("STATE").styled(Style::ofState);
    }

    // On a narrow terminal IDs are cut in the middle; states, error codes and times are never cut.
    private static final Column ID = Column.id("ID");
    private static final Column CHECKPOINT = Column.code("CHECKPOINT");
    private static final Column ERROR = Column.code("ERROR");
    // The error's message, whole (wide tables are not fitted), escaped and masked like every cell. It is the last
    // column: free text with spaces, after the fixed columns that scripts count with awk.
    private static final Column MESSAGE = Column.wide("MESSAGE");

    static Table list(List<ChangefeedSummary> items, Times clock) {
        Times times = clock.frozen();
        Table table = new Table(ID, Column.wide("NAMESPACE"), state(), CHECKPOINT, Column.wide("CHECKPOINT_TSO"),
                Column.of("LAG"), ERROR, Column.wide("UPSTREAM_ID"), MESSAGE);
        for (ChangefeedSummary cf : items) {
            Instant checkpoint = instant(cf.checkpointTso());
            // The TSO stays a number until its wide-only column is shown.
            table.row(cf.id(), cf.namespace(), cf.state(), times.point(checkpoint),
                    cf.checkpointTso() > 0 ? cf.checkpointTso() : null, lag(times, cf.state(), checkpoint),
                    code(cf.error()), cf.upstreamId(), message(cf.error()));
        }
        return table;
    }

    static Table detail(ChangefeedDetail cf, Times times) {
        Table table = new Table(ID, Column.wide("NAMESPACE"), state(), CHECKPOINT,
                Column.wide("CHECKPOINT_TSO"), Column.of("LAG"), ERROR, Column.wide("START_TS"),
                Column.wide("TARGET_TS"), Column.wide("CREATED"), Column.wide("CREATOR_VERSION"),
                Column.of("SINK_URI"), MESSAGE);
        Instant checkpoint = instant(cf.checkpointTs());
        table.row(cf.id(), cf.namespace(), cf.state(), times.point(checkpoint), tso(cf.checkpointTs()),
                lag(times, cf.state(), checkpoint), code(cf.error()), tso(cf.startTs()), tso(cf.targetTs()),
                times.ago(Times.parseRfc3339(cf.createTime())), cf.creatorVersion(), cf.sinkUri(),
                message(cf.error()));
        return table;
    }

    /** The short summary of {@code get --simple}: state, checkpoint and error. */
    static Table simple(ChangefeedDetail cf, Times times) {
        Table table = new Table(Column.of("ID"), state(), Column.of("CHECKPOINT"), Column.wide("CHECKPOINT_TSO"),
                Column.of("LAG"), Column.of("ERROR"));
        Instant checkpoint = instant(cf.checkpointTs());
        table.row(cf.id(), cf.state(), times.point(checkpoint), tso(cf.checkpointTs()), times.lag(checkpoint),
                code(cf.error()));
        return table;
    }

    /**
     * {@code dispatchers}: the new architecture's dispatcher count, in a column after the others that scripts count
     * ("" when it is not known); null for other servers, which have none (no column).
     */
    static Table status(String id, ChangefeedStatus status, Times times, String dispatchers) {
        List<Column> columns = new ArrayList<>(List.of(ID, state(), CHECKPOINT, Column.wide("CHECKPOINT_TSO"),
                Column.of("LAG"), Column.wide("RESOLVED_TSO"), Column.of("RESOLVED_LAG"), ERROR,
                Column.code("WARNING")));
        Instant checkpoint = instant(status.checkpointTs());
        List<Object> row = new ArrayList<>(Arrays.asList(id, status.state(), times.point(checkpoint),
                tso(status.checkpointTs()), lag(times, status.state(), checkpoint), tso(status.resolvedTs()),
                lag(times, status.state(), instant(status.resolvedTs())), code(status.lastError()),
                code(status.lastWarning())));
        if (dispatchers != null) {
            columns.add(Column.of("DISPATCHERS"));
            row.add(dispatchers);
        }
        columns.add(MESSAGE);
        row.add(message(status.lastError() != null ? status.lastError() : status.lastWarning()));
        return new Table(columns.toArray(Column[]::new)).row(row.toArray());
    }

    static Table synced(String id, SyncedStatus s) {
        Table table = new Table(ID, Column.of("SYNCED").styled(v -> v.equals("true") ? Style.GREEN
                : Style.YELLOW), Column.of("SINK_CHECKPOINT"), Column.of("PULLER_RESOLVED"),
                Column.of("LAST_SYNCED"), Column.of("NOW"), Column.of("INFO"));
        table.row(id, s.synced(), serverTime(s.sinkCheckpointTs()), serverTime(s.pullerResolvedTs()),
                serverTime(s.lastSyncedTs()), serverTime(s.nowTs()), s.info());
        return table;
    }

    /** The wall time of a TSO; null for 0 (no checkpoint yet). */
    static Instant instant(long tso) {
        return tso <= 0 ? null : new Tso(tso).instant();
    }

    /** How far a changefeed is behind now; nothing for a finished one, which is not lagging. */
    private static String lag(Times times, String state, Instant time) {
        return canLag(state) ? times.lag(time) : "";
    }

    /** Whether a changefeed in the server's {@code state}, known or not, can be behind. */
    static boolean canLag(String state) {
        return ChangefeedState.of(state).map(ChangefeedState::canLag).orElse(true);
    }

    private static String tso(long value) {
        return value <= 0 ? "" : Long.toString(value);
    }

    private static String code(RunningError error) {
        return error == null ? "" : error.code();
    }

    private static String message(RunningError error) {
        return error == null ? "" : error.message();
    }

    /** The server writes local times as "yyyy-MM-dd HH:mm:ss.SSS"; a cell must not hold a space. */
    private static String serverTime(String text) {
        return text == null ? "" : text.replace(' ', 'T');
    }
}
