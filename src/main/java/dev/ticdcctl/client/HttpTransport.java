package dev.ticdcctl.client;

import dev.ticdcctl.pem.PemFiles;
import dev.ticdcctl.util.ByteSize;
import dev.ticdcctl.util.Durations;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Sends one HTTP request to the server and turns transport failures into {@link UnreachableException}. The timeout
 * bounds the whole exchange, retries included: connecting, the TLS handshake, the headers and the complete body. An
 * answer larger than the cap is refused without being read further.
 */
public final class HttpTransport implements AutoCloseable {
    /**
     * Connection settings. {@code sslContext} is null for the JDK default; {@code authorization} is the value of the
     * Authorization header or null; {@code trace} receives the {@code --debug} lines, or is null.
     */
    public record Settings(URI baseUri, Duration timeout, Duration connectTimeout, String userAgent,
            SSLContext sslContext, String authorization, int retries, Pause pause, Consumer<String> trace,
            ByteSize maxResponseSize, Proxies.Choice proxy) {
        /** The same settings for another server of the cluster (another capture), reached through {@code via}. */
        public Settings withBaseUri(URI other, Proxies.Choice via) {
            return new Settings(other, timeout, connectTimeout, userAgent, sslContext, authorization, retries, pause,
                    trace, maxResponseSize, via);
        }
    }

    /** Waits between retries; a seam so that tests need not wait on the wall clock. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final int BACKOFF_FACTOR = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /**
     * The answer that says "not now, nothing done": TiCDC's "not ready" (tiflow cdc/api/middleware
     * CheckServerReadyMiddleware), or an overloaded proxy's. A gateway's 502 or 504 is reported at once: it says that
     * TiCDC failed or was slow, which waiting a second rarely mends.
     */
    private static final int RETRIED_STATUS = 503;
    /** A raw answer: status, content type and body bytes. */
    public record Response(int status, String contentType, byte[] body) {}

    /**
     * A request header chosen by the caller. It replaces the header of the same name that the transport would send
     * (Accept, User-Agent, Content-Type, the configured Authorization); an empty value only removes that header.
     */
    public record Header(String name, String value) {
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
        /** Set by the HTTP client itself; the JDK refuses them. */
        private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
                "upgrade");

