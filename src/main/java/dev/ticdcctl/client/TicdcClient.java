package dev.ticdcctl.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedStatus;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.DrainResult;
import dev.ticdcctl.model.EtcdEntry;
import dev.ticdcctl.model.FeatureReleases;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.model.ProcessorDetail;
import dev.ticdcctl.model.ProcessorSummary;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.ServerStatus;
import dev.ticdcctl.model.SyncedStatus;
import dev.ticdcctl.model.TsoParts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The TiCDC OpenAPI v2, one method per route of tiflow cdc/api/v2/api.go {@code RegisterOpenAPIV2Routes}, spoken so
 * that both architectures understand it (see {@link ServerDialect}): changefeed routes carry {@code namespace} for a
 * classic server and, when one is set, {@code keyspace} for the new architecture; each server ignores the other's.
 */
public final class TicdcClient {
    static final String V2 = "/api/v2";
    /** The only drain route of the new architecture; it drains from v8.5.7 (before, it answers without draining). */
    static final String V1_DRAIN = "/api/v1/captures/drain";
    /** The namespace of classic servers, and the keyspace of the new architecture's classic kernel. */
    private static final String DEFAULT = "default";
    /** POSTs that only ask something: an odd answer to them did not change anything. */
    private static final Set<String> READ_ONLY_POSTS = Set.of("/tso", "/verify_table");

    // What each route's answer must hold for the commands that read it (see Answer.Shape).
    private static final Answer.Shape<ServerStatus> SERVER_STATUS = Answer.Shape.object("a server status",
            s -> s.id() == null ? "no \"id\"" : s.version() == null ? "no \"version\"" : null);
    private static final Answer.Shape<JsonNode> HEALTH = Answer.Shape.object("a health status", h -> null);
    private static final Answer.Shape<ChangefeedDetail> CHANGEFEED = Answer.Shape.object("a changefeed",
            cf -> cf.id() == null ? "no \"id\"" : null);
    private static final Answer.Shape<ChangefeedDetail> CHANGEFEED_WITH_SINK = Answer.Shape.object("a changefeed",
            cf -> cf.id() == null ? "no \"id\"" : cf.sinkUri() == null ? "no \"sink_uri\"" : null);
    private static final Answer.Shape<ListResult<ChangefeedSummary>> CHANGEFEEDS = Answer.Shape.object(
            "a list of changefeeds", list -> items(list, cf -> cf.id() == null ? "id" : null));
    private static final Answer.Shape<ChangefeedStatus> CHANGEFEED_STATUS = Answer.Shape.object(
            "a changefeed status", s -> null);
    private static final Answer.Shape<SyncedStatus> SYNCED = Answer.Shape.object("a synced status",
            s -> s.synced() == null ? "no \"synced\"" : null);
    private static final Answer.Shape<DrainResult> DRAIN = Answer.Shape.object("a drain result",
            d -> d.currentTableCount() == null ? "no \"current_table_count\"" : null);
    private static final Answer.Shape<ListResult<Capture>> CAPTURES = Answer.Shape.object("a list of captures",
            list -> items(list, c -> c.id() == null ? "id" : null));
    private static final Answer.Shape<ProcessorDetail> PROCESSOR = Answer.Shape.object("a processor", p -> null);
    private static final Answer.Shape<ListResult<ProcessorSummary>> PROCESSORS = Answer.Shape.object(
            "a list of processors", list -> items(list, p -> p.changefeedId() == null ? "changefeed_id"
                    : p.captureId() == null ? "capture_id" : null));
    private static final Answer.Shape<JsonNode> TABLE_VERIFICATION = Answer.Shape.object("a table verification",
            v -> null);
    private static final Answer.Shape<List<EtcdEntry>> METADATA = Answer.Shape.array("a list of etcd keys",
            TicdcClient::keys);
    private static final Answer.Shape<TsoParts> TSO = Answer.Shape.object("a TSO",
            t -> t.timestamp() <= 0 ? "no \"timestamp\"" : null);

    private final HttpTransport transport;
    private final Supplier<ObjectMapper> mapper;
    private final Runnable mapperAhead;
    private final String keyspace;
    private final ServerDialects dialects;
    private final ErrorAnswers errors;
    /** Whether the server was found to drain through the v1 route (see {@link #drainCapture}). */
    private volatile boolean drainsThroughV1;

