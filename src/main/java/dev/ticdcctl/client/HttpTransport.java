package dev.ticdcctl.client;

import dev.ticdcctl.pem.PemFiles;
import dev.ticdcctl.util.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/** Sends one HTTP request to the server and turns transport failures into {@link UnreachableException}. */
public final class HttpTransport implements AutoCloseable {
    /**
     * Connection settings. {@code sslContext} is null for the JDK default; {@code authorization} is the value of the
     * Authorization header or null; {@code trace} receives the {@code --debug} lines, or is null.
     */
    public record Settings(URI baseUri, Duration timeout, Duration connectTimeout, String userAgent,
            SSLContext sslContext, String authorization, int retries, Pause pause, PrintWriter trace) {}

    /** Waits between retries; a seam so that tests need not wait on the wall clock. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Headers whose values are credentials: the trace shows that they were sent, never what. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

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

    public HttpTransport(Settings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        } else if (settings.baseUri().getScheme().equals("http")) {
            builder.sslContext(InertTls.context()).sslParameters(InertTls.parameters());
        }
        this.http = builder.build();
    }

    public URI baseUri() {
        return settings.baseUri();
    }

    /**
     * Sends {@code method pathAndQuery} with an optional JSON body. Reads and deletes (which TiCDC makes idempotent)
     * are retried after connection failures and 503s; requests that change state never are.
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
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 0; ; attempt++) {
            boolean last = !repeatable || attempt >= settings.retries();
            try {
                Response response = sendOnce(method, pathAndQuery, body, headers);
                if (response.status() != 503 || last) {
                    return response;
                }
                trace("* HTTP 503, retrying");
            } catch (UnreachableException e) {
                if (last || !(e.getCause() instanceof ConnectException)) {
                    throw e;
                }
                trace("* " + e.getMessage() + ", retrying");
            }
            // Full jitter between half and all of the backoff keeps retrying clients from moving in step.
            long millis = backoff.toMillis() / 2 + ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
            settings.pause().sleep(Duration.ofMillis(millis));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private Response sendOnce(String method, String pathAndQuery, byte[] body, List<Header> headers)
            throws InterruptedException {
        URI uri = URI.create(settings.baseUri() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout());
        defaultHeader(request, headers, "Accept", "application/json");
        defaultHeader(request, headers, "User-Agent", settings.userAgent());
        defaultHeader(request, headers, "Authorization", settings.authorization());
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
        trace("> " + method + " " + uri);
        built.headers().map().forEach((name, values) -> trace("> " + name + ": " + redact(name, values)));
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            trace("< " + response.statusCode() + " (" + elapsed(start) + ", " + response.body().length + " bytes)");
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            trace("< failed after " + elapsed(start) + ": " + e.getClass().getSimpleName());
            throw unreachable(e);
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

    private UnreachableException unreachable(IOException e) {
        String server = settings.baseUri().toString();
        String timeout = Durations.format(settings.timeout());
        if (e instanceof HttpConnectTimeoutException) {
            return new UnreachableException("cannot connect to " + server + ": no answer within "
                    + Durations.format(settings.connectTimeout()) + " (connect timed out)", null,
                    new ConnectException(e.getMessage()));
        }
        if (e instanceof HttpTimeoutException) {
            return new UnreachableException("no response from " + server + " within " + timeout
                    + " (request timed out)", "a slow server may need a longer --timeout", e);
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new UnreachableException("cannot resolve host '" + settings.baseUri().getHost() + "' of " + server,
                    null, e);
        }
        if (hasCause(e, SSLException.class) || settings.baseUri().getScheme().equals("https")
                && rootMessage(e).toLowerCase().contains("reset")) {
            return new UnreachableException("TLS handshake with " + server + " failed: "
                    + PemFiles.describeHandshakeFailure(e), null, e);
        }
        if (e instanceof ConnectException || hasCause(e, ConnectException.class)) {
            return new UnreachableException("cannot connect to " + server + ": connection refused", null,
                    new ConnectException("connection refused"));
        }
        return new UnreachableException("cannot reach " + server + ": " + rootMessage(e), null, e);
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

    private static String redact(String name, List<String> values) {
        return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "[redacted]" : String.join(", ", values);
    }

    private static String elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000 + " ms";
    }

    private void trace(String line) {
        if (settings.trace() != null) {
            settings.trace().println(line);
            settings.trace().flush();
        }
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
