package dev.ticdcctl.cli.top;

import dev.ticdcctl.model.ChangefeedSummary;
import java.time.Instant;
import java.util.List;

/**
 * One look at the cluster, taken by the refresher: what the header, the changefeed list and the captures panel show.
 * {@code health} is null when the cluster answered healthy, else what it answered.
 */
public record ClusterSnapshot(Instant at, String version, String architecture, String kernel, String health,
        List<CaptureLine> captures, List<ChangefeedSummary> changefeeds) {

    /** A capture of the panel; {@code processors} is null when the server did not say. */
    public record CaptureLine(String id, String address, boolean owner, Integer processors) {}

    /** The owner, or null while the cluster has none. */
    public CaptureLine owner() {
        return captures.stream().filter(CaptureLine::owner).findFirst().orElse(null);
    }
}