    /**
     * {@code mapper} is asked for only when a body is written or bound: a command that streams or reads its answer
     * with the plain parser never builds it. {@code mapperAhead} is run as a request whose answer will be bound is
     * sent, so that the mapper can be built while the answer is on its way. {@code keyspace}, or null for none, is
     * sent to the routes of the new architecture that read it; {@code dialects} finds out which server answers when
     * a command asks ({@link #dialect()}).
     */
    public TicdcClient(HttpTransport transport, Supplier<ObjectMapper> mapper, Runnable mapperAhead, String keyspace,
            ServerDialects dialects) {
        this.transport = transport;
        this.mapper = mapper;
        this.mapperAhead = mapperAhead;
        this.keyspace = keyspace == null || keyspace.isEmpty() ? null : keyspace;
        this.dialects = dialects;
        this.errors = new ErrorAnswers(mapper, this.keyspace);
    }

    /** Which server answers; asks it (see {@link ServerDialects}) unless pinned or remembered. */
    public ServerDialect dialect() throws InterruptedException {
        return dialects.of(this);
    }

    /** The architecture of the server when it is known without asking it (pinned or remembered), else UNKNOWN. */
    public ServerDialect.Arch knownArch() {
        return dialects.knownArch(this);
    }

    HttpTransport transport() {
        return transport;
    }

    ObjectMapper mapper() {
        return mapper.get();
    }

    public URI server() {
        return transport.baseUri();
    }

    public ApiResult<ServerStatus> status() throws InterruptedException {
        return typed(send("GET", "/status", null), SERVER_STATUS, ServerStatus.class);
    }

    // 200 {} when healthy; an unhealthy cluster answers 500 CDC:ErrClusterIsUnhealthy.
    public JsonNode health() throws InterruptedException {
        return send("GET", "/health", null).tree(mapper.get(), HEALTH);
    }

    public void setLogLevel(String level) throws InterruptedException {
        call("POST", "/log", new Requests.LogLevel(level));
    }

    public ApiResult<ChangefeedDetail> createChangefeed(Requests.CreateChangefeed request) throws InterruptedException {
        return scoped(typed(send("POST", "/changefeeds" + keyspace("?"), request), CHANGEFEED,
                ChangefeedDetail.class), request.namespace(), "created");
    }

    // State null = the server's default filter (everything but finished and removed), "all" = everything.
    public ApiResult<ListResult<ChangefeedSummary>> listChangefeeds(String namespace, String state)
            throws InterruptedException {
        String query = "?namespace=" + encode(namespace) + keyspace("&")
                + (state == null ? "" : "&state=" + encode(state));
        // Streamed by the plain parser: the only answer that never needs the mapper.
        return scoped(typed(exchange("GET", V2 + "/changefeeds" + query, null, false), CHANGEFEEDS,
                body -> ChangefeedListReader.read(Json.factory(), body)), namespace, null);
    }

    public ApiResult<ChangefeedDetail> getChangefeed(String namespace, String id) throws InterruptedException {
        return scoped(typed(send("GET", changefeed(namespace, id, ""), null), CHANGEFEED, ChangefeedDetail.class),
                namespace, null);
    }

    public ApiResult<ChangefeedDetail> updateChangefeed(String namespace, String id, Requests.UpdateChangefeed request)
            throws InterruptedException {
        return typed(send("PUT", changefeed(namespace, id, ""), request), CHANGEFEED, ChangefeedDetail.class);
    }

    // Idempotent on the server; answers only once the changefeed is gone.
    public void deleteChangefeed(String namespace, String id) throws InterruptedException {
        call("DELETE", changefeed(namespace, id, ""), null);
    }

