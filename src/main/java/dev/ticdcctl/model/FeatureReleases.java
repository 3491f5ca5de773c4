package dev.ticdcctl.model;

/**
 * The TiCDC releases where features of the OpenAPI v2 begin, read from tiflow's release tags, for the descriptions
 * and hints that name a version (constants, so that option descriptions can use them).
 */
public final class FeatureReleases {
    /** The {@code namespace} query parameter (tiflow#9043, v7.2.0); v7.1 ignores it and uses {@code default}. */
    public static final String NAMESPACES = "v7.2.0";
    /** {@code GET /changefeeds/{id}/synced}, from v7.5.1 ... */
    public static final String SYNCED = "v7.5.1";
    /** ... and from v7.1.4 in the v7.1 series (tiflow cdc/api/v2/api.go at those tags). */
    public static final String SYNCED_IN_V7_1 = "v7.1.4";
    /** Client authentication of changes ({@code security.client-user-required}, tiflow cdc/api/v2/api.go, v8.0.0). */
    public static final String AUTHENTICATION = "v8.0.0";

    private FeatureReleases() {}

    /** "TiCDC v7.5.1 or newer (v7.1.4 or newer in the v7.1 series)": what {@code changefeed synced} needs. */
    public static String syncedNeeds() {
        return "TiCDC " + SYNCED + " or newer (" + SYNCED_IN_V7_1 + " or newer in the v7.1 series)";
    }
}
