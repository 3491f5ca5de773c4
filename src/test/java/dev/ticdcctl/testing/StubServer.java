package dev.ticdcctl.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that answers like TiCDC from canned responses and records every request. Responses are
 * keyed by method and path (without the query); several responses for one key are served in order, the last one
 * repeating.
 */
public final class StubServer implements AutoCloseable {
    /** A request as the server saw it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + (body.isEmpty() ? "" : " " + body);
        }
    }

    /**
     * A canned response; {@code delayMillis} holds it back to provoke timeouts; {@code bytes}, when given, is sent
     * instead of {@code body}, for bodies that are not UTF-8 text.
     */
    public record Response(int status, String contentType, String body, long delayMillis, byte[] bytes) {
        public Response(int status, String contentType, String body, long delayMillis) {
            this(status, contentType, body, delayMillis, null);
        }

        /** A 200 JSON answer of exactly these bytes. */
        public static Response raw(byte[] bytes) {
            return new Response(200, "application/json; charset=utf-8", "", 0, bytes);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, String> extraHeaders = new ConcurrentHashMap<>();

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with a JSON body; call again to queue a sequence. */
    public StubServer on(String method, String path, int status, String json) {
        return on(method, path, new Response(status, "application/json; charset=utf-8", json, 0));
    }

    public StubServer on(String method, String path, Response response) {
        routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(response);
        return this;
    }

    /** Adds this header to every response, such as a Set-Cookie a proxy adds. */
    public StubServer withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** Answers with TiCDC's error envelope. */
    public StubServer onError(String method, String path, int status, String code, String message) {
        return on(method, path, status, "{\n    \"error_msg\": \"[" + code + "]" + message + "\",\n    \"error_code\": \""
                + code + "\"\n}");
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests other than GETs: what changed or could change the cluster. */
    public synchronized List<Request> mutations() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    public synchronized Request last(String method, String path) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            Request r = requests.get(i);
            if (r.method().equals(method) && r.path().equals(path)) {
                return r;
            }
        }
        throw new AssertionError("no " + method + " " + path + " among " + requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
        }
        Deque<Response> queue = routes.get(exchange.getRequestMethod() + " " + path);
        Response response;
        if (queue == null) {
            response = new Response(404, "text/plain", "404 page not found", 0);
        } else {
            synchronized (queue) {
                response = queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
        if (response.delayMillis() > 0) {
            try {
                released.await(response.delayMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = response.bytes() != null ? response.bytes() : response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        extraHeaders.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
