package dev.ticdcctl.sandbox;

/**
 * Which TiCDC server the sandbox answers as, chosen at start and kept in its state. Two axes: the architecture
 * (tiflow's classic server or pingcap/ticdc's new one) and, for the new one, the kernel (classic: one implicit
 * keyspace {@code default}; next-gen: keyspaces registered in PD, named by {@code ?keyspace=}).
 */
public enum ServerDialect {
    /** pingcap/tiflow v8.5.x, the classic architecture. */
    CLASSIC("v8.5.0"),
    /** pingcap/ticdc release-8.5 (v8.5.5 to v8.5.7) started with newarch, classic kernel. */
    NEW_CLASSIC_KERNEL("v8.5.7"),
    /** pingcap/ticdc started with newarch on the next-gen kernel (TiDB X): keyspaces required. */
    NEW_NEXT_GEN("v8.5.7");

    private final String version;

    ServerDialect(String version) {
        this.version = version;
    }

    public boolean isNew() {
        return this != CLASSIC;
    }

    public boolean nextGen() {
        return this == NEW_NEXT_GEN;
    }

    /** The {@code version} its status route reports. */
    String version() {
        return version;
    }
}
