package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.output.StatusLine;
import dev.ticdcctl.output.Times;

/** Deletes one changefeed; TiCDC answers only once it is gone. */
final class ChangefeedDeleter {
    private final TicdcClient client;
    /** Where the wait for the owner to remove it shows. */
    private final StatusLine status;
    private final Times times;
    private final boolean ignoreNotFound;

    ChangefeedDeleter(TicdcClient client, StatusLine status, Times times, boolean ignoreNotFound) {
        this.client = client;
        this.status = status;
        this.times = times;
        this.ignoreNotFound = ignoreNotFound;
    }

    /** The changefeed as it is now; null when it does not exist and --ignore-not-found allows that. */
    ApiResult<ChangefeedDetail> find(String namespace, String id) throws InterruptedException {
        try {
            return client.getChangefeed(namespace, id);
        } catch (NotFoundException e) {
            if (!ignoreNotFound) {
                throw e;
            }
            return null;
        }
    }

    /** Deletes the changefeed {@link #find} returned; the outcome shows it as it was. */
    ChangefeedBulk.Outcome delete(String namespace, String id, ApiResult<ChangefeedDetail> current)
            throws InterruptedException {
        if (current == null) {
            return new ChangefeedBulk.Outcome("changefeed \"" + id + "\" does not exist; nothing to delete", null,
                    false);
        }
        // TiCDC answers only once the owner removed it, which may take seconds (tiflow cdc/api/v2/changefeed.go,
        // deleteChangefeed): say so meanwhile.
        status.show("waiting for changefeed \"" + id + "\" to be deleted; last seen: "
                + ChangefeedSettle.seen(current.value(), times));
        try {
            client.deleteChangefeed(namespace, id);
        } finally {
            status.end();
        }
        return new ChangefeedBulk.Outcome("changefeed \"" + id + "\" deleted", current.json(), true);
    }

    ChangefeedBulk.Outcome findAndDelete(String namespace, String id) throws InterruptedException {
        return delete(namespace, id, find(namespace, id));
    }
}