    /**
     * The changefeed's sink URI as stored, secrets in clear (from {@code meta_info}), or empty when the server does not
     * reveal it: the new architecture dropped {@code meta_info} (ticdc api/v2/api.go RegisterOpenAPIV2Routes) and
     * masks the URI in every other answer. Nothing is asked of a server known to have the new architecture; any other
     * answers the route or gin's text 404, which says the same.
     */
    public Optional<String> storedSinkUri(String namespace, String id) throws InterruptedException {
        if (knownArch() == ServerDialect.Arch.NEW) {
            return Optional.empty();
        }
        String path = V2 + changefeed(namespace, id, "/meta_info");
        HttpTransport.Response response = transport.send("GET", path, null);
        if (ServerDialects.noSuchRoute(response)) {
            return Optional.empty();
        }
        Answer answer = new Answer("GET", path, successful(response, "GET", path).body(), false);
        return Optional.of(typed(answer, CHANGEFEED_WITH_SINK, ChangefeedDetail.class).value().sinkUri());
    }

    // The body is required; the server ignores the request unless the changefeed is stopped, failed or finished.
    public void resumeChangefeed(String namespace, String id, Requests.ResumeChangefeed request)
            throws InterruptedException {
        call("POST", changefeed(namespace, id, "/resume"), request);
    }

    // Ignored by the server unless the changefeed is normal, warning or pending.
    public void pauseChangefeed(String namespace, String id) throws InterruptedException {
        call("POST", changefeed(namespace, id, "/pause"), null);
    }

    public ApiResult<ChangefeedStatus> changefeedStatus(String namespace, String id) throws InterruptedException {
        return typed(send("GET", changefeed(namespace, id, "/status"), null), CHANGEFEED_STATUS,
                ChangefeedStatus.class);
    }

    public ApiResult<SyncedStatus> changefeedSynced(String namespace, String id) throws InterruptedException {
        return typed(send("GET", changefeed(namespace, id, "/synced"), null), SYNCED, SyncedStatus.class);
    }

    // Answers 202 with the number of tables still on the capture.
    public ApiResult<DrainResult> drainCapture(String captureId) throws InterruptedException {
        String v2 = V2 + "/captures/" + encode(captureId) + "/drain";
        HttpTransport.Response response = transport.send("POST", v2, null);
        if (ServerDialects.noSuchRoute(response)) {
            // pingcap/ticdc dropped the v2 drain, so gin answered; from v8.5.7 its coordinator drains through the v1
            // route it kept (ticdc api/v1/api.go drainCapture): PUT {"capture_id"}, answered 202
            // {"current_table_count"}. Asking v2 first costs a classic server nothing and needs no probe.
            requireNodeDrain();
            return typed(exchange("PUT", V1_DRAIN, Map.of("capture_id", captureId), true), DRAIN, DrainResult.class);
        }
        return typed(new Answer("POST", v2, successful(response, "POST", v2).body(), true), DRAIN,
                DrainResult.class);
    }

    /**
     * Refuses, before anything is asked to drain, a server known (pinned or remembered) to be of the new architecture
     * whose release cannot drain. Sends nothing to a server known to be classic or not known yet: the drain itself
     * finds the latter out (see {@link #drainCapture}), as probing would cost a classic server a request.
     */
    public void requireDrainSupport() throws InterruptedException {
        if (knownArch() == ServerDialect.Arch.NEW) {
            requireNodeDrain();
        }
    }

    /**
     * Before v8.5.7 (and on v26.3) the new architecture's v1 drain is a stub that answers 0 tables, or now and then
     * 10, without moving anything (ticdc@v8.5.6 api/v1/api.go drainCapture): such a release is refused rather than
     * reported drained. Its version is asked once per client; drains repeat the request until no table is left.
     */
    private void requireNodeDrain() throws InterruptedException {
        if (drainsThroughV1) {
            return;
        }
        String version = status().value().version();
        ServerVersion release = ServerVersion.parse(version);
        if (release != null && !release.drainsNodes()) {
            throw new ClientException("TiCDC " + version + " (new architecture) cannot drain a capture: its drain"
                    + " route answers without moving anything before v8.5.7", "stopping the capture moves its"
                    + " tables to the other captures", null);
        }
        drainsThroughV1 = true;
    }

    public ApiResult<ListResult<Capture>> listCaptures() throws InterruptedException {
        return typed(send("GET", "/captures", null), CAPTURES, new TypeReference<ListResult<Capture>>() {});
    }

