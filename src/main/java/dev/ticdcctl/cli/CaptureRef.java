package dev.ticdcctl.cli;

import dev.ticdcctl.model.Capture;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A capture named on the command line by its ID or by its address ({@code host:port}, as {@code capture list} shows
 * it). TiCDC capture IDs are UUIDs (tiflow cdc/capture/capture.go reset: {@code uuid.New().String()}): one of that shape is
 * used as given, without a request; anything else is looked up with one {@code GET /api/v2/captures}.
 */
public final class CaptureRef {
    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int ADDRESSES_IN_HINT = 10;

    /** What to do instead of draining the owner: the server refuses it (tiflow cdc/api/v2/capture.go drainCapture). */
    public static final String RESIGN_OWNER_FIRST =
            "resign it first with 'ticdcctl owner resign --yes --wait', then drain it";

    /**
     * The capture to act on: its {@code id}, and the list's entry when it was looked up by address ({@code null}
     * when the ID was given).
     */
    public record Target(String id, Capture capture) {
        /** How messages name it: the ID as given, or "address (ID)" when it was given by address. */
        public String label() {
            return capture == null || capture.id().equals(capture.address()) ? id
                    : capture.address() + " (" + id + ")";
        }
    }

    private CaptureRef() {}

    /** The capture {@code value} names; one that matches no capture's ID or address is not found (exit 3). */
    public static Target resolve(ClusterAccess cluster, String value) throws InterruptedException {
        if (UUID.matcher(value).matches()) {
            return new Target(value, null);
        }
        List<Capture> captures = cluster.client().listCaptures().value().items();
        String address = address(value);
        for (Capture capture : captures) {
            if (capture.id().equals(value) || capture.address() != null && address(capture.address()).equals(address)) {
                return new Target(capture.id(), capture);
            }
        }
        throw new CliException.NotFound("no capture has the ID or address '" + value + "'", hint(captures));
    }

    /** An address as compared: without a scheme or a trailing slash (pasted from a URL), the host in lower case. */
    private static String address(String value) {
        return value.replaceFirst("^(?i)https?://", "").replaceFirst("/+$", "").toLowerCase(Locale.ROOT);
    }

    private static String hint(List<Capture> captures) {
        if (captures.isEmpty()) {
            return "the cluster lists no captures; see 'ticdcctl capture list'";
        }
        List<String> addresses = captures.stream().limit(ADDRESSES_IN_HINT)
                .map(c -> c.address() + (c.isOwner() ? " (owner)" : "")).toList();
        String more = captures.size() > ADDRESSES_IN_HINT
                ? " and " + (captures.size() - ADDRESSES_IN_HINT) + " more" : "";
        return "the captures are at " + String.join(", ", addresses) + more + "; see 'ticdcctl capture list'";
    }
}
