package dev.ticdcctl.cli.sandbox;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.EmbeddedCluster;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** The {@link Sandbox} as the cluster of {@code --sandbox}. */
public final class EmbeddedSandbox implements EmbeddedCluster {
    private final Sandbox sandbox;

    private EmbeddedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * An {@link EmbeddedCluster.Starter}: the sandbox's defaults with the transient windows of a real cluster, as
     * {@code ticdcctl sandbox} has them, with its state kept in {@code TICDCCTL_SANDBOX_DIR} (or its default). A new
     * state takes the form {@code TICDCCTL_SANDBOX_ARCH} and {@code TICDCCTL_SANDBOX_KERNEL}
     * ask for, else {@link ServerDialect#DEFAULT}; an existing one keeps its own, and asking it for another is an
     * error rather than a silent change of server.
     */
    public static EmbeddedCluster start(Environment environment) {
        String arch = environment.get("TICDCCTL_SANDBOX_ARCH");
        String kernel = environment.get("TICDCCTL_SANDBOX_KERNEL");
        ServerDialect asked = SandboxForm.asked(arch, kernel, SandboxForm.Spelling.VARIABLES);
        Path directory = environment.paths().sandboxDirectory();
        try {
            return new EmbeddedSandbox(Sandbox.start(Sandbox.Options.defaults()
                    .withStateDir(directory).withClock(environment.clock()).withDialect(asked)
                    .withTransientWindows(true)));
        } catch (Sandbox.UnusableStateDirectory e) {
            throw new CliException.InvalidInput("cannot start the embedded sandbox: " + e.getMessage(),
                    "TICDCCTL_SANDBOX_DIR chooses another directory");
        } catch (Sandbox.OtherServersState e) {
            throw SandboxForm.madeInAnotherForm(arch, kernel, SandboxForm.Spelling.VARIABLES,
                    "the embedded sandbox in " + directory, e.kept(), "unset TICDCCTL_SANDBOX_ARCH and"
                    + " TICDCCTL_SANDBOX_KERNEL to use that sandbox as it is, or move " + directory + " aside"
                    + " (or set TICDCCTL_SANDBOX_DIR to another directory) to start a new one in the form asked for");
        } catch (IOException | IllegalStateException e) {
            throw new CliException.Failed("cannot start the embedded sandbox: " + e.getMessage(), null);
        }
    }

    @Override
    public URI url() {
        return sandbox.url();
    }

    @Override
    public String arch() {
        return sandbox.dialect().arch();
    }

    @Override
    public String kernel() {
        return sandbox.dialect().kernel();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
