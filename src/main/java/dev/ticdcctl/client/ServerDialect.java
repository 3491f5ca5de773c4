package dev.ticdcctl.client;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which TiCDC answers, on two independent axes: the architecture (classic = built from pingcap/tiflow, new = the
 * pingcap/ticdc server started with {@code newarch}) and the kernel (classic = self-managed TiKV, next-gen = TiDB X,
 * whose keyspaces must be named). {@code decidedBy} says how it was found out, for {@code --debug}.
 */
public record ServerDialect(Arch arch, Kernel kernel, String decidedBy) {

    /** The server's code base; only the new architecture reads {@code keyspace}. */
    public enum Arch {
        CLASSIC, NEW, UNKNOWN;

        /** As a setting and the output write it: {@code classic}, {@code new}. */
        public String label() {
            return ServerDialect.label(this);
        }

        /** The architecture {@code label} names, else UNKNOWN. */
        public static Arch of(String label) {
            return ServerDialect.of(values(), label, UNKNOWN);
        }
    }

    /** The storage kernel; a next-gen one refuses changefeed routes without a keyspace. */
    public enum Kernel {
        CLASSIC, NEXT_GEN, UNKNOWN;

        /** As a setting and the output write it: {@code classic}, {@code next-gen}. */
        public String label() {
            return ServerDialect.label(this);
        }

        /** The kernel {@code label} names, else UNKNOWN. */
        public static Kernel of(String label) {
            return ServerDialect.of(values(), label, UNKNOWN);
        }
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E of(E[] values, String label, E unknown) {
        return Arrays.stream(values).filter(v -> v != unknown && label(v).equals(label)).findFirst().orElse(unknown);
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