    public ApiResult<ProcessorDetail> getProcessor(String namespace, String changefeedId, String captureId)
            throws InterruptedException {
        String path = "/processors/" + encode(changefeedId) + "/" + encode(captureId) + "?namespace="
                + encode(namespace) + keyspace("&");
        return typed(send("GET", path, null), PROCESSOR, ProcessorDetail.class);
    }

    // The processors of every namespace.
    public ApiResult<ListResult<ProcessorSummary>> listProcessors() throws InterruptedException {
        return typed(send("GET", "/processors", null), PROCESSORS,
                new TypeReference<ListResult<ProcessorSummary>>() {});
    }

    // Table eligibility at start_ts for a prospective changefeed.
    public JsonNode verifyTable(JsonNode request) throws InterruptedException {
        return send("POST", "/verify_table" + keyspace("?"), request).tree(mapper.get(), TABLE_VERIFICATION);
    }

    // Raw etcd values, with unmasked sink URIs.
    public ApiResult<List<EtcdEntry>> unsafeMetadata() throws InterruptedException {
        return typed(send("GET", "/unsafe/metadata" + keyspace("?"), null), METADATA, new TypeReference<List<EtcdEntry>>() {});
    }

    public void resolveLock(Requests.ResolveLock request) throws InterruptedException {
        call("POST", "/unsafe/resolve_lock" + keyspace("?"), request);
    }

    // The body is required; {} selects the default upstream.
    public void deleteServiceGcSafepoint() throws InterruptedException {
        call("DELETE", "/unsafe/service_gc_safepoint" + keyspace("?"), Requests.Upstream.DEFAULT);
    }

    // The owner resigns asynchronously and the captures elect another.
    public void resignOwner() throws InterruptedException {
        call("POST", "/owner/resign", null);
    }

    // The body is required; {} selects the default upstream.
    public ApiResult<TsoParts> tso() throws InterruptedException {
        return typed(send("POST", "/tso", Requests.Upstream.DEFAULT), TSO, TsoParts.class);
    }

    /**
     * Any route, for those newer than this client: {@code pathAndQuery} is taken from the server's root as given,
     * and {@code body} and {@code headers} are sent as {@link HttpTransport#send(String, String, byte[], List)} says.
     * Returns a 2xx answer as received; any other status throws exactly as the modelled routes do.
     */
    public HttpTransport.Response raw(String method, String pathAndQuery, byte[] body,
            List<HttpTransport.Header> headers) throws InterruptedException {
        mapperAhead.run(); // the answer is printed through the mapper
        return successful(transport.send(method, pathAndQuery, body, headers), method, pathAndQuery);
    }

    private String changefeed(String namespace, String id, String suffix) {
        return "/changefeeds/" + encode(id) + suffix + "?namespace=" + encode(namespace) + keyspace("&");
    }

    /**
     * Each architecture ignores the other's query parameter, so a namespace other than {@code default} sent to the
     * new architecture, or a keyspace other than {@code default} to a classic server, would act on {@code default}
     * unnoticed. The answer tells which server it is (new: {@code keyspace}, classic: {@code namespace}), so such a
     * mix-up is an error with no probe; for a create it is found only after the fact, and says so. A classic server
     * before v7.2 ignores the namespace too, and answers for another.
     */
    private <T> ApiResult<T> scoped(ApiResult<T> result, String namespace, String done) {
        boolean namespaceOnly = namespace != null && !namespace.equals(DEFAULT) && keyspace == null;
        boolean keyspaceOnly = keyspace != null && !keyspace.equals(DEFAULT)
                && (namespace == null || namespace.equals(DEFAULT));
        if (!namespaceOnly && !keyspaceOnly) {
            return result;
        }
        JsonNode json = result.json();
        JsonNode changefeed = json.has("items") ? json.path("items").path(0) : json;
        String created = done == null ? "" : " (the changefeed was " + done + " there nevertheless)";
        if (namespaceOnly && changefeed.has("keyspace") && !changefeed.has("namespace")) {
            throw new ClientException("this server has the new architecture, which has keyspaces, not namespaces: it"
                    + " ignored namespace '" + namespace + "' and used keyspace '"
                    + changefeed.path("keyspace").asText() + "'" + created, ErrorAnswers.KEYSPACE_HINT, null);
        }
        if (keyspaceOnly && changefeed.has("namespace") && !changefeed.has("keyspace")) {
            throw new ClientException("this server has the classic architecture, which has namespaces, not"
                    + " keyspaces: it ignored keyspace '" + keyspace + "' and used namespace '"
                    + changefeed.path("namespace").asText() + "'" + created, "give the namespace with -n NS", null);
        }
        Iterable<JsonNode> answered = json.has("items") ? json.path("items") : List.of(json);
        for (JsonNode item : answered) {
            String other = item.path("namespace").asText(namespace);
            if (namespaceOnly && !other.equals(namespace)) {
                // v7.1 ignores the parameter: it answers for the default namespace, or lists every namespace
                throw new ClientException("the server ignored namespace '" + namespace + "' and answered for"
                        + " namespace '" + other + "'" + created, "namespaces need TiCDC " + FeatureReleases.NAMESPACES
                        + " or newer; 'ticdcctl version' shows the server's", null);
            }
        }
        return result;
    }

