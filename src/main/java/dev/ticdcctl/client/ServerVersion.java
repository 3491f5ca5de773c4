package dev.ticdcctl.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TiCDC version as {@code GET /status} reports it: {@code v8.5.7}, {@code v8.5.4-release.3}, {@code v26.3.4},
 * {@code v8.5.4-nextgen.202510.8}, or a build of a commit such as {@code v8.5.4-nextgen.202510.5-368-gb813e76f9}.
 * Ordered as semantic versions are: a pre-release (anything after a {@code -}) comes before its release.
 */
public record ServerVersion(int major, int minor, int patch, boolean preRelease) {
    private static final Pattern FORM = Pattern.compile("v?(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(-.*)?");
    private static final ServerVersion NODE_DRAIN = new ServerVersion(8, 5, 7, false);

    /** The version {@code text} names, or null when it is not of that form. */
    public static ServerVersion parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) != null);
    }

    /**
     * Whether the new architecture of this version drains a node: its coordinator moves the node's work away and its
     * liveness reads 1 draining, 2 stopping (ticdc coordinator/drain/controller.go, pkg/liveness/liveness.go, added
     * by ticdc#4522). That came with v8.5.7 (not its pre-releases); v26.3.x and the v9.0.0 betas branched before it.
     * Earlier releases answer the drain route without draining (ticdc api/v1/api.go drainCapture), and their
     * liveness reads 1 stopping.
     */
    public boolean drainsNodes() {
        boolean branchedBefore = major == 26 && minor == 3 || major == 9 && minor == 0 && patch == 0 && preRelease;
        return !branchedBefore && compareTo(NODE_DRAIN) >= 0;
    }

    private int compareTo(ServerVersion other) {
        int c = Integer.compare(major, other.major);
        c = c != 0 ? c : Integer.compare(minor, other.minor);
        c = c != 0 ? c : Integer.compare(patch, other.patch);
        return c != 0 ? c : Boolean.compare(other.preRelease, preRelease);
    }
}
