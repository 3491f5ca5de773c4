package dev.ticdcctl.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** The simulated cluster that {@code --sandbox} runs a single command against, in the same process. */
public interface EmbeddedCluster extends AutoCloseable {
    /** The base URL of its first capture. */
    URI url();

    /** Stops it, keeping its state in its directory. */
    @Override
    void close();

    /** Starts one; the command tree's root chooses the implementation. */
    @FunctionalInterface
    interface Starter {
        /**
         * A cluster keeping its state in {@code stateDirectory}, on the command's {@code clock}.
         *
         * @throws CliException when it cannot start: an unusable directory is invalid input
         */
        EmbeddedCluster start(Path stateDirectory, Clock clock);
    }
}
