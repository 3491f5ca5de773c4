package dev.ticdcctl.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.Waiter;
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

    private final Services services;

    OwnerHandover(Services services) {
        this.services = services;
    }

    Elected resignAndWait() throws InterruptedException {
        List<Capture> captures = services.client().listCaptures().value().items();
        String previous = captures.stream().filter(Capture::isOwner).map(Capture::id).findFirst().orElse(null);
        boolean alone = captures.size() == 1;
        if (alone) {
            services.output().warn("the cluster has one capture: it is elected owner again");
        }
        services.client().resignOwner();
        services.output().progress("owner " + (previous == null ? "(none seen)" : previous)
                + " resigned; waiting for the election");
        Duration timeout = services.waitTimeout();
        String[] lastSeen = {"nothing yet"};
        Waiter.Goal goal = new Waiter.Goal(alone ? "the capture to be elected again" : "another capture to become owner",
                () -> lastSeen[0]);
        return services.waiter().until(timeout, goal, () -> {
            ApiResult<ListResult<Capture>> result;
            try {
                result = services.client().listCaptures();
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
