package dev.ticdcctl.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One simulated capture: an HTTP server on loopback answering the v2 API as that capture would. */
final class CaptureServer {
    static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";
    static final String FORWARD_TIMES = "TiCDC-ForwardTimes";
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "upgrade",
            "transfer-encoding", "expect");
    private static final String PROXY_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final String captureId;
    private final Cluster cluster;
    private final Router router;
    private final AdminRoutes admin;
    private final HttpServer server;
    private final ExecutorService executor;
    private HttpClient forwarder;

    CaptureServer(String captureId, int port, Cluster cluster, Router router, AdminRoutes admin) throws IOException {
        this.captureId = captureId;
        this.cluster = cluster;
        this.router = router;
        this.admin = admin;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-" + captureId.substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            if (r.path.startsWith("/api/v2/") && injectFault(exchange)) {
                return;
            }
            Reply reply;
            try {
                reply = r.path.startsWith("/sandbox/") ? admin.handle(r) : answer(r);
            } catch (ApiError e) {
                reply = Reply.error(e);
            } catch (StateStore.StateException e) {
                reply = Reply.error(new ApiError(500, "CDC:ErrMetaOpFailed", e.getMessage()));
            }
            send(exchange, reply);
        }
    }

    /** Readiness, forwarding, authentication, then the handler. */
    private Reply answer(Request r) {
        if (!r.path.startsWith("/api/v2/")) {
            return Reply.notFound();
        }
        Router.Route route = router.find(r);
        if (route == null) {
            return Reply.notFound(); // gin runs the group's readiness check only for routes that match
        }
        if (!cluster.store.read(s -> s.faults.ready)) {
            throw new ApiError(503, "CDC:ErrServerIsNotReady", "cdc server is not ready");
        }
        if (route.runs() == Router.Runs.ON_OWNER) {
            String owner = cluster.store.read(s -> Cluster.owner(s, cluster.now()));
            if (!captureId.equals(owner)) {
                return forward(r, owner);
            }
        }
        if (route.authenticated()) {
            authenticate(r);
        }
        return route.handler().apply(r, captureId);
    }

    /** Proxies to the owner as TiCDC's middleware does: same request plus two headers; the answer copied back. */
    private Reply forward(Request r, String owner) {
        String times = r.header(FORWARD_TIMES);
        int forwarded;
        try {
            forwarded = times == null ? 0 : Integer.parseInt(times);
        } catch (NumberFormatException e) {
            forwarded = Integer.MAX_VALUE;
        }
        if (forwarded > 2) {
            throw new ApiError(500, "ErrRequestForwardErr", "request forward error: TiCDC-ForwardTimes " + times
                    + " exceeds the limit 2");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + cluster.address(owner) + r.path
                        + (r.rawQuery == null ? "" : "?" + r.rawQuery)))
                .timeout(Duration.ofSeconds(30))
                .method(r.method, HttpRequest.BodyPublishers.ofByteArray(r.body));
        r.headers.forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.equalsIgnoreCase(FORWARD_TIMES)) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header(FORWARD_FROM, captureId).header(FORWARD_TIMES, Integer.toString(forwarded + 1));
        try {
            HttpResponse<byte[]> response = forwarder().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("application/json; charset=utf-8");
            return Reply.raw(response.statusCode(), type, response.body());
        } catch (IOException e) {
            throw new ApiError(500, "", "failed to forward the request to the owner " + cluster.address(owner) + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(500, "", "interrupted while forwarding to the owner");
        }
    }

    private synchronized HttpClient forwarder() {
        if (forwarder == null) {
            forwarder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return forwarder;
    }

    /** HTTP Basic with the one TiDB user the sandbox knows (§1.7); open when started without --auth. */
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
        if (reply.raw() != null) {
            body = reply.raw();
            type = reply.rawType();
        } else if (reply.json() != null) {
            body = GoJson.write(reply.json(), reply.indented());
            type = "application/json; charset=utf-8";
        } else {
            body = reply.text().getBytes(StandardCharsets.UTF_8);
            type = "text/plain";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
