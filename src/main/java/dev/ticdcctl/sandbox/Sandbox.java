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
     * certificates signed by it. {@code dialect} null answers as the state directory was made for, and a new state
     * (or one in memory) as {@link ServerDialect#DEFAULT}. {@code transientWindows}: the classic server's short
     * windows after an owner resigns (owner routes answer 500 {@code CDC:ErrOwnerNotFound}) and after a changefeed
     * starts (health answers unhealthy until its scheduler is initialised), a few ticks each; off by default, for a
     * calm cluster whose answers do not depend on the tick they are asked in, on for the command line's sandboxes.
     */
    public record Options(int port, int captures, Duration tick, String authUser, String authPassword, Path stateDir,
            Clock clock, Path tlsCert, Path tlsKey, Path clientCa, ServerDialect dialect, boolean transientWindows) {
        /**
         * Free ports, three captures, a 500 ms tick, no credentials, in memory, HTTP, and no dialect asked for. The
         * library takes the same default form as the command line rather than a classic one of its own, so that there
         * is one default, and a test that asserts what only one form answers says which with {@link #withDialect}.
         */
        public static Options defaults() {
            return new Options(0, 3, Duration.ofMillis(500), null, null, null, Clock.systemDefaultZone(), null, null,
                    null, null, false);
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

        /** Answer as this server; a state directory made for another is refused ({@link OtherServersState}). */
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

    /** The state directory was made for another server than the one asked for: it keeps its own. */
    public static final class OtherServersState extends IllegalStateException {
        private final ServerDialect kept;

        OtherServersState(Path directory, ServerDialect kept, ServerDialect asked) {
            super("the sandbox state in " + directory + " was made for the " + kept + " server, not " + asked
                    + "; use another state directory");
            this.kept = kept;
        }

        /** The server the state was made for. */
        public ServerDialect kept() {
            return kept;
        }
    }

    private final List<CaptureServer> servers = new ArrayList<>();
    private final List<URI> urls = new ArrayList<>();
    private final ServerDialect dialect;

    private Sandbox(ServerDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Starts the captures. A state directory that already holds a sandbox keeps its captures and changefeeds; a
     * damaged one is an error ({@link IllegalStateException} with the file and what is wrong), never a silent reset.
     *
     * @throws UnusableStateDirectory when the state directory cannot be created or is a file
     * @throws OtherServersState when the state directory was made for another dialect than the one asked for
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
        if (options.dialect() != null && kept != options.dialect()) {
            throw new OtherServersState(options.stateDir(), kept, options.dialect());
        }
        Cluster cluster = new Cluster(store, options.clock(), options.authUser(), options.authPassword(),
                options.transientWindows());
        Router router = new Router(cluster, kept);
        AdminRoutes admin = new AdminRoutes(cluster);
        Sandbox sandbox = new Sandbox(kept);
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
        ServerDialect dialect = options.dialect() != null ? options.dialect() : ServerDialect.DEFAULT;
        state.dialect = dialect.name();
        if (dialect.nextGen()) {
            state.keyspaces.putAll(ClusterState.initialKeyspaces());
        }
        return state;
    }

    /** The server it answers as: the one asked for, or the one its state directory was made for. */
    public ServerDialect dialect() {
        return dialect;
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
