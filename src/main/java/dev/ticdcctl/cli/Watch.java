package dev.ticdcctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.client.ClientException;
import dev.ticdcctl.client.UnauthorizedException;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.output.Style;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.WatchView;
import dev.ticdcctl.util.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Shows a resource every interval until Ctrl-C, which ends the watch with exit 0. The first look must succeed: a
 * wrong server or a missing changefeed fails as without {@code --watch}. After that a failed refresh (the server
 * unreachable, a 5xx, a changefeed gone) is shown and polling goes on, since an incident is when servers blip;
 * only rejected credentials end it, as they do not heal by waiting.
 */
public final class Watch {
    /** One look at the resource: the response as received and its table, each made only when shown. */
    public record Snapshot(Supplier<JsonNode> json, Supplier<Table> table) {}

    /** Takes one snapshot; throws what the client throws. */
    @FunctionalInterface
    public interface Source {
        Snapshot poll() throws InterruptedException;
    }

    private final Output output;
    private final Clock clock;
    private final Environment.Sleeper sleeper;
    private final Duration interval;
    private final String server;
    /** ID to STATE in the last table shown, to spot state changes. */
    private Map<String, String> states;
    private String shownAt;

    Watch(Output output, Clock clock, Environment.Sleeper sleeper, Duration interval, String server) {
        this.output = output;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
        this.server = server;
    }

    public int run(Source source) {
        Thread watcher = Thread.currentThread();
        SignalHandler previous = onInterrupt(s -> watcher.interrupt());
        try {
            Snapshot first = source.poll();
            try (WatchView view = output.watchView()) {
                show(view, first);
                while (true) {
                    sleeper.sleep(interval);
                    Snapshot next;
                    try {
                        next = source.poll();
                    } catch (UnauthorizedException e) {
                        throw e;
                    } catch (ClientException e) {
                        String at = output.times().point(clock.instant());
                        // The status keeps the time of the snapshot still shown; the error says when it came.
                        view.problem(status(shownAt, output.style(Style.RED, "Error at " + at + ": " + ErrorReporter.message(e))),
                                "refresh at " + at + " failed: " + ErrorReporter.message(e) + "; still watching");
                        continue;
                    }
                    show(view, next);
                }
            }
        } catch (InterruptedException e) {
            return ExitCode.OK.code(); // Ctrl-C is how a watch ends
        } finally {
            if (previous != null) {
                onInterrupt(previous);
            }
            Thread.interrupted(); // a Ctrl-C during the last refresh must not outlive the watch
        }
    }

    private void show(WatchView view, Snapshot snapshot) {
        shownAt = output.times().point(clock.instant());
        Supplier<Table> table = snapshot.table();
        String changes = "";
        if (!output.machineReadable()) {
            Table t = snapshot.table().get();
            changes = markStateChanges(t);
            table = () -> t;
        }
        // A table needs no JSON tree: parsing a large list twice per refresh would cost real time.
        String text = output.render(output.machineReadable() ? snapshot.json().get() : null, table, view.appends());
        view.show(status(shownAt, changes.isEmpty() ? "" : output.style(Style.BOLD, "changed: " + changes)), text);
    }

    /** Emphasises the rows whose state differs from the last table shown; returns the changes as text. */
    private String markStateChanges(Table table) {
        Map<String, String> now = new HashMap<>();
        List<String> changes = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            String id = table.cell(row, "ID");
            String state = table.cell(row, "STATE");
            if (id == null || state == null) {
                return "";
            }
            now.put(id, state);
            String before = states == null ? null : states.get(id);
            if (before != null && !before.equals(state)) {
                table.emphasise(row);
                changes.add(id + " " + before + "→" + state);
            }
        }
        states = now;
        return String.join(", ", changes);
    }

    /** The line above the snapshot on a terminal: what is watched, how often, when, and how to stop. */
    private String status(String time, String news) {
        return "Every " + Durations.format(interval) + " · " + server + " · " + time
                + (news.isEmpty() ? "" : " · " + news) + " · Ctrl-C to stop";
    }

    /** Installs a SIGINT handler; null where the JVM does not let us (then Ctrl-C ends the process as usual). */
    private static SignalHandler onInterrupt(SignalHandler handler) {
        try {
            return Signal.handle(new Signal("INT"), handler);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
