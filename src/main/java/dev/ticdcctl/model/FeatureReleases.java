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
    /** ... from v7.1.4 in the v7.1 series and v6.5.8 in the v6.5 series (tiflow cdc/api/v2/api.go at those tags). */
    public static final String SYNCED_IN_V7_1 = "v7.1.4";
    public static final String SYNCED_IN_V6_5 = "v6.5.8";
    /** What {@code changefeed synced} needs, as help and hints say it. */
    public static final String SYNCED_NEEDS = "TiCDC " + SYNCED + " or newer (" + SYNCED_IN_V7_1 + " or newer in the"
            + " v7.1 series, " + SYNCED_IN_V6_5 + " or newer in the v6.5 series)";
    /** Client authentication of changes ({@code security.client-user-required}, tiflow cdc/api/v2/api.go, v8.0.0). */
    public static final String AUTHENTICATION = "v8.0.0";

    private FeatureReleases() {}

}