        /** Throws IllegalArgumentException, with a message for the user, for a header that cannot be sent. */
        public Header {
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a valid header name");
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the header " + name + " is set by the HTTP client and cannot be"
                        + " given");
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException("the value of header " + name + " contains control characters");
            }
        }

        boolean names(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    /** Safe methods and DELETE, which TiCDC makes idempotent: sending them twice does no harm. */
    private static final Set<String> REPEATABLE = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

    private final Settings settings;
    private final HttpClient http;
    private final RequestTrace trace;
    /** Basic credentials of the proxy's URL, sent to it with each (plain HTTP) request; null without. */
    private final String proxyAuthorization;

    public HttpTransport(Settings settings) {
        this.settings = settings;
        this.trace = new RequestTrace(settings.trace());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        } else if (settings.baseUri().getScheme().equals("http")) {
            builder.sslContext(InertTls.context()).sslParameters(InertTls.parameters());
        }
        URI proxy = settings.proxy().proxy();
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() != -1
                    ? proxy.getPort() : 80)));
            trace.line("* proxy " + settings.proxy().shown() + " (from " + settings.proxy().why() + ")");
        } else {
            builder.proxy(HttpClient.Builder.NO_PROXY);
            trace.line("* no proxy: " + settings.proxy().why());
        }
        this.proxyAuthorization = proxy == null || proxy.getUserInfo() == null ? null : "Basic "
                + Base64.getEncoder().encodeToString(proxy.getUserInfo().getBytes(StandardCharsets.UTF_8));
        this.http = builder.build();
    }

    public URI baseUri() {
        return settings.baseUri();
    }

    /**
     * Sends {@code method pathAndQuery} with an optional JSON body. Reads and deletes (which TiCDC makes idempotent)
     * are retried after a refused, dropped or reset connection and a 503, all within the timeout; requests
     * that change state only when the connection was refused or never made, so that nothing of them was sent.
     */
    public Response send(String method, String pathAndQuery, byte[] jsonBody) throws InterruptedException {
        return send(method, pathAndQuery, jsonBody, List.of());
    }

    /**
     * Sends any request: {@code body} (or null) goes as JSON unless {@code headers} name another Content-Type, and
     * {@code headers} replace the transport's own headers of the same names. Retried as {@link #send(String, String,
     * byte[])} is, when the method is safe or DELETE.
     */
    public Response send(String method, String pathAndQuery, byte[] body, List<Header> headers)
            throws InterruptedException {
        boolean repeatable = REPEATABLE.contains(method);
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        for (int attempt = 0; ; attempt++) {
            Response response = null;
            TransientFailure failure = null;
            String reason;
            try {
                response = sendOnce(method, pathAndQuery, body, headers, deadline);
                if (!repeatable || response.status() != RETRIED_STATUS) {
                    return response;
                }
                reason = "HTTP " + response.status();
            } catch (TransientFailure e) {
                // A change is tried again only when none of it left: the connection was never made.
                if (!repeatable && !e.unsent) {
                    throw e;
                }
                failure = e;
                reason = e.reason;
            }
            Duration backoff = backoff(attempt);
            boolean retry = attempt < settings.retries();
            if (retry && System.nanoTime() + backoff.toNanos() >= deadline) {
                trace.line("* no retry after " + reason + ": waiting " + seconds(backoff) + " would pass the --timeout of "
                        + Durations.format(settings.timeout()));
                retry = false;
            }
            if (!retry) {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }
            trace.line("* retry " + (attempt + 1) + " of " + settings.retries() + " in " + seconds(backoff) + ": "
                    + reason);
            settings.pause().sleep(backoff);
        }
    }

    /**
     * The wait before retry {@code attempt + 1}: 0.2 s × 3^attempt (0.2, 0.6, 1.8 s…, at most 5 s), each ±25 % at
     * random so that clients that failed together do not come back in step.
     */
    static Duration backoff(int attempt) {
        double nominal = Math.min(FIRST_BACKOFF.toMillis() * Math.pow(BACKOFF_FACTOR, attempt), MAX_BACKOFF.toMillis());
        return Duration.ofMillis(Math.round(nominal * ThreadLocalRandom.current().nextDouble(0.75, 1.25)));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    /** One try, bounded by what is left until {@code deadline} (a {@link System#nanoTime()}). */
    private Response sendOnce(String method, String pathAndQuery, byte[] body, List<Header> headers, long deadline)
            throws InterruptedException {
        URI uri = URI.create(settings.baseUri() + pathAndQuery);
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        String route = settings.baseUri() + path;
        long budget = deadline - System.nanoTime();
        if (budget <= 0) {
            throw noResponse(route);
        }
        // The client's own request timeout ends an exchange whose headers are late; the wait below, the body.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(budget));
        defaultHeader(request, headers, "Accept", "application/json");
        defaultHeader(request, headers, "User-Agent", settings.userAgent());
        defaultHeader(request, headers, "Authorization", settings.authorization());
        defaultHeader(request, headers, "Proxy-Authorization", proxyAuthorization);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            defaultHeader(request, headers, "Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        for (Header header : headers) {
            if (!header.value().isEmpty()) {
                request.header(header.name(), header.value());
            }
        }
        HttpRequest built = request.build();
        trace.request(built);
        long start = System.nanoTime();
        CappedBody answer = new CappedBody(settings.maxResponseSize().bytes(), method.equals("HEAD"));
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(built, answer);
        try {
            HttpResponse<byte[]> response = answer.await(exchange, budget);
            trace.response(response, start);
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (TimeoutException e) {
            trace.line("< timed out after " + RequestTrace.elapsed(start) + (answer.headersArrived() ? ", in the body" : ""));
            throw answer.headersArrived() ? incomplete(route) : noResponse(route);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            trace.line("< failed after " + RequestTrace.elapsed(start) + ": " + cause.getClass().getSimpleName());
            if (hasCause(cause, CappedBody.TooLarge.class)) {
                throw new UnexpectedResponseException("the answer to " + method + " " + path
                        + " is larger than the limit of " + settings.maxResponseSize() + "; stopped reading it",
                        "raise the limit with --max-response-size or TICDCCTL_MAX_RESPONSE_SIZE");
            }
            if (cause instanceof IOException io) {
                throw unreachable(io, route, budget, answer.headersArrived());
            }
            throw new UnreachableException("cannot reach " + settings.baseUri() + ": " + rootMessage(cause), null,
                    cause);
        } finally {
            // Ends a late exchange (closing its connection) and frees the thread that waits for it.
            exchange.cancel(true);
            answer.cancel();
        }
    }

    /** Adds a header of the transport's own unless the caller chose one of that name (plain loops: start-up). */
    private static void defaultHeader(HttpRequest.Builder request, List<Header> chosen, String name, String value) {
        if (value == null) {
            return;
        }
        for (Header header : chosen) {
            if (header.names(name)) {
                return;
            }
        }
        request.header(name, value);
    }

    private UnreachableException noResponse(String route) {
        return new UnreachableException("no response from " + route + " within " + Durations.format(settings.timeout())
                + " (request timed out)", "a slow server may need a longer --timeout", null);
    }

    private UnreachableException incomplete(String route) {
        return new UnreachableException("the answer from " + route + " did not complete within "
                + Durations.format(settings.timeout()), "a slow server may need a longer --timeout", null);
    }

    /** {@code budget} is what the try had left of the timeout; {@code answered}, whether the headers came. */
    private UnreachableException unreachable(IOException e, String route, long budget, boolean answered) {
        String server = settings.baseUri().toString();
        boolean https = settings.baseUri().getScheme().equals("https");
        if (e instanceof HttpConnectTimeoutException) {
            // The connect timeout, unless the whole timeout had less left: then that one ran out.
            Duration limit = settings.connectTimeout().toNanos() < budget ? settings.connectTimeout()
                    : settings.timeout();
            return new TransientFailure("cannot connect to " + server + ": no answer within "
                    + Durations.format(limit) + (https ? " (connect or TLS handshake timed out)" : " (connect timed out)"),
                    null, new ConnectException(e.getMessage()), "connect timed out", true);
        }
        if (e instanceof HttpTimeoutException) {
            return noResponse(route);
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new UnreachableException("cannot resolve host '" + settings.baseUri().getHost() + "' of " + server,
                    null, e);
        }
        if (hasCause(e, SSLException.class) || https && !answered
                && rootMessage(e).toLowerCase(Locale.ROOT).contains("reset")) {
            return new UnreachableException("TLS handshake with " + server + " failed: "
                    + PemFiles.describeHandshakeFailure(e), null, e);
        }
        if (e instanceof ConnectException || hasCause(e, ConnectException.class)) {
            return new TransientFailure("cannot connect to " + server + ": connection refused", null,
                    new ConnectException("connection refused"), "connection refused", true);
        }
        boolean reset = rootMessage(e).toLowerCase(Locale.ROOT).contains("reset");
        if (answered) {
            return new TransientFailure("the answer from " + route + " was cut short: " + rootMessage(e),
                    "the server, a proxy or the network broke the connection; try again", e,
                    reset ? "connection reset" : "answer cut short", false);
        }
        // What a port that is not a TiCDC server answers is not shown: it may hold anything, control characters too.
        if (hasCause(e, ProtocolException.class)) {
            return new UnreachableException("the server at " + server + " did not answer HTTP", null, e);
        }
        return new TransientFailure("the server at " + server + " closed the connection before answering", null, e,
                reset ? "connection reset" : "connection closed before any answer", false);
    }

    /**
     * A failure that another try may mend: {@code reason} names it in the {@code --debug} trace; {@code unsent} says
     * that no byte of the request left (the connection was never made), so that even a change may be sent again.
     */
    private static final class TransientFailure extends UnreachableException {
        final String reason;
        final boolean unsent;

        TransientFailure(String message, String hint, Throwable cause, String reason, boolean unsent) {
            super(message, hint, cause);
            this.reason = reason;
            this.unsent = unsent;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /**
     * Stops the client's selector thread. While it runs, the JVM's exit waits about 300 ms for it (it sits in a
     * native call); JDK 21+ has {@code shutdownNow()}, JDK 17 only the internal selector manager, opened to us by the
     * jar's {@code Add-Opens} manifest entry.
     */
    @Override
    public void close() {
        shutdown(http);
    }

    /**
     * Builds, uses for a request and shuts down a client for plain HTTP, so that the first real request finds the
     * client's code paths linked (its lambdas and string concatenations are bound on first use, at a cost).
     */
    static void warmUp() {
        HttpClient client = HttpClient.newBuilder().sslContext(InertTls.context()).sslParameters(InertTls.parameters())
                .connectTimeout(java.time.Duration.ofSeconds(1)).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.newBuilder(URI.create("http://127.0.0.1/api/v2/")).timeout(java.time.Duration.ofSeconds(1))
                .header("Accept", "application/json").GET().build();
        shutdown(client);
    }

    private static void shutdown(HttpClient http) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http);
            return;
        } catch (ReflectiveOperationException e) {
            // JDK 17: below
        }
        try {
            Field impl = http.getClass().getDeclaredField("impl");
            impl.setAccessible(true);
            Object client = impl.get(http);
            Field selector = client.getClass().getDeclaredField("selmgr");
            selector.setAccessible(true);
            Thread manager = (Thread) selector.get(client);
            Method shutdown = manager.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(manager);
            manager.join(200);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened (run without the jar's manifest) or another JDK layout: exit just takes longer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
