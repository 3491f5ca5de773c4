package dev.ticdcctl.sandbox;

import java.util.Locale;

/**
 * The hosts a sink cannot reach in the simulation. RFC 2606 reserves ".invalid": such a name can never resolve, so
 * opening a sink there fails as a failed DNS lookup does in TiCDC's sink factories, and every other host connects.
 */
final class UnreachableHosts {
    private UnreachableHosts() {}

    static boolean contains(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.equals("invalid") || h.endsWith(".invalid");
    }

    /** Go's net error for the lookup, as the sink factories wrap it. */
    static String lookupFailure(String host) {
        return "dial tcp: lookup " + host + ": no such host";
    }
}