    /** {@code keyspace=NAME} after {@code separator}, or nothing when no keyspace is set. */
    String keyspace(String separator) {
        return keyspace == null ? "" : separator + "keyspace=" + encode(keyspace);
    }

    /** The new architecture's table-scheduling routes of one changefeed. */
    public TableRoutes tableRoutes(String changefeedId) {
        return new TableRoutes(this, changefeedId);
    }

    /** For routes whose answer only confirms: any JSON or nothing is fine, a page that is not JSON is not. */
    void call(String method, String path, Object body) throws InterruptedException {
        send(method, path, body).anyJson(mapper.get());
    }

    Answer send(String method, String path, Object body) throws InterruptedException {
        mapperAhead.run();
        return exchange(method, V2 + path, body, !method.equals("GET") && !READ_ONLY_POSTS.contains(path));
    }

    /** A request to {@code fullPath} (from the server's root); {@code changes}: whether it may change something. */
    private Answer exchange(String method, String fullPath, Object body, boolean changes)
            throws InterruptedException {
        byte[] json = null;
        if (body != null) {
            try {
                json = mapper.get().writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode the request body", e);
            }
        }
        HttpTransport.Response response = successful(transport.send(method, fullPath, json), method, fullPath);
        return new Answer(method, fullPath, response.body(), changes);
    }

    private HttpTransport.Response successful(HttpTransport.Response response, String method, String path) {
        if (response.status() / 100 == 2) {
            return response;
        }
        throw errors.of(response, method, path);
    }

    <T> ApiResult<T> typed(Answer answer, Answer.Shape<T> shape, Class<T> type) {
        return typed(answer, shape, body -> Answer.strict(mapper.get().readerFor(type)).readValue(body));
    }

    <T> ApiResult<T> typed(Answer answer, Answer.Shape<T> shape, TypeReference<T> type) {
        return typed(answer, shape, body -> Answer.strict(mapper.get().readerFor(type)).readValue(body));
    }

    /** Binds straight from the body bytes, so a table of 10,000 items never builds the JSON tree. */
    private <T> ApiResult<T> typed(Answer answer, Answer.Shape<T> shape, Answer.Binder<T> binder) {
        answer.topLevel(shape); // an empty, null or non-JSON answer fails before anything is printed
        return new ApiResult<>(answer, shape, () -> answer.tree(mapper.get(), shape),
                () -> answer.bind(shape, binder));
    }

    /** The problem of the first item of a list that is missing or lacks a field ({@code lacks} names it). */
    static <T> String items(ListResult<T> list, Function<T, String> lacks) {
        if (list.items() == null) {
            return "no \"items\" array";
        }
        for (int i = 0; i < list.items().size(); i++) {
            T item = list.items().get(i);
            String missing = item == null ? null : lacks.apply(item);
            if (item == null || missing != null) {
                return "\"items[" + i + "]\" " + (item == null ? "is null" : "has no \"" + missing + "\"");
            }
        }
        return null;
    }

    private static String keys(List<EtcdEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null || entries.get(i).key() == null) {
                return "\"[" + i + "]\" has no \"key\"";
            }
        }
        return null;
    }


    /** Percent-encodes a path segment or query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
