package dev.ticdcctl.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.util.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Makes the owner resign and waits for the election that follows. A lone capture is elected again, so with one
 * capture the wait ends when it is owner once more; otherwise when a different capture is owner.
 */
final class OwnerHandover {
    /** The capture that became owner, and its item of {@code GET /captures} as received. */
    record Elected(Capture owner, JsonNode json, boolean same) {}

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Waiting waiting;

    OwnerHandover(ClusterAccess cluster, Printing printing, Waiting waiting) {
        this.cluster = cluster;
        this.printing = printing;
        this.waiting = waiting;
    }

    Elected resignAndWait() throws InterruptedException {
        List<Capture> captures = cluster.client().listCaptures().value().items();
        String previous = captures.stream().filter(Capture::isOwner).map(Capture::id).findFirst().orElse(null);
        boolean alone = captures.size() == 1;
        if (alone) {
            printing.output().warn("the cluster has one capture: it is elected owner again");
        }
        cluster.client().resignOwner();
        printing.output().progress("owner " + (previous == null ? "(none seen)" : previous)
                + " resigned; waiting for the election");
        Duration timeout = waiting.waitTimeout();
        String[] lastSeen = {"nothing yet"};
        Waiter.Goal goal = new Waiter.Goal(alone ? "the capture to be elected again" : "another capture to become owner",
                () -> lastSeen[0]);
        return waiting.waiter().until(timeout, goal, () -> {
            ApiResult<ListResult<Capture>> result;
            try {
                result = cluster.client().listCaptures();
            } catch (ApiException e) {
                if (e.status() < 500) {
                    throw e;
                }
                lastSeen[0] = "no owner: " + e.getMessage(); // ErrOwnerNotFound while the captures elect one
                return null;
            }
            List<Capture> items = result.value().items();
            for (int i = 0; i < items.size(); i++) {
                Capture capture = items.get(i);
                if (capture.isOwner() && (alone || !capture.id().equals(previous))) {
                    return new Elected(capture, result.json().path("items").path(i),
                            Objects.equals(capture.id(), previous));
                }
            }
            lastSeen[0] = items.stream().filter(Capture::isOwner).map(c -> "owner " + c.id()).findFirst()
                    .orElse("no owner");
            return null;
        }, () -> (alone ? "no capture" : "no other capture") + " became owner within " + Durations.format(timeout) + " (last seen: "
                + lastSeen[0] + ")");
    }
}
