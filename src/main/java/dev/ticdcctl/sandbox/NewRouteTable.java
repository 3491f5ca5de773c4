package dev.ticdcctl.sandbox;

import dev.ticdcctl.sandbox.Router.Runs;

/**
 * The new server's route table (ticdc api/v2/api.go RegisterOpenAPIV2Routes, api/http.go RegisterRoutes, api/v1/api.go
 * RegisterOpenAPIV1Routes) as of the v8.5.7 release: which capture runs each route, which check the keyspace
 * (KeyspaceCheckerMiddleware) and which authenticate. {@code meta_info} and the v2 capture drain are not registered,
 * so they answer gin's 404 text; /debug/pprof is not simulated.
 */
final class NewRouteTable {
    private NewRouteTable() {}

    static void register(Router router, Cluster cluster) {
        ClusterRoutes server = new ClusterRoutes(cluster);
        ChangefeedLifecycleRoutes lifecycle = new ChangefeedLifecycleRoutes(cluster);
        ChangefeedQueryRoutes query = new ChangefeedQueryRoutes(cluster);
        CaptureRoutes captures = new CaptureRoutes(cluster);
        NewServerRoutes newServer = new NewServerRoutes(cluster);
        TableScheduling tables = new TableScheduling(cluster);
        String cf = "/api/v2/changefeeds/{changefeed_id}";
        router.add("GET", "/api/v2/status", Runs.LOCALLY, false, false, server::status);
        router.add("GET", "/status", Runs.LOCALLY, false, false, server::status);
        router.add("GET", "/api/v2/health", Runs.ON_OWNER, false, false, (r, c) -> server.health(r));
        router.add("POST", "/api/v2/log", Runs.LOCALLY, false, false, server::setLogLevel);
        router.add("POST", "/api/v2/log/redact", Runs.LOCALLY, false, false, newServer::setRedactMode);
        router.add("POST", "/api/v2/changefeeds", Runs.ON_OWNER, true, true, (r, c) -> lifecycle.createChangefeed(r));
        router.add("GET", "/api/v2/changefeeds", Runs.ON_OWNER, false, true, (r, c) -> query.listChangefeeds(r));
        router.add("GET", cf, Runs.ON_OWNER, false, true, (r, c) -> query.getChangefeed(r, true));
        router.add("PUT", cf, Runs.ON_OWNER, true, true, (r, c) -> lifecycle.updateChangefeed(r));
        router.add("DELETE", cf, Runs.ON_OWNER, true, true, (r, c) -> lifecycle.deleteChangefeed(r));
        router.add("POST", cf + "/resume", Runs.ON_OWNER, true, true, (r, c) -> lifecycle.resumeChangefeed(r));
        router.add("POST", cf + "/pause", Runs.ON_OWNER, true, true, (r, c) -> lifecycle.pauseChangefeed(r));
        router.add("GET", cf + "/status", Runs.ON_OWNER, true, true, (r, c) -> query.changefeedStatus(r));
        router.add("GET", cf + "/synced", Runs.ON_OWNER, true, true, (r, c) -> query.changefeedSynced(r));
        // Table scheduling goes to the changefeed's maintainer, not the coordinator: any capture answers the same.
        router.add("POST", cf + "/move_table", Runs.LOCALLY, true, true, (r, c) -> tables.moveTable(r));
        router.add("POST", cf + "/move_split_table", Runs.LOCALLY, true, true, (r, c) -> tables.moveSplitTable(r));
        router.add("POST", cf + "/split_table_by_region_count", Runs.LOCALLY, true, true,
                (r, c) -> tables.splitTable(r));
        router.add("POST", cf + "/merge_table", Runs.LOCALLY, true, true, (r, c) -> tables.mergeTable(r));
        router.add("GET", cf + "/get_dispatcher_count", Runs.LOCALLY, false, true,
                (r, c) -> tables.dispatcherCount(r));
        router.add("GET", cf + "/tables", Runs.LOCALLY, false, true, (r, c) -> tables.listTables(r));
        router.add("GET", "/api/v2/captures", Runs.ON_OWNER, false, false, (r, c) -> captures.listCaptures(r));
        router.add("GET", "/api/v2/processors/{changefeed_id}/{capture_id}", Runs.LOCALLY, false, false,
                (r, c) -> newServer.processorStub());
        router.add("GET", "/api/v2/processors", Runs.LOCALLY, false, false, (r, c) -> newServer.processorsStub());
        router.add("POST", "/api/v2/verify_table", Runs.LOCALLY, false, false, (r, c) -> query.verifyTable(r));
        router.add("POST", "/api/v2/get_all_tables", Runs.LOCALLY, false, false, (r, c) -> newServer.allTables(r));
        router.add("POST", "/api/v2/owner/resign", Runs.ON_OWNER, false, false, (r, c) -> captures.resignOwner(r));
        router.add("POST", "/api/v2/tso", Runs.LOCALLY, false, false, (r, c) -> server.tso(r));
        router.add("GET", "/api/v2/unsafe/metadata", Runs.ON_OWNER, true, true, (r, c) -> server.unsafeMetadata(r));
        router.add("POST", "/api/v2/unsafe/resolve_lock", Runs.ON_OWNER, true, true, (r, c) -> server.resolveLock(r));
        router.add("DELETE", "/api/v2/unsafe/service_gc_safepoint", Runs.ON_OWNER, true, true,
                (r, c) -> server.deleteServiceGcSafepoint(r));
        router.add("GET", "/config", Runs.LOCALLY, false, false, newServer::serverConfig);
        router.addAnyMethod("/metrics", server::metrics);
        router.add("GET", "/debug/info", Runs.LOCALLY, false, false, server::debugInfo);
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            router.add(method, "/debug/failpoints", Runs.LOCALLY, false, false, newServer::failpoints);
        }
        router.add("PUT", "/api/v1/captures/drain", Runs.ON_OWNER, true, false, newServer::drainCapture);
        registerV1(router, server, lifecycle, query, captures, newServer);
    }

    /**
     * The v1 routes the new server answers with its v2 handlers (ticdc api/v1/api.go RegisterOpenAPIV1Routes): no
     * keyspace check, and the {@code from-ticdc-api-v1} header they set makes writes answer 202 and lists bare
     * arrays (api/v2/helper.go getStatus, toListResponse). v1's create, update, move_table and rebalance_table,
     * which have handlers of their own, are not simulated.
     */
    private static void registerV1(Router router, ClusterRoutes server, ChangefeedLifecycleRoutes lifecycle,
            ChangefeedQueryRoutes query, CaptureRoutes captures, NewServerRoutes newServer) {
        String cf = "/api/v1/changefeeds/{changefeed_id}";
        router.add("GET", "/api/v1/status", Runs.LOCALLY, false, false, server::status);
        router.add("POST", "/api/v1/log", Runs.LOCALLY, false, false, server::setLogLevel);
        router.add("GET", "/api/v1/health", Runs.ON_OWNER, false, false, (r, c) -> server.health(r));
        router.add("GET", "/api/v1/changefeeds", Runs.ON_OWNER, false, false,
                (r, c) -> v1List(query.listChangefeeds(r)));
        router.add("GET", cf, Runs.ON_OWNER, false, false, (r, c) -> query.getChangefeed(r, true));
        router.add("POST", cf + "/pause", Runs.ON_OWNER, true, false, (r, c) -> v1Write(lifecycle.pauseChangefeed(r)));
        router.add("POST", cf + "/resume", Runs.ON_OWNER, true, false,
                (r, c) -> v1Write(lifecycle.resumeChangefeed(r)));
        router.add("DELETE", cf, Runs.ON_OWNER, true, false, (r, c) -> v1Write(lifecycle.deleteChangefeed(r)));
        router.add("POST", "/api/v1/owner/resign", Runs.ON_OWNER, false, false,
                (r, c) -> v1Write(captures.resignOwner(r)));
        router.add("GET", "/api/v1/processors/{changefeed_id}/{capture_id}", Runs.ON_OWNER, false, false,
                (r, c) -> newServer.processorStub());
        router.add("GET", "/api/v1/processors", Runs.ON_OWNER, false, false,
                (r, c) -> v1List(newServer.processorsStub()));
        router.add("GET", "/api/v1/captures", Runs.ON_OWNER, false, false, (r, c) -> v1List(captures.listCaptures(r)));
    }

    /** A v2 write's success as v1 answers it: 202, same body. */
    private static Reply v1Write(Reply v2) {
        return v2.status() == 200 ? Reply.json(202, v2.json()) : v2;
    }

    /** A v2 list as v1 answers it: the items alone. */
    private static Reply v1List(Reply v2) {
        return v2.status() == 200 ? Reply.json(200, v2.json().path("items")) : v2;
    }
}
