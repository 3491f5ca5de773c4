package dev.ticdcctl.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ticdcctl.model.Capture;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedStatus;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.DrainResult;
import dev.ticdcctl.model.EtcdEntry;
import dev.ticdcctl.model.ListResult;
import dev.ticdcctl.model.ProcessorDetail;
import dev.ticdcctl.model.ProcessorSummary;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.ServerStatus;
import dev.ticdcctl.model.SyncedStatus;
import dev.ticdcctl.model.TsoParts;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The TiCDC OpenAPI v2, one method per route (numbered as in the route table of the API reference). */
public final class TicdcClient {
    private static final String V2 = "/api/v2";
    private static final Set<String> NOT_FOUND_CODES = Set.of("CDC:ErrChangeFeedNotExists", "CDC:ErrCaptureNotExist");
    private static final Set<String> AUTH_CODES = Set.of("CDC:ErrCredentialNotFound", "CDC:ErrUnauthorized");
    private static final Object EMPTY_BODY = Map.of();

    private final HttpTransport transport;
    private final Supplier<ObjectMapper> mapper;

    /**
     * {@code mapper} is asked for only when a body is written or bound: a command that streams or reads its answer
     * with the plain parser sends its request while the mapper is still being built.
     */
    public TicdcClient(HttpTransport transport, Supplier<ObjectMapper> mapper) {
        this.transport = transport;
        this.mapper = mapper;
    }

    public URI server() {
        return transport.baseUri();
    }

    // 1
    public ApiResult<ServerStatus> status() throws InterruptedException {
        return typed(send("GET", "/status", null), ServerStatus.class);
    }

    // 2: 200 {} when healthy; an unhealthy cluster answers 500 CDC:ErrClusterIsUnhealthy.
    public JsonNode health() throws InterruptedException {
        return call("GET", "/health", null);
    }

    // 3
    public void setLogLevel(String level) throws InterruptedException {
        call("POST", "/log", new Requests.LogLevel(level));
    }

    // 4
    public ApiResult<ChangefeedDetail> createChangefeed(Requests.CreateChangefeed request) throws InterruptedException {
        return typed(send("POST", "/changefeeds", request), ChangefeedDetail.class);
    }

    // 5: state null = the server's default filter (everything but finished and removed), "all" = everything.
    public ApiResult<ListResult<ChangefeedSummary>> listChangefeeds(String namespace, String state)
            throws InterruptedException {
        String query = "?namespace=" + encode(namespace) + (state == null ? "" : "&state=" + encode(state));
        return typed(send("GET", "/changefeeds" + query, null), "ListResult",
                body -> ChangefeedListReader.read(Json.factory(), body));
    }

    // 6
    public ApiResult<ChangefeedDetail> getChangefeed(String namespace, String id) throws InterruptedException {
        return typed(send("GET", changefeed(namespace, id, ""), null), ChangefeedDetail.class);
    }

    // 7
    public ApiResult<ChangefeedDetail> updateChangefeed(String namespace, String id, Requests.UpdateChangefeed request)
            throws InterruptedException {
        return typed(send("PUT", changefeed(namespace, id, ""), request), ChangefeedDetail.class);
    }

    // 8: idempotent on the server; answers only once the changefeed is gone.
    public void deleteChangefeed(String namespace, String id) throws InterruptedException {
        call("DELETE", changefeed(namespace, id, ""), null);
    }

    // 9: like 6 but the sink URI is not masked, so the result is a secret.
    public ApiResult<ChangefeedDetail> changefeedMetaInfo(String namespace, String id) throws InterruptedException {
        return typed(send("GET", changefeed(namespace, id, "/meta_info"), null), ChangefeedDetail.class);
    }

    // 10: the body is required; the server ignores the request unless the changefeed is stopped, failed or finished.
    public void resumeChangefeed(String namespace, String id, Requests.ResumeChangefeed request)
            throws InterruptedException {
        call("POST", changefeed(namespace, id, "/resume"), request);
    }

