package dev.ticdcctl.sandbox;

import dev.ticdcctl.pem.PemException;
import dev.ticdcctl.pem.PemFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A simulated TiCDC cluster: one loopback HTTP (or HTTPS) server per capture, sharing one state. Start it with
 * {@link #start(Options)}; {@link #close()} stops every server.
 */
public final class Sandbox implements AutoCloseable {
    /**
     * How to run it. {@code port} 0 picks free ports, otherwise capture N listens on {@code port + N}.
     * {@code stateDir} null keeps the state in memory; {@code authUser} null leaves every route open. With
     * {@code tlsCert} and {@code tlsKey} (PEM) every capture serves HTTPS; {@code clientCa} then also requires client
     * certificates signed by it. {@code transientWindows}: the classic server's short windows after an owner resigns
     * (owner routes answer 500 {@code CDC:ErrOwnerNotFound}) and after a changefeed starts (health answers
     * unhealthy until its scheduler is initialised), a few ticks each; off by default, for a calm cluster whose
     * answers do not depend on the tick they are asked in, on for the command line's sandboxes.
     */
    public record Options(int port, int captures, Duration tick, String authUser, String authPassword, Path stateDir,
            Clock clock, Path tlsCert, Path tlsKey, Path clientCa, ServerDialect dialect, boolean transientWindows) {
        public static Options defaults() {
            return new Options(0, 3, Duration.ofMillis(500), null, null, null, Clock.systemDefaultZone(), null, null,
                    null, ServerDialect.CLASSIC, false);
        }

        public Options withPort(int port) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        public Options withCaptures(int captures) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        public Options withTick(Duration tick) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        public Options withAuth(String user, String password) {
            return new Options(port, captures, tick, user, password, stateDir, clock, tlsCert, tlsKey, clientCa,
                    dialect, transientWindows);
        }

        public Options withStateDir(Path stateDir) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        public Options withClock(Clock clock) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        /** HTTPS with this certificate (chain) and key; {@code clientCa} null accepts clients without one. */
        public Options withTls(Path cert, Path key, Path clientCa) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, cert, key, clientCa,
                    dialect, transientWindows);
        }

        /** Answer as this server (default {@link ServerDialect#CLASSIC}). */
        public Options withDialect(ServerDialect dialect) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        /** With or without the classic server's transient windows (default without). */
        public Options withTransientWindows(boolean transientWindows) {
            return new Options(port, captures, tick, authUser, authPassword, stateDir, clock, tlsCert, tlsKey,
                    clientCa, dialect, transientWindows);
        }

        boolean https() {
            return tlsCert != null || tlsKey != null;
        }
    }

    /** The state directory cannot be made or is not a directory: the caller's input, not a failure of the sandbox. */
    public static final class UnusableStateDirectory extends IllegalArgumentException {
        UnusableStateDirectory(String message) {
            super(message);
        }
    }

    private final List<CaptureServer> servers = new ArrayList<>();
    private final List<URI> urls = new ArrayList<>();

    private Sandbox() {}

    /**
     * Starts the captures. A state directory that already holds a sandbox keeps its captures and changefeeds; a
     * damaged one is an error ({@link IllegalStateException} with the file and what is wrong), never a silent reset.
     *
     * @throws UnusableStateDirectory when the state directory cannot be created or is a file
     * @throws PemException when a TLS file cannot be used (checked before anything listens)
     */
    public static Sandbox start(Options options) throws IOException {
        // Without it the JDK server's answers wait ~40 ms for delayed TCP acknowledgements.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (options.captures() < 1) {
            throw new IllegalArgumentException("a sandbox needs at least one capture");
        }
        if (options.clientCa() != null && !options.https()) {
            throw new IllegalArgumentException("client certificates need HTTPS: a server certificate and key");
        }
        TlsFront.Config tls = options.https() ? new TlsFront.Config(
                PemFiles.serverContext(options.tlsCert(), options.tlsKey(), options.clientCa()),
                options.clientCa() != null) : null;
        StateStore store = options.stateDir() == null
                ? StateStore.inMemory(initialState(options))
                : StateStore.inDirectory(options.stateDir(), () -> initialState(options));
        List<String> captures;
        ServerDialect kept;
        try {
            captures = store.read(s -> List.copyOf(s.captures));
            kept = store.read(ClusterState::dialect);
        } catch (StateStore.StateException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (kept != options.dialect()) {
            throw new IllegalStateException("the sandbox state in " + options.stateDir() + " was made for the "
                    + kept + " server, not " + options.dialect() + "; use another state directory");
        }
        Cluster cluster = new Cluster(store, options.clock(), options.authUser(), options.authPassword(),
                options.transientWindows());
        Router router = new Router(cluster, options.dialect());
        AdminRoutes admin = new AdminRoutes(cluster);
        Sandbox sandbox = new Sandbox();
        try {
            for (int i = 0; i < captures.size(); i++) {
                int port = options.port() == 0 ? 0 : options.port() + i;
                CaptureServer server = new CaptureServer(captures.get(i), port, cluster, router, admin, tls);
                sandbox.servers.add(server);
                cluster.servers.put(captures.get(i), server);
                sandbox.urls.add(URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + server.port()));
            }
        } catch (IOException e) {
            sandbox.close();
            throw e;
        }
        sandbox.servers.forEach(CaptureServer::start);
        return sandbox;
    }

    private static ClusterState initialState(Options options) {
        ClusterState state = new ClusterState();
        state.tickMillis = Math.max(1, options.tick().toMillis());
        for (int i = 0; i < options.captures(); i++) {
            state.captures.add(UUID.randomUUID().toString());
        }
        state.owner = state.captures.get(0);
        state.dialect = options.dialect().name();
        if (options.dialect().nextGen()) {
            state.keyspaces.putAll(ClusterState.initialKeyspaces());
        }
        return state;
    }

    /** The captures' base URLs, the first one being the owner's at start. */
    public List<URI> urls() {
        return List.copyOf(urls);
    }

    public URI url() {
        return urls.get(0);
    }

    @Override
    public void close() {
        servers.forEach(CaptureServer::stop);
    }
}
