package dev.ticdcctl.cli.top;

import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the dashboard shows and where the user is in it: the last snapshot (kept when a refresh fails, then stale),
 * the lag trend of every changefeed, the rows as filtered and sorted, the selection (by ID, so that it stays on its
 * changefeed when rows move), the view, the question being asked and the status line. Changed by the UI thread only.
 */
final class TopModel {
    enum View { LIST, DETAIL, HELP }

    /** A changefeed as listed: {@code lag} is null for one that cannot lag (finished) or has no checkpoint yet. */
    record Row(ChangefeedSummary changefeed, Duration lag, LagTrend trend) {}

    /** A question on the bottom line: confirm {@code action} on {@code id}; a delete wants the ID typed. */
    record Question(Action action, String id, String typed) {
        boolean wantsId() {
            return action == Action.DELETE;
        }
    }

    /** Why actions are refused, as the user set it ({@code --read-only}, or a context); null when they are allowed. */
    final String readOnly;
    /** The cluster as confirmations name it. */
    final String cluster;
    final Duration interval;

    private ClusterSnapshot snapshot;
    private String failure;
    private Instant failedAt;
    private Instant staleSince;
    private final Map<String, LagTrend> trends = new HashMap<>();
    private List<Row> all = List.of();
    private List<Row> rows = List.of();
    private Sort sort = Sort.WORST;
    private Pattern filter;
    private String selectedId;
    private int offset;
    private int pageSize = 1;
    private View view = View.LIST;
    private String filterInput;
    private Question question;
    private String status = "";
    private boolean statusIsError;
    private String detailId;
    private Page detail;
    private String detailProblem;
    private int detailOffset;
    private boolean quit;

    TopModel(String cluster, Duration interval, String readOnly) {
        this.cluster = cluster;
        this.interval = interval;
        this.readOnly = readOnly;
    }

    /** Takes a snapshot: the rows, their lags as of its time, and a sample for each trend. */
    void refreshed(ClusterSnapshot next) {
        snapshot = next;
        failure = null;
        failedAt = null;
        staleSince = null;
        List<Row> fresh = new ArrayList<>(next.changefeeds().size());
        Map<String, LagTrend> kept = new HashMap<>();
        for (ChangefeedSummary cf : next.changefeeds()) {
            LagTrend trend = trends.getOrDefault(cf.id(), new LagTrend());
            Duration lag = lag(cf, next.at());
            if (lag != null) {
                trend.add(next.at(), lag);
            }
            kept.put(cf.id(), trend);
            fresh.add(new Row(cf, lag, trend));
        }
        trends.clear();
        trends.putAll(kept); // a deleted changefeed's trend goes with it
        all = fresh;
        arrange();
    }

    /** A refresh failed: the last snapshot stays, marked stale since the first failure after it. */
    void refreshFailed(String error, Instant at) {
        failure = error;
        failedAt = at;
        if (staleSince == null) {
            staleSince = snapshot == null ? at : snapshot.at();
        }
    }

    private static Duration lag(ChangefeedSummary cf, Instant now) {
        boolean canLag = ChangefeedState.of(cf.state()).map(ChangefeedState::canLag).orElse(true);
        return !canLag || cf.checkpointTso() <= 0 ? null
                : Duration.between(new Tso(cf.checkpointTso()).instant(), now);
    }

    /** Filters and sorts the rows again, keeping the selection on its changefeed where it is still listed. */
    private void arrange() {
        List<Row> shown = new ArrayList<>(all.size());
        for (Row row : all) {
            if (filter == null || filter.matcher(row.changefeed().id()).find()) {
                shown.add(row);
            }
        }
        shown.sort(sort.comparator());
        int before = selectedIndex();
        rows = shown;
        int at = indexOf(selectedId);
        select(at < 0 ? before : at); // a changefeed gone (deleted, filtered out) leaves the selection where it was
    }

    private int indexOf(String id) {
        for (int i = 0; id != null && i < rows.size(); i++) {
            if (rows.get(i).changefeed().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The selected row's index, 0 when nothing is selected. */
    int selectedIndex() {
        return Math.max(indexOf(selectedId), 0);
    }

    /** Selects the row at {@code index} (clamped), scrolling so that it is on the page. */
    void select(int index) {
        if (rows.isEmpty()) {
            selectedId = null;
            offset = 0;
            return;
        }
        int at = Math.max(0, Math.min(index, rows.size() - 1));
        selectedId = rows.get(at).changefeed().id();
        if (at < offset) {
            offset = at;
        } else if (at >= offset + pageSize) {
            offset = at - pageSize + 1;
        }
        offset = Math.max(0, Math.min(offset, Math.max(rows.size() - pageSize, 0)));
    }

    void move(int by) {
        select(selectedIndex() + by);
    }

    /** How many rows the screen shows, set by the loop before each key from the screen's height. */
    void pageSize(int rowsOnScreen) {
        pageSize = Math.max(rowsOnScreen, 1);
        select(selectedIndex());
    }

    int pageSize() {
        return pageSize;
    }

    void cycleSort() {
        sort = sort.next();
        arrange();
    }

    /** Filters by ID with {@code regex} (as {@code --match}); an empty one shows everything. */
    void filter(String regex) {
        filter = regex.isEmpty() ? null : Pattern.compile(regex);
        offset = 0;
        arrange();
    }

    Row selected() {
        int at = indexOf(selectedId);
        return at < 0 ? null : rows.get(at);
    }

    /** The trend of changefeed {@code id}, or null when it is not listed. */
    LagTrend trend(String id) {
        return trends.get(id);
    }

    void status(String text, boolean error) {
        status = text;
        statusIsError = error;
    }

    void open(View next) {
        view = next;
    }

    void openDetail(String id) {
        if (!id.equals(detailId)) {
            detail = null;
            detailProblem = null;
            detailOffset = 0;
        }
        detailId = id;
        view = View.DETAIL;
    }

    void closeDetail() {
        view = View.LIST;
        detailId = null;
        detail = null;
        detailProblem = null;
    }

    /** The page of the detail view arrived; ignored when the view moved on meanwhile. */
    void detailLoaded(String id, Page page, String problem) {
        if (id.equals(detailId)) {
            detail = page;
            detailProblem = problem;
        }
    }

    void scrollDetail(int by) {
        detailOffset = Math.max(0, detailOffset + by);
    }

    void ask(Question next) {
        question = next;
    }

    void editFilter(String text) {
        filterInput = text;
    }

    void quit() {
        quit = true;
    }

    ClusterSnapshot snapshot() {
        return snapshot;
    }

    String failure() {
        return failure;
    }

    Instant failedAt() {
        return failedAt;
    }

    Instant staleSince() {
        return staleSince;
    }

    List<Row> rows() {
        return rows;
    }

    int offset() {
        return offset;
    }

    Sort sort() {
        return sort;
    }

    String filterText() {
        return filter == null ? null : filter.pattern();
    }

    View view() {
        return view;
    }

    String filterInput() {
        return filterInput;
    }

    Question question() {
        return question;
    }

    String status() {
        return status;
    }

    boolean statusIsError() {
        return statusIsError;
    }

    String detailId() {
        return detailId;
    }

    Page detail() {
        return detail;
    }

    String detailProblem() {
        return detailProblem;
    }

    int detailOffset() {
        return detailOffset;
    }

    boolean quitting() {
        return quit;
    }
}
