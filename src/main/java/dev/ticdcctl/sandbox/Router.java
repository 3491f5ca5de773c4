package dev.ticdcctl.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The v2 route table of tiflow cdc/api/v2/api.go {@code RegisterOpenAPIV2Routes} and the middleware TiCDC runs
 * before a handler (cdc/api/middleware/middleware.go): readiness ({@code CheckServerReadyMiddleware}), forwarding
 * of owner routes to the owner ({@code ForwardToOwnerMiddleware}), then authentication on the owner
 * ({@code AuthenticateMiddleware}). The new server's table is {@link NewRouteTable}.
 */
final class Router {
    /** Where a route runs: on the capture that was asked, or on the owner. */
    enum Runs { LOCALLY, ON_OWNER }

    /**
     * A route; {@code keyspaced} ones run the new server's keyspace check (next-gen kernel) before authentication.
     */
    record Route(String method, String pattern, Runs runs, boolean authenticated, boolean keyspaced,
            BiFunction<Request, String, Reply> handler) {
        /** Matches and fills the request's path parameters. */
        boolean matches(Request r) {
            if (!method.equals(r.method)) {
                return false;
            }
            String[] want = pattern.split("/");
            String[] got = r.path.split("/", -1);
            if (want.length != got.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{")) {
                    if (got[i].isEmpty()) {
                        return false;
                    }
                    r.params.put(want[i].substring(1, want[i].length() - 1),
                            URLDecoder.decode(got[i], StandardCharsets.UTF_8));
                } else if (!want[i].equals(got[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Router(Cluster cluster, ServerDialect dialect) {
        if (dialect.isNew()) {
            NewRouteTable.register(this, cluster);
        } else {
            registerClassic(cluster);
        }
    }

    private void registerClassic(Cluster cluster) {
        ClusterRoutes server = new ClusterRoutes(cluster);
        ChangefeedLifecycleRoutes lifecycle = new ChangefeedLifecycleRoutes(cluster);
        ChangefeedQueryRoutes query = new ChangefeedQueryRoutes(cluster);
        CaptureRoutes captures = new CaptureRoutes(cluster);
        String cf = "/api/v2/changefeeds/{changefeed_id}";
        add("GET", "/api/v2/status", Runs.LOCALLY, false, server::status);
        add("GET", "/api/v2/health", Runs.ON_OWNER, false, (r, c) -> server.health(r));
        add("POST", "/api/v2/log", Runs.LOCALLY, false, server::setLogLevel);
        add("POST", "/api/v2/changefeeds", Runs.ON_OWNER, true, (r, c) -> lifecycle.createChangefeed(r));
        add("GET", "/api/v2/changefeeds", Runs.ON_OWNER, false, (r, c) -> query.listChangefeeds(r));
        add("GET", cf, Runs.ON_OWNER, false, (r, c) -> query.getChangefeed(r, true));
        add("PUT", cf, Runs.ON_OWNER, true, (r, c) -> lifecycle.updateChangefeed(r));
        add("DELETE", cf, Runs.ON_OWNER, true, (r, c) -> lifecycle.deleteChangefeed(r));
        add("GET", cf + "/meta_info", Runs.ON_OWNER, false, (r, c) -> query.getChangefeed(r, false));
        add("POST", cf + "/resume", Runs.ON_OWNER, true, (r, c) -> lifecycle.resumeChangefeed(r));
        add("POST", cf + "/pause", Runs.ON_OWNER, true, (r, c) -> lifecycle.pauseChangefeed(r));
        add("GET", cf + "/status", Runs.ON_OWNER, false, (r, c) -> query.changefeedStatus(r));
        add("GET", cf + "/synced", Runs.ON_OWNER, false, (r, c) -> query.changefeedSynced(r));
        add("POST", "/api/v2/captures/{capture_id}/drain", Runs.ON_OWNER, false, (r, c) -> captures.drainCapture(r));
        add("GET", "/api/v2/captures", Runs.ON_OWNER, false, (r, c) -> captures.listCaptures(r));
        add("GET", "/api/v2/processors/{changefeed_id}/{capture_id}", Runs.ON_OWNER, false,
                (r, c) -> captures.getProcessor(r));
        add("GET", "/api/v2/processors", Runs.ON_OWNER, false, (r, c) -> captures.listProcessors(r));
        add("POST", "/api/v2/verify_table", Runs.LOCALLY, false, (r, c) -> query.verifyTable(r));
        add("GET", "/api/v2/unsafe/metadata", Runs.ON_OWNER, true, (r, c) -> server.unsafeMetadata(r));
        add("POST", "/api/v2/unsafe/resolve_lock", Runs.ON_OWNER, true, (r, c) -> server.resolveLock(r));
        add("DELETE", "/api/v2/unsafe/service_gc_safepoint", Runs.ON_OWNER, true,
                (r, c) -> server.deleteServiceGcSafepoint(r));
        add("POST", "/api/v2/owner/resign", Runs.ON_OWNER, false, (r, c) -> captures.resignOwner(r));
        add("POST", "/api/v2/tso", Runs.LOCALLY, false, (r, c) -> server.tso(r));
        addAnyMethod("/metrics", server::metrics);
    }

    /** A local route for every method, as gin's {@code router.Any} registers it. */
    void addAnyMethod(String pattern, BiFunction<Request, String, Reply> handler) {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "HEAD", "OPTIONS", "DELETE", "CONNECT", "TRACE")) {
            add(method, pattern, Runs.LOCALLY, false, false, handler);
        }
    }

    private void add(String method, String pattern, Runs runs, boolean authenticated,
            BiFunction<Request, String, Reply> handler) {
        add(method, pattern, runs, authenticated, false, handler);
    }

    void add(String method, String pattern, Runs runs, boolean authenticated, boolean keyspaced,
            BiFunction<Request, String, Reply> handler) {
        routes.add(new Route(method, pattern, runs, authenticated, keyspaced, handler));
    }

    /**
     * Where gin redirects a request that matches no route (gin.go {@code redirectTrailingSlash}, on by default in
     * both servers): the path without its trailing slash, query kept, when a route of the same method has it; else
     * null.
     */
    String withoutTrailingSlash(Request r) {
        if (r.path.length() <= 1 || !r.path.endsWith("/")) {
            return null;
        }
        String path = r.path.substring(0, r.path.length() - 1);
        if (find(new Request(r.method, path, r.rawQuery, r.headers, r.body)) == null) {
            return null;
        }
        return r.rawQuery == null || r.rawQuery.isEmpty() ? path : path + "?" + r.rawQuery;
    }

    /** The route for a request, or null (gin answers 404 text, for a wrong method too). */
    Route find(Request r) {
        for (Route route : routes) {
            r.params.clear();
            if (route.matches(r)) {
                return route;
            }
        }
        return null;
    }
}
