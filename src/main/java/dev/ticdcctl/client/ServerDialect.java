package dev.ticdcctl.client;

/**
 * Which TiCDC answers, on two independent axes: the architecture (classic = built from pingcap/tiflow, new = the
 * pingcap/ticdc server started with {@code newarch}) and the kernel (classic = self-managed TiKV, next-gen = TiDB X,
 * whose keyspaces must be named). {@code decidedBy} says how it was found out, for {@code --debug}.
 */
public record ServerDialect(Arch arch, Kernel kernel, String decidedBy) {

    /** The server's code base; only the new architecture reads {@code keyspace}. */
    public enum Arch {
        CLASSIC("classic"), NEW("new"), UNKNOWN("unknown");

        private final String label;

        Arch(String label) {
            this.label = label;
        }

        /** As a setting and the output write it. */
        public String label() {
            return label;
        }

        /** The architecture {@code label} names ({@code classic}, {@code new}), else UNKNOWN. */
        public static Arch of(String label) {
            return "new".equals(label) ? NEW : "classic".equals(label) ? CLASSIC : UNKNOWN;
        }
    }

    /** The storage kernel; a next-gen one refuses changefeed routes without a keyspace. */
    public enum Kernel {
        CLASSIC("classic"), NEXT_GEN("next-gen"), UNKNOWN("unknown");

        private final String label;

        Kernel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kernel {@code label} names ({@code classic}, {@code next-gen}), else UNKNOWN. */
        public static Kernel of(String label) {
            return "next-gen".equals(label) ? NEXT_GEN : "classic".equals(label) ? CLASSIC : UNKNOWN;
        }
    }

    /** Whether both axes are known, so there is nothing left to ask the server. */
    public boolean known() {
        return arch != Arch.UNKNOWN && kernel != Kernel.UNKNOWN;
    }

    /** Whether the server told anything, so that it is worth showing. */
    public boolean anyKnown() {
        return arch != Arch.UNKNOWN || kernel != Kernel.UNKNOWN;
    }

    /** One line for {@code --debug}: {@code new architecture, next-gen kernel (decided by ...)}. */
    public String described() {
        return arch.label() + " architecture, " + kernel.label() + " kernel (" + decidedBy + ")";
    }
}
