package dev.ticdcctl.cli.top;

import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ErrorReporter;
import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.ServerDialect;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.ProcessorSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the cluster every interval on its own thread, so that the UI thread only reads keys and draws; each request
 * is bounded by the client's {@code --timeout}. Every snapshot or failure is handed to the UI thread as an event.
 */
final class Refresher implements Runnable {
    /** Where the refresher reports, on its own thread; the receiver passes it to the UI thread. */
    interface Listener {
        void refreshed(ClusterSnapshot snapshot);

        void failed(String error, Instant at);
    }

    private final ClusterAccess cluster;
    private final Clock clock;
    private final Environment.Sleeper sleeper;
    private final Duration interval;
    private final Listener listener;
    private volatile boolean stopped;

    Refresher(ClusterAccess cluster, Clock clock, Environment.Sleeper sleeper, Duration interval, Listener listener) {
        this.cluster = cluster;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
        this.listener = listener;
    }

    /** Ends the loop after the request under way, even if the client swallowed the interrupt that came with it. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                try {
                    listener.refreshed(fetch());
                } catch (RuntimeException e) { // ClientException and its kinds among them
                    // a refresh that fails keeps the dashboard up, the last snapshot marked stale
                    if (!stopped) {
                        listener.failed(ErrorReporter.message(e), clock.instant());
                    }
                }
                sleeper.sleep(interval);
            }
        } catch (InterruptedException e) {
            // top ended
        }
    }

    /** One look at the cluster: the changefeeds (the list is read as it streams in), captures, server and health. */
    ClusterSnapshot fetch() throws InterruptedException {
        TicdcClient client = cluster.client();
        List<ChangefeedSummary> changefeeds = client.listChangefeeds(cluster.namespace(), null).value().items();
        List<Capture> captures = client.listCaptures().value().items();
        ServerDialect dialect = client.dialect();
        // the new architecture's processor routes answer empty whatever runs: it has nothing to count there
        Map<String, Integer> processors = dialect.arch() == ServerDialect.Arch.NEW ? null : processors(client);
        String version = client.status().value().version();
        String health = health(client);
        List<ClusterSnapshot.CaptureLine> lines = new ArrayList<>(captures.size());
        for (Capture c : captures) {
            lines.add(new ClusterSnapshot.CaptureLine(c.id(), c.address(), c.isOwner(),
                    processors == null ? null : processors.getOrDefault(c.id(), 0)));
        }
        return new ClusterSnapshot(clock.instant(), version, dialect.arch().label(), dialect.kernel().label(), health,
                lines, changefeeds);
    }

    /** The processors (changefeeds replicated) per capture ID; null when the server does not say. */
    private static Map<String, Integer> processors(TicdcClient client) throws InterruptedException {
        try {
            Map<String, Integer> counts = new HashMap<>();
            for (ProcessorSummary p : client.listProcessors().value().items()) {
                counts.merge(p.captureId(), 1, Integer::sum);
            }
            return counts;
        } catch (ApiException e) {
            return null;
        }
    }

    /** Null when healthy; an unhealthy cluster answers with an error, which is what the header shows. */
    private static String health(TicdcClient client) throws InterruptedException {
        try {
            client.health();
            return null;
        } catch (ApiException e) {
            return ErrorReporter.message(e);
        }
    }
}
