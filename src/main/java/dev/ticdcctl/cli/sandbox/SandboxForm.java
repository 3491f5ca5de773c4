package dev.ticdcctl.cli.sandbox;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.sandbox.ServerDialect;

/**
 * The form of a sandbox as a user asks for it: an architecture and a kernel, given to the sandbox command as
 * {@code --arch} and {@code --kernel} and to {@code --sandbox} as {@code TICDCCTL_SANDBOX_ARCH} and
 * {@code TICDCCTL_SANDBOX_KERNEL}, and read alike.
 */
final class SandboxForm {
    /** How the two are written where they were given: {@code --arch new} or {@code TICDCCTL_SANDBOX_ARCH=new}. */
    record Spelling(String arch, String kernel, String separator) {
        static final Spelling OPTIONS = new Spelling("--arch", "--kernel", " ");
        static final Spelling VARIABLES = new Spelling("TICDCCTL_SANDBOX_ARCH", "TICDCCTL_SANDBOX_KERNEL", "=");
    }

    private SandboxForm() {}

    /**
     * The dialect asked for, or null when neither axis is given (a state directory then keeps its own, and a new one
     * takes {@link ServerDialect#DEFAULT}); an axis not given takes the default's.
     */
    static ServerDialect asked(String arch, String kernel, Spelling spelling) {
        if (arch == null && kernel == null) {
            return null;
        }
        String a = arch != null ? arch : ServerDialect.DEFAULT_ARCH;
        String k = kernel != null ? kernel : ServerDialect.DEFAULT_KERNEL;
        if (!a.equals("classic") && !a.equals("new")) {
            throw new CliException.InvalidInput(spelling.arch() + " must be classic or new, not " + a, null);
        }
        if (!k.equals("classic") && !k.equals("next-gen")) {
            throw new CliException.InvalidInput(spelling.kernel() + " must be classic or next-gen, not " + k, null);
        }
        ServerDialect dialect = ServerDialect.of(a, k);
        if (dialect == null) {
            throw new CliException.InvalidInput(spelling.kernel() + spelling.separator() + k + " needs "
                    + spelling.arch() + spelling.separator() + "new: the classic server has no next-gen kernel",
                    null);
        }
        return dialect;
    }

    /** The error for a state made in another form than the one asked for; {@code where} names the state. */
    static CliException.InvalidInput madeInAnotherForm(String arch, String kernel, Spelling spelling, String where,
            ServerDialect kept, String hint) {
        StringBuilder given = new StringBuilder();
        if (arch != null) {
            given.append(spelling.arch()).append(spelling.separator()).append(arch);
        }
        if (kernel != null) {
            given.append(given.isEmpty() ? "" : " ").append(spelling.kernel()).append(spelling.separator())
                    .append(kernel);
        }
        return new CliException.InvalidInput(given + " asks for another form than " + where + " was made in ("
                + describe(kept) + ")", hint);
    }

    /** The form in words, with the release line it models. */
    static String describe(ServerDialect dialect) {
        return switch (dialect) {
            case CLASSIC -> "classic architecture, tiflow v8.5";
            case NEW_CLASSIC_KERNEL -> "new architecture, classic kernel, v8.5.7";
            case NEW_NEXT_GEN -> "new architecture, next-gen kernel, v8.5.7";
        };
    }
}
