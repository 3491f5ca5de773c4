package dev.ticdcctl.cli.sandbox;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.EmbeddedCluster;
import dev.ticdcctl.sandbox.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** The {@link Sandbox} as the cluster of {@code --sandbox}. */
public final class EmbeddedSandbox implements EmbeddedCluster {
    private final Sandbox sandbox;

    private EmbeddedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * An {@link EmbeddedCluster.Starter}: the sandbox's defaults with the transient windows of a real cluster, as
     * {@code ticdcctl sandbox} has them, and its state kept in {@code stateDirectory}.
     */
    public static EmbeddedCluster start(Path stateDirectory, Clock clock) {
        try {
            return new EmbeddedSandbox(Sandbox.start(Sandbox.Options.defaults()
                    .withStateDir(stateDirectory).withClock(clock).withTransientWindows(true)));
        } catch (Sandbox.UnusableStateDirectory e) {
            throw new CliException.InvalidInput("cannot start the embedded sandbox: " + e.getMessage(),
                    "TICDCCTL_SANDBOX_DIR chooses another directory");
        } catch (IOException | IllegalStateException e) {
            throw new CliException.Failed("cannot start the embedded sandbox: " + e.getMessage(), null);
        }
    }

    @Override
    public URI url() {
        return sandbox.url();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
