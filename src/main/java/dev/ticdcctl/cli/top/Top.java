package dev.ticdcctl.cli.top;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.output.Page;
import dev.ticdcctl.output.Times;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;

/**
 * The dashboard's threads: the UI thread (the caller) applies events to the model and draws; a thread reads keys,
 * another refreshes, and a worker runs the actions and loads detail pages. Every change of the model is an event
 * run on the UI thread, so the model needs no locks and a slow server never holds up a key.
 */
public final class Top {
    /** How long a read of the keys waits before it checks whether top ended. */
    private static final long KEY_POLL_MILLIS = 100;

    /** {@code readOnly}: why actions are refused, or null when they are allowed. */
    public record Options(Duration interval, String readOnly, boolean color) {}

    private final ClusterAccess cluster;
    private final TopActions actions;
    private final Clock clock;
    private final Environment.Sleeper sleeper;
    private final Times times;
    private final Options options;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();

    public Top(ClusterAccess cluster, TopActions actions, Clock clock, Environment.Sleeper sleeper, Times times,
            Options options) {
        this.cluster = cluster;
        this.actions = actions;
        this.clock = clock;
        this.sleeper = sleeper;
        this.times = times;
        this.options = options;
    }

    /** Runs on {@code terminal} until q or Ctrl-C; the terminal is restored however it ends. */
    public int run(Terminal terminal) throws InterruptedException {
        TopModel model = new TopModel(cluster.name(), options.interval(), options.readOnly());
        TopRenderer renderer = new TopRenderer(times, options.color());
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon("ticdcctl-top-worker", r));
        Work work = new Work(model, worker);
        TopKeys keys = new TopKeys(model, work);
        Refresher refresher = new Refresher(cluster, clock, sleeper, options.interval(), new Refresher.Listener() {
            @Override
            public void refreshed(ClusterSnapshot snapshot) {
                events.add(() -> {
                    model.refreshed(snapshot);
                    if (model.view() == TopModel.View.DETAIL) {
                        work.loadDetail(model.detailId()); // the page follows the list
                    }
                });
            }

            @Override
            public void failed(String error, Instant at) {
                events.add(() -> model.refreshFailed(error, at));
            }
        });
        try (TopScreen screen = TopScreen.open(terminal, () -> events.add(() -> { }))) {
            Thread refreshing = daemon("ticdcctl-top-refresh", refresher);
            Thread reader = daemon("ticdcctl-top-keys", () -> readKeys(screen, model, keys));
            refreshing.start();
            reader.start();
            try {
                draw(screen, renderer, model);
                while (!model.quitting()) {
                    Runnable event = events.take();
                    do {
                        event.run();
                    } while (!model.quitting() && (event = events.poll()) != null);
                    if (!model.quitting()) {
                        draw(screen, renderer, model);
                    }
                }
            } finally {
                refresher.stop();
                refreshing.interrupt();
                reader.interrupt();
                worker.shutdownNow();
                reader.join(); // it must not read the terminal once top gave it back
            }
        }
        return ExitCode.OK.code();
    }

    private void draw(TopScreen screen, TopRenderer renderer, TopModel model) {
        Size size = screen.size();
        model.pageSize(TopRenderer.listRows(model, size.getRows()));
        screen.draw(renderer.render(model, size.getColumns(), size.getRows()));
    }

    /** Reads keys until top ends; each is an event, so that it acts on the model as drawn. */
    private void readKeys(TopScreen screen, TopModel model, TopKeys keys) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Key key = Key.read(screen::read, KEY_POLL_MILLIS);
                if (key != null) {
                    events.add(() -> keys.press(key));
                    if (key.kind() == Key.Kind.INTERRUPT) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            events.add(model::quit); // the terminal is gone: nobody is looking any more
        }
    }

    /** Actions and detail pages, run by the worker; their results come back as events. */
    private final class Work implements TopKeys.Effects {
        private final TopModel model;
        private final ExecutorService worker;

        Work(TopModel model, ExecutorService worker) {
            this.model = model;
            this.worker = worker;
        }

        @Override
        public void perform(Action action, String id) {
            worker.execute(() -> {
                try {
                    String result = actions.perform(action, id);
                    events.add(() -> model.status(result, false));
                } catch (InterruptedException e) {
                    // top ended
                } catch (Exception e) {
                    events.add(() -> model.status("cannot " + action.verb + " changefeed \"" + id + "\": "
                            + ErrorReporter.message(e), true));
                }
            });
        }

        @Override
        public void loadDetail(String id) {
            worker.execute(() -> {
                try {
                    Page page = actions.page(id);
                    events.add(() -> model.detailLoaded(id, page, null));
                } catch (InterruptedException e) {
                    // top ended
                } catch (Exception e) {
                    events.add(() -> model.detailLoaded(id, null, "cannot read changefeed \"" + id + "\": "
                            + ErrorReporter.message(e)));
                }
            });
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