    // 11: ignored by the server unless the changefeed is normal, warning or pending.
    public void pauseChangefeed(String namespace, String id) throws InterruptedException {
        call("POST", changefeed(namespace, id, "/pause"), null);
    }

    // 12
    public ApiResult<ChangefeedStatus> changefeedStatus(String namespace, String id) throws InterruptedException {
        return typed(send("GET", changefeed(namespace, id, "/status"), null), ChangefeedStatus.class);
    }

    // 13
    public ApiResult<SyncedStatus> changefeedSynced(String namespace, String id) throws InterruptedException {
        return typed(send("GET", changefeed(namespace, id, "/synced"), null), SyncedStatus.class);
    }

    // 14: answers 202 with the number of tables still on the capture.
    public ApiResult<DrainResult> drainCapture(String captureId) throws InterruptedException {
        return typed(send("POST", "/captures/" + encode(captureId) + "/drain", null), DrainResult.class);
    }

    // 15
    public ApiResult<ListResult<Capture>> listCaptures() throws InterruptedException {
        return typed(send("GET", "/captures", null), new TypeReference<ListResult<Capture>>() {});
    }

    // 16
    public ApiResult<ProcessorDetail> getProcessor(String namespace, String changefeedId, String captureId)
            throws InterruptedException {
        String path = "/processors/" + encode(changefeedId) + "/" + encode(captureId) + "?namespace="
                + encode(namespace);
        return typed(send("GET", path, null), ProcessorDetail.class);
    }

    // 17: every namespace.
    public ApiResult<ListResult<ProcessorSummary>> listProcessors() throws InterruptedException {
        return typed(send("GET", "/processors", null), new TypeReference<ListResult<ProcessorSummary>>() {});
    }

    // 18: table eligibility at start_ts for a prospective changefeed.
    public JsonNode verifyTable(JsonNode request) throws InterruptedException {
        return call("POST", "/verify_table", request);
    }

    // 19: raw etcd values, with unmasked sink URIs.
    public ApiResult<List<EtcdEntry>> unsafeMetadata() throws InterruptedException {
        return typed(send("GET", "/unsafe/metadata", null), new TypeReference<List<EtcdEntry>>() {});
    }

    // 20
    public void resolveLock(Requests.ResolveLock request) throws InterruptedException {
        call("POST", "/unsafe/resolve_lock", request);
    }

    // 21: the body is required; {} selects the default upstream.
    public void deleteServiceGcSafepoint() throws InterruptedException {
        call("DELETE", "/unsafe/service_gc_safepoint", Requests.Upstream.DEFAULT);
    }

    // 22: the owner resigns asynchronously and the captures elect another.
    public void resignOwner() throws InterruptedException {
        call("POST", "/owner/resign", null);
    }

    // 23: the body is required; {} selects the default upstream.
    public ApiResult<TsoParts> tso() throws InterruptedException {
        return typed(send("POST", "/tso", Requests.Upstream.DEFAULT), TsoParts.class);
    }

    /**
     * Any route, for those newer than this client: {@code pathAndQuery} is taken from the server's root as given,
     * and {@code body} and {@code headers} are sent as {@link HttpTransport#send(String, String, byte[], List)} says.
     * Returns a 2xx answer as received; any other status throws exactly as the modelled routes do.
     */
    public HttpTransport.Response raw(String method, String pathAndQuery, byte[] body,
            List<HttpTransport.Header> headers) throws InterruptedException {
        return successful(transport.send(method, pathAndQuery, body, headers), method, pathAndQuery);
    }

    private static String changefeed(String namespace, String id, String suffix) {
        return "/changefeeds/" + encode(id) + suffix + "?namespace=" + encode(namespace);
    }

    private JsonNode call(String method, String path, Object body) throws InterruptedException {
        return parse(send(method, path, body));
    }

    private HttpTransport.Response send(String method, String path, Object body) throws InterruptedException {
        byte[] json = null;
        if (body != null) {
            try {
                json = mapper.get().writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode the request body", e);
            }
        }
        return successful(transport.send(method, V2 + path, json), method, V2 + path);
    }

