package dev.ticdcctl.cli.top;

import dev.ticdcctl.model.ChangefeedState;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Style;
import dev.ticdcctl.output.TerminalText;
import dev.ticdcctl.output.Times;
import dev.ticdcctl.util.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The screen as lines, a pure function of the model and the screen's size: a header of three lines, then the
 * changefeeds (only the rows on screen are built, however many there are), the captures panel, and the bottom line
 * (a question, the filter being typed, the status, or the keys). The detail and help views replace the lists.
 */
final class TopRenderer {
    /** The keys, as the help view and {@code top --help} list them. */
    static final List<String[]> KEYS = List.of(
            new String[] {"↑/↓, PgUp/PgDn, Home/End", "select a changefeed"},
            new String[] {"Enter", "open its detail view (Esc goes back)"},
            new String[] {"/", "filter by ID with a regex, as --match (empty: all; Esc in the list clears it)"},
            new String[] {"s", "sort: worst first, lag, state, ID"},
            new String[] {"p / r", "pause / resume it, after a confirmation"},
            new String[] {"d", "delete it, after its ID is typed"},
            new String[] {"?", "this help"},
            new String[] {"q, Ctrl-C", "quit"});
    static final int HEADER_LINES = 3;
    private static final String GAP = "  ";

    private final Times times;
    private final boolean color;
    private final Cells cells;

    TopRenderer(Times times, boolean color) {
        this.times = times;
        this.color = color;
        this.cells = new Cells(color);
    }

    /** How many changefeed rows a list view of this height shows. */
    static int listRows(TopModel model, int height) {
        return Math.max(height - HEADER_LINES - 2 - capturesLines(model, height), 1);
    }

    /** The panel's lines (title included) at this height: none on a small screen. */
    private static int capturesLines(TopModel model, int height) {
        if (model.snapshot() == null || height < 14) {
            return 0;
        }
        return 1 + Math.min(model.snapshot().captures().size(), Math.max(height / 6, 1));
    }

    List<String> render(TopModel model, int width, int height) {
        List<String> lines = new ArrayList<>(height);
        header(lines, model, width);
        int room = height - lines.size() - 1;
        switch (model.view()) {
            case HELP -> help(lines, width);
            case DETAIL -> detail(lines, model, width, room);
            case LIST -> {
                changefeeds(lines, model, width, listRows(model, height));
                captures(lines, model, width, capturesLines(model, height));
            }
        }
        while (lines.size() > height - 1) {
            lines.remove(lines.size() - 1);
        }
        while (lines.size() < height - 1) {
            lines.add("");
        }
        lines.add(bottom(model, width));
        return lines;
    }

    /**
     * The server and its version; the cluster's health and what it holds; the refresh (or, once one failed, since
     * when the data is stale and why).
     */
    private void header(List<String> lines, TopModel model, int width) {
        ClusterSnapshot s = model.snapshot();
        lines.add(Cells.cut(model.cluster + (s == null ? "" : " · TiCDC " + TerminalText.escaped(s.version()) + " · "
                + s.architecture() + " architecture, " + s.kernel() + " kernel"), width));
        if (s == null) {
            lines.add(model.failure() == null ? "connecting…" : "not reached yet");
        } else {
            String health = s.health() == null ? "healthy" : "unhealthy: " + TerminalText.message(s.health());
            ClusterSnapshot.CaptureLine owner = s.owner();
            String rest = " · " + s.changefeeds().size() + " changefeeds" + byState(s.changefeeds()) + " · "
                    + s.captures().size() + " captures · owner " + (owner == null ? "none"
                    : TerminalText.escaped(owner.address()) + " (" + TerminalText.escaped(owner.id()) + ")");
            lines.add(cells.style(s.health() == null ? Style.GREEN : Style.RED, Cells.cut(health, width))
                    + Cells.cut(rest, width - health.length()));
        }
        if (model.failure() != null) {
            lines.add(cells.style(Style.RED, Cells.cut("STALE since " + times.point(model.staleSince())
                    + " · refresh at " + times.point(model.failedAt()) + " failed: " + model.failure(), width)));
        } else if (s != null) {
            String shown = model.rows().size() == s.changefeeds().size() ? ""
                    : " · " + model.rows().size() + " shown";
            lines.add(Cells.cut("refreshed " + times.point(s.at()) + " · every " + Durations.format(model.interval)
                    + " · sort: " + model.sort().label + (model.filterText() == null ? ""
                    : " · filter: /" + TerminalText.escaped(model.filterText()) + "/") + shown
                    + (model.readOnly == null ? "" : " · read-only"), width));
        } else {
            lines.add("");
        }
    }

