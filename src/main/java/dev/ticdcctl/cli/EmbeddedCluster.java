package dev.ticdcctl.cli;

import java.net.URI;

/** The simulated cluster that {@code --sandbox} runs a single command against, in the same process. */
public interface EmbeddedCluster extends AutoCloseable {
    /** The base URL of its first capture. */
    URI url();

    /** The architecture it answers as, as {@code --server-arch} spells it: {@code classic} or {@code new}. */
    String arch();

    /** Its kernel, as {@code --server-kernel} spells it: {@code classic} or {@code next-gen}. */
    String kernel();

    /** Stops it, keeping its state in its directory. */
    @Override
    void close();

    /** Starts one; the command tree's root chooses the implementation. */
    @FunctionalInterface
    interface Starter {
        /**
         * A cluster keeping its state in the directory {@code environment} names, on its clock, in the form its
         * variables ask for (or the one its state was made in).
         *
         * @throws CliException when it cannot start: an unusable directory or an unknown form is invalid input
         */
        EmbeddedCluster start(Environment environment);
    }
}
