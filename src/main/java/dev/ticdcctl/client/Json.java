package dev.ticdcctl.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/** The one JSON mapper: snake_case records, unknown fields ignored, numbers kept exact. */
public final class Json {
    private static final AtomicReference<CompletableFuture<ObjectMapper>> SHARED = new AtomicReference<>();
    /** For streaming reads and writes, which need no databind and so never wait for the mapper. */
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The HTTP client's internals with costly static set-up, initialised ahead of the first request. */
    private static final String[] HTTP_CLASSES = {
        "jdk.internal.net.http.common.Utils", "jdk.internal.net.http.HttpClientImpl",
        "jdk.internal.net.http.HttpRequestImpl", "jdk.internal.net.http.MultiExchange",
        "jdk.internal.net.http.Exchange", "jdk.internal.net.http.Http1Exchange",
        "jdk.internal.net.http.PlainHttpConnection", "jdk.internal.net.http.SocketTube",
        "jdk.internal.net.http.Http1Response", "jdk.internal.net.http.ResponseSubscribers",
    };

    private Json() {}

    /**
     * Loads and initialises the HTTP client's classes and the reader of a changefeed list, for a thread that runs
     * while the command line is parsed: they are a large part of a short run's start-up. The mapper is not built
     * here: the commonest command, {@code changefeed list}, never needs it (see {@link #prepareMapper}).
     */
    public static void prepare() {
        try {
            for (String name : HTTP_CLASSES) {
                Class.forName(name, true, HttpClient.class.getClassLoader());
            }
            HttpClients.warmUp();
            ChangefeedListReader.read(FACTORY,
                    "{\"items\":[{\"id\":\"x\",\"error\":{\"code\":\"c\"}}]}".getBytes(StandardCharsets.UTF_8));
        } catch (Throwable e) {
            // Only a head start: whatever failed here fails again, and is reported, where it is used.
        }
    }

    /**
     * Starts building the shared mapper on another thread unless that has begun: for a caller that will bind an
     * answer it is about to wait for. Building it costs a cold JVM some 45 ms of CPU.
     */
    public static void prepareMapper() {
        CompletableFuture<ObjectMapper> future = new CompletableFuture<>();
        if (SHARED.compareAndSet(null, future)) {
            Thread thread = new Thread(() -> build(future, true), "ticdcctl-mapper");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The shared factory of streaming parsers and generators. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The shared mapper (ObjectMapper is thread-safe once configured), built here if nothing has started it. */
    public static ObjectMapper mapper() {
        CompletableFuture<ObjectMapper> future = new CompletableFuture<>();
        if (SHARED.compareAndSet(null, future)) {
            build(future, false);
        }
        try {
            return SHARED.get().get();
        } catch (ExecutionException e) {
            return newMapper();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return newMapper();
        }
    }

    /** {@code warm}: also reads a tree, so that the classes binding needs are loaded before the answer is there. */
    private static void build(CompletableFuture<ObjectMapper> future, boolean warm) {
        try {
            ObjectMapper mapper = newMapper();
            if (warm) {
                mapper.readTree("{\"warm\":[1]}");
            }
            future.complete(mapper);
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 64-bit TSOs stay longs; decimals stay exactly as the server wrote them.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }
}