    /** {@code (3 normal, 1 failed)}: the states in the order of their names. */
    private static String byState(List<ChangefeedSummary> changefeeds) {
        Map<String, Integer> counts = new TreeMap<>();
        changefeeds.forEach(cf -> counts.merge(cf.state() == null || cf.state().isEmpty() ? "unknown"
                : TerminalText.escaped(cf.state()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> parts.add(n + " " + state));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** The list's columns, sized for the rows on screen and the width; the message takes what is left. */
    private record Layout(int id, int state, int trend, boolean checkpoint, int error, int message) {
        static Layout of(List<TopModel.Row> rows, int width) {
            int id = 2;
            int state = 5;
            int error = 5;
            for (TopModel.Row row : rows) {
                ChangefeedSummary cf = row.changefeed();
                id = Math.max(id, cf.id().length());
                state = Math.max(state, cf.state() == null ? 0 : cf.state().length());
                error = Math.max(error, cf.error() == null ? 0 : cf.error().code().length());
            }
            id = Math.min(id, Math.max(width / 4, 12));
            state = Math.min(state, 10);
            error = Math.min(error, 30);
            int trend = width >= 100 ? 20 : 12;
            boolean checkpoint = width >= 120;
            int used = id + state + 7 + trend + (checkpoint ? 19 : 0) + error + GAP.length() * (checkpoint ? 6 : 5);
            return new Layout(id, state, trend, checkpoint, error, Math.max(width - used, 0));
        }
    }

    private void changefeeds(List<String> lines, TopModel model, int width, int count) {
        List<TopModel.Row> rows = model.rows();
        List<TopModel.Row> shown = rows.subList(Math.min(model.offset(), rows.size()),
                Math.min(model.offset() + count, rows.size()));
        Layout layout = Layout.of(shown, width);
        List<String> head = new ArrayList<>(List.of(Cells.fit("ID", layout.id()), Cells.fit("STATE", layout.state()),
                Cells.fit("LAG", 7), Cells.fit("TREND (" + Durations.format(LagTrend.WINDOW) + ")", layout.trend())));
        if (layout.checkpoint()) {
            head.add(Cells.fit("CHECKPOINT", 19));
        }
        head.add(Cells.fit("ERROR", layout.error()));
        head.add(Cells.fit("MESSAGE", layout.message()));
        lines.add(cells.style(Style.BOLD, Cells.cut(String.join(GAP, head).stripTrailing(), width)));
        if (rows.isEmpty()) {
            lines.add(model.snapshot() == null ? "" : model.filterText() != null
                    ? "no changefeed matches /" + TerminalText.escaped(model.filterText()) + "/" : "no changefeeds");
        }
        TopModel.Row selected = model.selected();
        Instant at = model.snapshot() == null ? null : model.snapshot().at();
        for (TopModel.Row row : shown) {
            lines.add(row(row, layout, at, width, row == selected));
        }
        for (int i = shown.size(); i < count && !rows.isEmpty(); i++) {
            lines.add("");
        }
    }

    private String row(TopModel.Row row, Layout layout, Instant at, int width, boolean selected) {
        ChangefeedSummary cf = row.changefeed();
        String state = cf.state() == null || cf.state().isEmpty() ? "-" : TerminalText.escaped(cf.state());
        List<String> plain = new ArrayList<>(List.of(Cells.fit(TerminalText.escaped(cf.id()), layout.id()),
                Cells.fit(state, layout.state()), Cells.fit(row.lag() == null ? "-" : Durations.format(row.lag()), 7),
                row.lag() == null && row.trend().size() == 0 ? Cells.fit("", layout.trend())
                        : row.trend().sparkline(layout.trend(), at)));
        if (layout.checkpoint()) {
            plain.add(Cells.fit(cf.checkpointTso() > 0 ? times.point(new Tso(cf.checkpointTso()).instant()) : "-",
                    19));
        }
        plain.add(Cells.fit(cf.error() == null ? "-" : TerminalText.escaped(cf.error().code()), layout.error()));
        plain.add(Cells.fit(cf.error() == null ? "" : TerminalText.message(cf.error().message()), layout.message()));
        String line = String.join(GAP, plain);
        if (selected) {
            // reverse video is no colour: the selection shows with NO_COLOR too
            return Style.REVERSE.apply(Cells.fit(line, width));
        }
        if (line.stripTrailing().codePointCount(0, line.stripTrailing().length()) > width) {
            return Cells.cut(line.stripTrailing(), width); // narrower than the columns: cut, without colours
        }
        plain.set(1, cells.style(Style.ofState(cf.state()), plain.get(1)));
        if (cf.error() != null) {
            plain.set(plain.size() - 2, cells.style(ChangefeedState.healthOf(cf.state())
                    == ChangefeedState.Health.BROKEN ? Style.RED : Style.YELLOW, plain.get(plain.size() - 2)));
        }
        return String.join(GAP, plain).stripTrailing();
    }

    private void captures(List<String> lines, TopModel model, int width, int count) {
        if (count == 0) {
            return;
        }
        List<ClusterSnapshot.CaptureLine> captures = model.snapshot().captures();
        int address = 7;
        for (ClusterSnapshot.CaptureLine c : captures) {
            address = Math.max(address, c.address() == null ? 0 : c.address().length());
        }
        lines.add(cells.style(Style.BOLD, Cells.cut("CAPTURES " + Cells.fit("ADDRESS", address) + GAP + "OWNER"
                + GAP + "PROCESSORS" + GAP + "ID", width)));
        for (int i = 0; i < count - 1; i++) {
            ClusterSnapshot.CaptureLine c = captures.get(i);
            String more = i == count - 2 && captures.size() > count - 1
                    ? " (+" + (captures.size() - count + 1) + " more)" : "";
            lines.add(Cells.cut("         " + Cells.fit(c.address() == null ? "-" : TerminalText.escaped(c.address()),
                    address) + GAP + Cells.fit(c.owner() ? "owner" : "", 5) + GAP
                    + Cells.fit(c.processors() == null ? "-" : c.processors().toString(), 10) + GAP
                    + TerminalText.escaped(c.id()) + more, width));
        }
    }

    private void detail(List<String> lines, TopModel model, int width, int room) {
        String id = model.detailId();
        lines.add(cells.style(Style.BOLD, Cells.cut("changefeed " + TerminalText.escaped(id)
                + " · Esc back · ↑/↓ scroll", width)));
        LagTrend trend = model.trend(id);
        List<String> body = new ArrayList<>();
        if (trend != null && trend.size() > 0) {
            body.add("Lag trend (last " + Durations.format(LagTrend.WINDOW) + ", peak "
                    + Durations.format(trend.peak()) + "):");
            trend.chart(Math.max(width - 2, 1), 4, model.snapshot().at()).forEach(l -> body.add("  " + l));
            body.add("");
        }
        if (model.detail() != null) {
            body.addAll(List.of(model.detail().render(width, color, true).split("\n")));
        } else {
            body.add(model.detailProblem() != null ? cells.style(Style.RED, model.detailProblem()) : "loading…");
        }
        int from = Math.min(model.detailOffset(), Math.max(body.size() - 1, 0));
        for (int i = from; i < body.size() && lines.size() < HEADER_LINES + room; i++) {
            lines.add(body.get(i).contains("\u001b") ? body.get(i) : Cells.cut(body.get(i), width));
        }
    }

    private void help(List<String> lines, int width) {
        lines.add(cells.style(Style.BOLD, "Keys"));
        for (String[] key : KEYS) {
            lines.add(Cells.cut("  " + Cells.fit(key[0], 26) + key[1], width));
        }
        lines.add("");
        lines.add(Cells.cut("TREND: the checkpoint lag of the last " + Durations.format(LagTrend.WINDOW) + ", scaled to"
                + " its largest (at least " + Durations.format(LagTrend.SCALE_FLOOR) + ").", width));
        lines.add(Cells.cut("Any key closes this help.", width));
    }

    private String bottom(TopModel model, int width) {
        TopModel.Question question = model.question();
        if (question != null) {
            String asked = question.action().name().charAt(0) + question.action().verb.substring(1) + " changefeed \""
                    + TerminalText.escaped(question.id()) + "\" of " + model.cluster + "?";
            String answer = question.wantsId() ? " Type its ID: " + TerminalText.escaped(question.typed()) : " [y/N] ";
            // what is typed stays in sight: the cluster's name is cut first
            return cells.style(Style.YELLOW, Cells.cut(asked, Math.max(width - answer.length(), 1))
                    + Cells.cut(answer, width));
        }
        if (model.filterInput() != null) {
            String typing = "/" + TerminalText.escaped(model.filterInput());
            return Cells.cut(typing, width) + (model.statusIsError() ? cells.style(Style.RED,
                    Cells.cut("  " + TerminalText.message(model.status()), width - typing.length())) : "");
        }
        if (!model.status().isEmpty()) {
            return cells.style(model.statusIsError() ? Style.RED : Style.PLAIN,
                    Cells.cut(TerminalText.message(model.status()), width));
        }
        String actions = model.readOnly == null ? " · p pause · r resume · d delete" : " · read-only";
        return cells.style(Style.DIM, Cells.cut("↑↓ select · Enter detail · / filter · s sort" + actions
                + " · ? help · q quit", width));
    }
}
