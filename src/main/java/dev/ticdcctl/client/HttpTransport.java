package dev.ticdcctl.client;

import dev.ticdcctl.util.ByteSize;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Sends one HTTP request to the server and turns transport failures into {@link UnreachableException}. The timeout
 * bounds the whole exchange, retries included: connecting, the TLS handshake, the headers and the complete body. An
 * answer larger than the cap is refused without being read further.
 *
 * <p>Its parts: {@code RetryPolicy} (which failures are tried again, and when), {@code CappedBody} (the answer's body,
 * capped and within the deadline), {@code TransportFailures} (what the user is told), {@code RequestTrace} (the
 * {@code --debug} lines) and {@code HttpClients} (the JDK's client, built, warmed up and shut down).
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

    private final Settings settings;
    private final HttpClient http;
    private final RequestTrace trace;
    private final RetryPolicy retries;
    private final TransportFailures failures;
    /** Basic credentials of the proxy's URL, sent to it with each (plain HTTP) request; null without. */
    private final String proxyAuthorization;

    public HttpTransport(Settings settings) {
        this.settings = settings;
        this.trace = new RequestTrace(settings.trace());
        this.retries = new RetryPolicy(settings, trace);
        this.failures = new TransportFailures(settings);
        this.http = HttpClients.forServer(settings, trace);
        URI proxy = settings.proxy().proxy();
        this.proxyAuthorization = proxy == null || proxy.getUserInfo() == null ? null : "Basic "
                + Base64.getEncoder().encodeToString(proxy.getUserInfo().getBytes(StandardCharsets.UTF_8));
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
        return retries.send(method, deadline -> sendOnce(method, pathAndQuery, body, headers, deadline));
    }

    /** One try, bounded by what is left until {@code deadline} (a {@link System#nanoTime()}). */
    private Response sendOnce(String method, String pathAndQuery, byte[] body, List<Header> headers, long deadline)
            throws InterruptedException {
        URI uri = URI.create(settings.baseUri() + pathAndQuery);
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        long budget = deadline - System.nanoTime();
        if (budget <= 0) {
            throw failures.noResponse(path);
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
            trace.timedOut(start, answer.headersArrived());
            throw answer.headersArrived() ? failures.incomplete(path) : failures.noResponse(path);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            trace.failed(start, cause);
            throw failures.failed(cause, method, path, budget, answer.headersArrived());
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

    /** Stops the client's selector thread, which would hold up the JVM's exit. */
    @Override
    public void close() {
        HttpClients.shutdown(http);
    }
}
