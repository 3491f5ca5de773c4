package dev.ticdcctl.sandbox;

/**
 * The new server's keyspace of a request. The classic kernel has one, {@code default}, and ignores the query
 * parameter (ticdc api/v2/changefeed.go GetKeyspaceValueWithDefault). The next-gen kernel requires {@code ?keyspace=}
 * on the routes that check it and refuses a missing or unknown one before authentication, with the raw error object
 * of the release tags (ticdc api/middleware/middleware.go KeyspaceCheckerMiddleware); other routes take the given
 * value unchecked, {@code default} when absent.
 */
final class Keyspaces {
    static final String DEFAULT = "default";
    static final String ENABLED = "ENABLED";

    private Keyspaces() {}

    static String resolve(Cluster cluster, Request r, boolean checked) {
        if (!cluster.dialect.nextGen()) {
            return DEFAULT;
        }
        String given = r.query("keyspace");
        if (!checked) {
            return given.isEmpty() ? DEFAULT : given;
        }
        if (given.isEmpty() || !cluster.store.read(s -> s.keyspaces.containsKey(given))) {
            throw ApiError.rawInvalidParam();
        }
        return given;
    }

    /**
     * Create, update and resume refuse a keyspace that is not {@code ENABLED}, with the same raw body (ticdc
     * api/v2/changefeed.go CreateChangefeed, UpdateChangefeed, ResumeChangefeed). Always enabled on the classic
     * kernel.
     */
    static void requireEnabled(ClusterState s, String keyspace) {
        if (s.dialect().nextGen() && !ENABLED.equals(s.keyspaces.get(keyspace))) {
            throw ApiError.rawInvalidParam();
        }
    }
}
