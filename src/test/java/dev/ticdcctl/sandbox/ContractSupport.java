package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the sandbox contract tests: a three-capture sandbox of the classic server unless a test names another
 * dialect, on a {@link TestClock} (time moves only when a test says so), and a small HTTP client speaking to it with
 * {@link HttpClient} directly, not through the CLI.
 *
 * <p>The server zone is Asia/Shanghai (+08:00) so that "server local time" renderings differ from
 * UTC and are really checked.
 */
abstract class ContractSupport {
    static final Instant START = Instant.parse("2024-07-01T02:05:10.123Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration TICK = Duration.ofMillis(500);
    static final int LOGICAL_BITS = 18;
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final Pattern SERVER_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    static final DateTimeFormatter SERVER_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOT_FOUND_BODY = "404 page not found";

    protected final TestClock clock = new TestClock(START, ZONE);
    protected final Sandbox sandbox;
    protected final List<URI> urls;
    /** Where the sandbox keeps its state, or null when in memory; removed after the test. */
    protected final Path stateDir;
    private final HttpClient http;
    /** Headers every request carries unless a test removes them (e.g. credentials in the auth tests). */
    protected final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    protected ContractSupport() {
        this(UnaryOperator.identity());
    }

    protected ContractSupport(UnaryOperator<Sandbox.Options> customize) {
        this(customize, null);
    }

    /** With {@code clientTls}, requests go over HTTPS with that context (the sandbox being started with TLS). */
    protected ContractSupport(UnaryOperator<Sandbox.Options> customize, SSLContext clientTls) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        http = (clientTls == null ? client : client.sslContext(clientTls)).build();
        // The classic server's contract, which the other forms' tests are written as differences from: they name
        // their dialect in customize.
        Sandbox.Options options = customize.apply(Sandbox.Options.defaults().withCaptures(3).withTick(TICK)
                .withClock(clock).withDialect(ServerDialect.CLASSIC));
        stateDir = options.stateDir();
        try {
            sandbox = Sandbox.start(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        urls = sandbox.urls();
    }

    @AfterEach
    void stopSandbox() throws IOException {
        sandbox.close();
        if (stateDir != null) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A new empty directory for a sandbox's state ({@code o -> o.withStateDir(freshStateDir())}). */
    static Path freshStateDir() {
        try {
            return Files.createTempDirectory("sandbox-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state file as the sandbox last wrote it. */
    JsonNode stateFile() {
        try {
            return JSON.readTree(stateDir.resolve("state.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    /** An answer as the wire carried it. */
    record Resp(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        boolean indented() {
            return body.startsWith("{\n    \"") || body.startsWith("[\n    {");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** A request being built: {@code req("GET", path).on(1).send()}. */
    final class Req {
        private final String method;
        private final String path;
        private URI server = urls.get(0);
        private String body;
        private final Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        private Duration timeout = Duration.ofSeconds(20);

        Req(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Which capture is asked: 0 is the owner at start. */
        Req on(int node) {
            return on(urls.get(node));
        }

        /** Sends to this server instead, another sandbox say. */
        Req on(URI server) {
            this.server = server;
            return this;
        }

        Req body(String json) {
            this.body = json;
            return this;
        }

        Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Req without(String header) {
            headers.remove(header);
            return this;
        }

        Req timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        HttpRequest build() {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout)
                    .method(method, publisher);
            if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            return b.build();
        }

        Resp send() {
            return sendWith(http);
        }

        Resp sendWith(HttpClient client) {
            try {
                HttpResponse<String> r = client.send(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Resp(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Req req(String method, String path) {
        return new Req(method, path);
    }

    Resp get(String path) {
        return req("GET", path).send();
    }

    Resp post(String path, String body) {
        return req("POST", path).body(body).send();
    }

    Resp put(String path, String body) {
        return req("PUT", path).body(body).send();
    }

    Resp delete(String path) {
        return req("DELETE", path).send();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- time and TSOs

    /** Lets the owner act on what was requested so far (two ticks). */
    void tick() {
        clock.sleep(Duration.ofSeconds(1));
    }

    long nowMillis() {
        return clock.millis();
    }

    /** Lets the clock run to {@code epochMillis}. */
    void sleepUntil(long epochMillis) {
        clock.sleep(Duration.ofMillis(epochMillis - nowMillis()));
    }

    static long tso(long physicalMillis, long logical) {
        return (physicalMillis << LOGICAL_BITS) | logical;
    }

    static long physical(long tso) {
        return tso >>> LOGICAL_BITS;
    }

    static String serverTime(long epochMillis) {
        return SERVER_TIME_FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(ZONE));
    }

    // ---------------------------------------------------------------- sandbox controls

    /** POSTs to the fault-injection surface ({@code /sandbox/...}) and checks it accepted. */
    void inject(String path, String json) {
        Resp r = req("POST", path).body(json).send();
        assertEquals(200, r.status(), () -> "sandbox refused " + path + ": " + r);
    }

    /** The capture IDs in the order of {@link Sandbox#urls()}, each as its own {@code /status} tells. */
    List<String> captureIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            Resp r = req("GET", "/api/v2/status").on(i).send();
            assertEquals(200, r.status(), r::toString);
            ids.add(r.json().path("id").asText());
        }
        return ids;
    }

    // ---------------------------------------------------------------- changefeeds

    /** Creates a blackhole changefeed and waits until the owner has loaded it (state normal). */
    JsonNode createLoaded(String id) {
        JsonNode created = create("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}");
        tick();
        return created;
    }

    /** POST /changefeeds with a body, expecting 200. */
    JsonNode create(String body) {
        Resp r = post("/api/v2/changefeeds", body);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    JsonNode info(String id) {
        Resp r = get("/api/v2/changefeeds/" + id);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    /** The raw internal state GET shows ("" when omitted). */
    String stateOf(String id) {
        return info(id).path("state").asText("");
    }

    /**
     * A changefeed in one of the states of the changefeed state machine: normal, warning, pending, stopped,
     * failed or finished. Faults come from {@code POST /sandbox/changefeeds/{id}/fault}, those of warning and pending
     * persisting so that the state lasts (a retry meets the error again a tick after it restarts); finished from a target TSO that the
     * checkpoint reaches.
     */
    void reach(String id, String state) {
        switch (state) {
            case "finished" -> {
                long now = nowMillis();
                create("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\",\"start_ts\":"
                        + tso(now - 60_000, 0) + ",\"target_ts\":" + tso(now - 30_000, 0) + "}");
                clock.sleep(Duration.ofSeconds(10));
            }
            case "normal" -> createLoaded(id);
            case "stopped" -> {
                createLoaded(id);
                assertEquals(200, post("/api/v2/changefeeds/" + id + "/pause", null).status());
                tick();
            }
            case "warning", "pending", "failed" -> {
                createLoaded(id);
                inject("/sandbox/changefeeds/" + id + "/fault", "{\"state\":\"" + state + "\",\"code\":\""
                        + codeFor(state) + "\",\"message\":\"" + state + " injected\",\"persist\":"
                        + !state.equals("failed") + "}");
            }
            default -> throw new IllegalArgumentException(state);
        }
        assertEquals(state, stateOf(id), "setup: the changefeed should be " + state);
    }

    static String codeFor(String state) {
        return switch (state) {
            case "warning" -> "CDC:ErrKafkaNewProducer";
            case "pending" -> "CDC:ErrMySQLConnectionError";
            default -> "CDC:ErrGCTTLExceeded";
        };
    }

    /** Two changefeeds for {@link V2Route}'s requests: cf-1 running, cf-stopped paused; and the capture IDs. */
    V2Route.Fixture fixture() {
        reach(V2Route.Fixture.RUNNING, "normal");
        reach(V2Route.Fixture.STOPPED, "stopped");
        return new V2Route.Fixture(captureIds());
    }

    /** A route's succeeding request, asked of capture {@code node}. */
    Resp call(V2Route route, V2Route.Fixture f, int node) {
        return req(route.method, route.path(f)).body(route.body).on(node).send();
    }

    // ---------------------------------------------------------------- assertions

    /** An object's keys in order. */
    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** TiCDC's error envelope (tiflow cdc/api/middleware ErrorHandleMiddleware): status, code, {@code [code]message}, indented, JSON content type. */
    static void assertError(Resp r, int status, String code, String message) {
        assertErrorEnvelope(r, status, code);
        String expected = code.isEmpty() ? message : "[" + code + "]" + message;
        assertEquals(expected, r.json().path("error_msg").asText(), () -> "error_msg of " + r);
    }

    /** As {@link #assertError} with the message (after the {@code [code]} prefix) matching a regex. */
    static void assertErrorMatching(Resp r, int status, String code, String messageRegex) {
        assertErrorEnvelope(r, status, code);
        String msg = r.json().path("error_msg").asText();
        String prefix = code.isEmpty() ? "" : "[" + code + "]";
        assertTrue(msg.startsWith(prefix), () -> "error_msg must start with " + prefix + ": " + r);
        assertTrue(Pattern.compile(messageRegex, Pattern.DOTALL).matcher(msg.substring(prefix.length())).matches(),
                () -> "error_msg " + msg + " does not match " + messageRegex);
    }

    static void assertErrorEnvelope(Resp r, int status, String code) {
        assertEquals(status, r.status(), () -> "status of " + r);
        assertEquals(JSON_TYPE, r.contentType(), () -> "content type of " + r);
        JsonNode body = r.json();
        assertTrue(body.path("error_msg").isTextual() && body.path("error_code").isTextual(), r::toString);
        assertEquals(code, body.path("error_code").asText(), () -> "error_code of " + r);
        assertTrue(r.indented(), () -> "error bodies are indented with 4 spaces: " + r.body());
        assertEquals(2, body.size(), () -> "the envelope has exactly error_msg and error_code: " + r.body());
    }

    /** 200 with the literal {@code {}} (v2.EmptyResponse), compact. */
    static void assertEmptyOk(Resp r) {
        assertEquals(200, r.status(), r::toString);
        assertEquals(JSON_TYPE, r.contentType(), r::toString);
        assertEquals("{}", r.body());
    }

    /** gin's default 404: text body, no JSON. */
    static void assertGin404(Resp r) {
        assertEquals(404, r.status(), r::toString);
        assertEquals(NOT_FOUND_BODY, r.body());
        assertTrue(r.contentType().startsWith("text/plain"), () -> "404 is plain text: " + r.contentType());
    }

    // ---------------------------------------------------------------- the route table

    /**
     * The 23 routes of tiflow cdc/api/v2/api.go RegisterOpenAPIV2Routes, each with a request that succeeds against {@link Fixture}: {@code {cf}} is a running
     * changefeed ({@code cf-1}), {@code {stopped}} a paused one ({@code cf-stopped}), {@code {capture}} the owner's
     * capture ID, {@code {other}} a non-owner capture (the third).
     */
    enum V2Route {
        STATUS("GET", "/api/v2/status", null, false, false, 200),
        HEALTH("GET", "/api/v2/health", null, true, false, 200),
        LOG("POST", "/api/v2/log", "{\"log_level\":\"info\"}", false, false, 200),
        CREATE("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"cf-new\",\"sink_uri\":\"blackhole://\"}", true, true,
                200),
        LIST("GET", "/api/v2/changefeeds", null, true, false, 200),
        GET("GET", "/api/v2/changefeeds/{cf}", null, true, false, 200),
        UPDATE("PUT", "/api/v2/changefeeds/{stopped}", "{\"target_ts\":" + Fixture.FAR_TARGET + "}", true, true, 200),
        DELETE("DELETE", "/api/v2/changefeeds/{cf}", null, true, true, 200),
        META_INFO("GET", "/api/v2/changefeeds/{cf}/meta_info", null, true, false, 200),
        RESUME("POST", "/api/v2/changefeeds/{stopped}/resume", "{}", true, true, 200),
        PAUSE("POST", "/api/v2/changefeeds/{cf}/pause", null, true, true, 200),
        CHANGEFEED_STATUS("GET", "/api/v2/changefeeds/{cf}/status", null, true, false, 200),
        SYNCED("GET", "/api/v2/changefeeds/{cf}/synced", null, true, false, 200),
        DRAIN("POST", "/api/v2/captures/{other}/drain", null, true, false, 202),
        CAPTURES("GET", "/api/v2/captures", null, true, false, 200),
        PROCESSOR("GET", "/api/v2/processors/{cf}/{capture}", null, true, false, 200),
        PROCESSORS("GET", "/api/v2/processors", null, true, false, 200),
        VERIFY_TABLE("POST", "/api/v2/verify_table", "{\"sink_uri\":\"blackhole://\",\"start_ts\":" + Fixture.START_TSO
                + "}", false, false, 200),
        METADATA("GET", "/api/v2/unsafe/metadata", null, true, true, 200),
        RESOLVE_LOCK("POST", "/api/v2/unsafe/resolve_lock", "{\"region_id\":1,\"ts\":1}", true, true, 200),
        SERVICE_GC_SAFEPOINT("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{}", true, true, 200),
        RESIGN("POST", "/api/v2/owner/resign", null, true, false, 200),
        TSO("POST", "/api/v2/tso", "{}", false, false, 200);

        final String method;
        final String template;
        final String body;
        /** Behind ownerMiddleware: answered by the owner (health forwards itself too). */
        final boolean forwarded;
        /** Behind authenticateMiddleware. */
        final boolean authenticated;
        final int success;

        V2Route(String method, String template, String body, boolean forwarded, boolean authenticated, int success) {
            this.method = method;
            this.template = template;
            this.body = body;
            this.forwarded = forwarded;
            this.authenticated = authenticated;
            this.success = success;
        }

        String path(Fixture f) {
            return template.replace("{cf}", Fixture.RUNNING).replace("{stopped}", Fixture.STOPPED)
                    .replace("{capture}", f.owner()).replace("{other}", f.other());
        }

        static List<V2Route> forwardedRoutes() {
            return Arrays.stream(values()).filter(r -> r.forwarded).toList();
        }

        static List<V2Route> localRoutes() {
            return Arrays.stream(values()).filter(r -> !r.forwarded).toList();
        }

        static List<V2Route> authenticatedRoutes() {
            return Arrays.stream(values()).filter(r -> r.authenticated).toList();
        }

        static List<V2Route> openRoutes() {
            return Arrays.stream(values()).filter(r -> !r.authenticated).toList();
        }

        /** What the routes' requests expect to exist: capture IDs and two changefeeds. */
        record Fixture(List<String> captures) {
            static final String RUNNING = "cf-1";
            static final String STOPPED = "cf-stopped";
            /** A target TSO far in the future (2030-01-01), always larger than any start TSO here. */
            static final long FAR_TARGET = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli() << 18;
            /** The TSO of the tests' start instant, a real TSO for verify_table. */
            static final long START_TSO = ContractSupport.START.toEpochMilli() << 18;

            String owner() {
                return captures.get(0);
            }

            String other() {
                return captures.get(2);
            }
        }
    }
}
