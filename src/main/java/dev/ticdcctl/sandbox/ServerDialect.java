package dev.ticdcctl.sandbox;

/**
 * Which TiCDC server the sandbox answers as, chosen at start and kept in its state. Two axes: the architecture
 * (tiflow's classic server or pingcap/ticdc's new one) and, for the new one, the kernel (classic: one implicit
 * keyspace {@code default}; next-gen: keyspaces registered in PD, named by {@code ?keyspace=}).
 */
public enum ServerDialect {
    /** pingcap/tiflow v8.5.x, the classic architecture. */
    CLASSIC("classic", "classic", "v8.5.0"),
    /** pingcap/ticdc release-8.5 (v8.5.5 to v8.5.7) started with newarch, classic kernel. */
    NEW_CLASSIC_KERNEL("new", "classic", "v8.5.7"),
    /** pingcap/ticdc started with newarch on the next-gen kernel (TiDB X): keyspaces required. */
    NEW_NEXT_GEN("new", "next-gen", "v8.5.7");

    /**
     * The architecture of the form a sandbox takes when nothing asks for another (and no state directory was made
     * for another): the new one, which TiUP and TiDB Operator install from v8.5.4 on. A constant, so that the help
     * of the sandbox command can name it.
     */
    public static final String DEFAULT_ARCH = "new";
    /** The kernel of that form, and of any form whose kernel is not asked for. */
    public static final String DEFAULT_KERNEL = "classic";
    /** That form, for every sandbox: the sandbox command, the embedded one of {@code --sandbox}, the library's. */
    public static final ServerDialect DEFAULT = of(DEFAULT_ARCH, DEFAULT_KERNEL);

    private final String arch;
    private final String kernel;
    private final String version;

    ServerDialect(String arch, String kernel, String version) {
        this.arch = arch;
        this.kernel = kernel;
        this.version = version;
    }

    /** The one with this architecture ({@code classic} or {@code new}) and kernel, or null when there is none. */
    public static ServerDialect of(String arch, String kernel) {
        for (ServerDialect dialect : values()) {
            if (dialect.arch.equals(arch) && dialect.kernel.equals(kernel)) {
                return dialect;
            }
        }
        return null;
    }

    /** {@code classic} or {@code new}, as the client's {@code --server-arch} spells it. */
    public String arch() {
        return arch;
    }

    /** {@code classic} or {@code next-gen}, as the client's {@code --server-kernel} spells it. */
    public String kernel() {
        return kernel;
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
