package dev.ticdcctl.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** One simulated capture: an HTTP (or HTTPS) server on loopback answering the v2 API as that capture would. */
final class CaptureServer {
    static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";
    /** The new server's name for it (ticdc api/middleware/middleware.go ForwardToServer). */
    static final String FORWARD_FROM_NODE = "TiCDC-ForwardFrom";
    static final String FORWARD_TIMES = "TiCDC-ForwardTimes";
    private static final String PROXY_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final String captureId;
    private final Cluster cluster;
    private final Router router;
    private final AdminRoutes admin;
    private final HttpServer server;
    /** Null for plain HTTP; with TLS, the server listens on a free port behind it. */
    private final TlsFront tlsFront;
    private final ExecutorService executor;

    /** Serves HTTPS on {@code port} when {@code tls} is given, else plain HTTP. */
    CaptureServer(String captureId, int port, Cluster cluster, Router router, AdminRoutes admin, TlsFront.Config tls)
            throws IOException {
        this.captureId = captureId;
        this.cluster = cluster;
        this.router = router;
        this.admin = admin;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.server = HttpServer.create(new InetSocketAddress(loopback, tls == null ? port : 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-" + captureId.substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        try {
            this.tlsFront = tls == null ? null : new TlsFront(tls, port, server.getAddress(), executor);
        } catch (IOException e) {
            stop();
            throw e;
        }
    }

    void start() {
        server.start();
        if (tlsFront != null) {
            tlsFront.start();
        }
    }

    int port() {
        return tlsFront != null ? tlsFront.port() : server.getAddress().getPort();
    }

    void stop() {
        if (tlsFront != null) {
            tlsFront.close();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (tlsFront != null && !tlsFront.piped(exchange.getRemoteAddress())) {
                return; // a connection to the plain port would bypass TLS and client certificates
            }
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            if (r.path.startsWith("/api/v2/") && injectFault(exchange)) {
                return;
            }
            send(exchange, r.path.startsWith("/sandbox/") ? errorsAsReplies(() -> admin.handle(r)) : answer(r));
        }
    }

    /** This capture's answer to a v2 request, from a client or forwarded by another capture. */
    private Reply answer(Request r) {
        return errorsAsReplies(() -> dispatch(r));
    }

    private static Reply errorsAsReplies(Supplier<Reply> handler) {
        try {
            return handler.get();
        } catch (ApiError e) {
            return Reply.error(e);
        } catch (StateStore.StateException e) {
            return Reply.error(new ApiError(500, "CDC:ErrMetaOpFailed", e.getMessage()));
        } catch (RuntimeException e) {
            // As gin's recovery middleware answers a handler's panic: a 500, not a dropped connection.
            return Reply.error(new ApiError(500, "CDC:ErrInternalServerError", "internal server error: " + e));
        }
    }

    /** Readiness, forwarding, authentication, then the handler. */
    private Reply dispatch(Request r) {
        Router.Route route = router.find(r);
        if (route == null) {
            // gin runs the group's readiness check only for routes that match
            String location = router.withoutTrailingSlash(r);
            return location == null ? Reply.notFound() : Reply.redirect(r.method, location);
        }
        boolean newArch = cluster.dialect.isNew();
        // Readiness is checked by the API group's middleware, not for /metrics.
        if (r.path.startsWith("/api/") && !cluster.store.read(s -> s.faults.ready)) {
            if (!newArch) {
                throw new ApiError(503, "CDC:ErrServerIsNotReady", "cdc server is not ready");
            }
            if (route.runs() == Router.Runs.ON_OWNER) {
                // ticdc api/v2/helper.go isInitialized: no readiness middleware, coordinator routes answer 500
                throw ApiError.plain("coordinator is not fully initialized, wait a moment");
            }
        }
        if (route.runs() == Router.Runs.ON_OWNER) {
            String owner = cluster.store.read(s -> Cluster.owner(s, cluster.now()));
            if (!captureId.equals(owner)) {
                return forward(r, owner);
            }
        }
        if (newArch) {
            r.keyspace = Keyspaces.resolve(cluster, r, route.keyspaced());
        }
        if (route.authenticated()) {
            authenticate(r);
        }
        if (cluster.windows && asksTheOwner(route) && cluster.store.read(s -> cluster.ownerClosing(s, cluster.now()))) {
            throw new ApiError(500, "CDC:ErrOwnerNotFound", "owner not found");
        }
        return route.handler().apply(r, captureId);
    }

    /**
     * An owner route whose handler queries the owner or hands it a job; the unsafe routes go to etcd and PD, and
     * resign only stops the owner (tiflow cdc/api/v2/unsafe.go, owner.go {@code resignOwner}).
     */
    private static boolean asksTheOwner(Router.Route route) {
        return route.runs() == Router.Runs.ON_OWNER && !route.pattern().startsWith("/api/v2/unsafe/")
                && !route.pattern().equals("/api/v2/owner/resign");
    }

    /**
     * Hands the request to the owner as TiCDC's forwarding middleware does: the same request plus two headers, the
     * owner's answer copied back. In-process rather than over HTTP, so that it works over TLS with client
     * certificates too; the proxy faults of /sandbox/latency and /sandbox/fail stand in front of the capture asked,
     * so they apply once per client request.
     */
    private Reply forward(Request r, String owner) {
        String times = r.header(FORWARD_TIMES);
        int forwarded;
        try {
            forwarded = times == null ? 0 : Integer.parseInt(times);
        } catch (NumberFormatException e) {
            forwarded = Integer.MAX_VALUE;
        }
        if (forwarded > 2 && cluster.dialect.isNew()) {
            throw ApiError.plain("TiCDC cluster is unavailable, please try again later");
        }
        if (forwarded > 2) {
            // tiflow cdc/api/util.go ForwardToCapture: ErrRequestForwardErr, the one code without "CDC:"
            throw new ApiError(500, "ErrRequestForwardErr",
                    "request forward error, an request can only forward to owner one time");
        }
        CaptureServer ownerServer = cluster.servers.get(owner);
        if (ownerServer == null) {
            throw new ApiError(500, "", "failed to forward the request to the owner " + owner + ": not running");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String from = cluster.dialect.isNew() ? FORWARD_FROM_NODE : FORWARD_FROM;
        r.headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(from) && !name.equalsIgnoreCase(FORWARD_TIMES)) {
                headers.put(name, values);
            }
        });
        headers.put(from, List.of(captureId));
        headers.put(FORWARD_TIMES, List.of(Integer.toString(forwarded + 1)));
        return ownerServer.answer(new Request(r.method, r.path, r.rawQuery, headers, r.body));
    }

    /**
     * HTTP Basic with the one TiDB user the sandbox knows (tiflow cdc/api/middleware/middleware.go {@code verify});
     * open when started without --auth.
     */
    private void authenticate(Request r) {
        if (cluster.authUser == null) {
            return;
        }
        String header = r.header("Authorization");
        String decoded = null;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = null;
            }
        }
        if (decoded == null || !decoded.contains(":")) {
            throw new ApiError(401, "CDC:ErrCredentialNotFound",
                    "credential not found: please specify the user and password via authorization header");
        }
        String user = decoded.substring(0, decoded.indexOf(':'));
        String password = decoded.substring(decoded.indexOf(':') + 1);
        if (user.isEmpty()) {
            throw unauthorized(user, "Empty username is not allowed.");
        }
        if (!user.equals(cluster.authUser)) {
            throw unauthorized(user, "The user is not allowed.");
        }
        // The user is checked by logging in to a TiDB of the keyspace's topology (ticdc
        // api/middleware/authenticate_middleware.go verify): none there is a plain error, so no code.
        if (cluster.dialect.nextGen() && cluster.store.read(s -> s.keyspacesWithoutTidb.contains(r.keyspace))) {
            throw new ApiError(401, "", "tidb instance not found in topology, please check if the tidb is running");
        }
        if (!password.equals(cluster.authPassword)) {
            throw unauthorized(user, "Error 1045 (28000): Access denied for user '" + user + "'@'127.0.0.1' (using"
                    + " password: " + (password.isEmpty() ? "NO" : "YES") + ")");
        }
    }

    private static ApiError unauthorized(String user, String why) {
        return new ApiError(401, "CDC:ErrUnauthorized", "user " + user + " unauthorized, error: " + why);
    }

    /** Latency and proxy failures switched on through {@code /sandbox/...}; true when the request was consumed. */
    private boolean injectFault(HttpExchange exchange) throws IOException {
        ClusterState.Faults faults = cluster.store.read(s -> s.faults);
        if (faults.latencyMillis > 0) {
            try {
                Thread.sleep(faults.latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (faults.failRemaining <= 0) {
            return false;
        }
        String mode = cluster.store.write(s -> {
            if (s.faults.failRemaining <= 0) {
                return null;
            }
            s.faults.failRemaining--;
            return s.faults.failMode;
        });
        if ("502".equals(mode)) {
            byte[] body = PROXY_502.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.getResponseHeaders().set("Server", "nginx");
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
            return true;
        }
        if ("reset".equals(mode)) {
            // Closing without a status line: the client sees the connection dropped.
            exchange.close();
            return true;
        }
        return false;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body;
        String type;
        if (reply.json() != null) {
            body = GoJson.write(reply.json(), reply.indented());
            type = "application/json; charset=utf-8";
        } else {
            body = reply.text().getBytes(StandardCharsets.UTF_8);
            type = reply.textType();
        }
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        if (reply.location() != null) {
            exchange.getResponseHeaders().set("Location", reply.location());
        }
        boolean head = exchange.getRequestMethod().equals("HEAD"); // the headers only (/metrics takes any method)
        exchange.sendResponseHeaders(reply.status(), body.length == 0 || head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }
}