    private HttpTransport.Response successful(HttpTransport.Response response, String method, String path) {
        if (response.status() / 100 == 2) {
            return response;
        }
        throw error(response, method, path);
    }

    private JsonNode parse(HttpTransport.Response response) {
        if (response.body().length == 0) {
            return NullNode.getInstance();
        }
        try {
            return mapper.get().readTree(response.body());
        } catch (IOException e) {
            throw new UnexpectedResponseException("the server answered HTTP " + response.status()
                    + " with a body that is not JSON: " + Excerpt.of(response.body()), null);
        }
    }

    private <T> ApiResult<T> typed(HttpTransport.Response response, Class<T> type) {
        return typed(response, type.getSimpleName(), body -> mapper.get().readValue(body, type));
    }

    private <T> ApiResult<T> typed(HttpTransport.Response response, TypeReference<T> type) {
        Type raw = type.getType() instanceof ParameterizedType generic ? generic.getRawType() : type.getType();
        return typed(response, ((Class<?>) raw).getSimpleName(), body -> mapper.get().readValue(body, type));
    }

    /** How a body becomes a typed value. */
    private interface Binder<T> {
        T bind(byte[] body) throws IOException;
    }

    /** Binds straight from the body bytes, so a table of 10,000 items never builds the JSON tree. */
    private <T> ApiResult<T> typed(HttpTransport.Response response, String typeName, Binder<T> binder) {
        if (response.body().length == 0) {
            throw new UnexpectedResponseException("the server answered with an empty body where a "
                    + typeName + " was expected", null);
        }
        return new ApiResult<>(response.body(), () -> parse(response), () -> {
            try {
                return binder.bind(response.body());
            } catch (JsonProcessingException e) {
                parse(response); // a body that is not JSON at all is reported as such
                throw new UnexpectedResponseException("the server's answer does not have the expected shape: "
                        + e.getOriginalMessage(), null);
            } catch (IOException e) {
                throw new UnexpectedResponseException("cannot read the server's answer: " + e.getMessage(), null);
            }
        });
    }

    private ClientException error(HttpTransport.Response response, String method, String path) {
        int status = response.status();
        JsonNode envelope = tryParse(response.body());
        if (envelope != null && envelope.isObject()
                && (envelope.has("error_msg") || envelope.has("error_code"))) {
            String code = envelope.path("error_code").asText("");
            String message = stripCode(envelope.path("error_msg").asText(""), code);
            if (status == 401 || AUTH_CODES.contains(code)) {
                return new UnauthorizedException(status, code, message, null);
            }
            if (NOT_FOUND_CODES.contains(code)) {
                return new NotFoundException(status, code, message, null);
            }
            return new ApiException(status, code, message, null);
        }
        String excerpt = Excerpt.of(response.body());
        String quoted = excerpt.isEmpty() ? "an empty body" : "a non-JSON body: " + excerpt;
        if (status == 401) {
            return new UnauthorizedException(status, "", "the server refused the request: HTTP 401 with " + quoted, null);
        }
        if (status == 404) {
            return new UnexpectedResponseException("the server has no route " + method + " " + path.replaceFirst("\\?.*", "")
                    + " (HTTP 404 with " + quoted + ")", "is the address a TiCDC server of v7.1 or newer?");
        }
        return new UnexpectedResponseException("the server answered HTTP " + status + reason(status) + " with " + quoted,
                status == 502 || status == 504 ? "a proxy in front of TiCDC could not reach it" : null);
    }

    private JsonNode tryParse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.get().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** TiCDC writes {@code "[CDC:ErrX]message"}; the code is reported separately, so drop the prefix. */
    private static String stripCode(String message, String code) {
        String prefix = "[" + code + "]";
        String stripped = !code.isEmpty() && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return stripped.isBlank() ? "the server reported an error without a message" : stripped.trim();
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    /** Percent-encodes a path segment or query value. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
