package dev.ticdcctl.client;

import java.io.IOException;
import java.io.PrintWriter;
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
import javax.net.ssl.SSLException;
import dev.ticdcctl.util.Durations;

/** Sends one HTTP request to the server and turns transport failures into {@link UnreachableException}. */
public final class HttpTransport implements AutoCloseable {
    /** Connection settings; {@code trace} receives the {@code --debug} lines, or is null. */
    public record Settings(URI baseUri, Duration timeout, String userAgent, PrintWriter trace) {}

    /** A raw answer: status, content type and body bytes. */
    public record Response(int status, String contentType, byte[] body) {}

    private final Settings settings;
    private final HttpClient http;

    public HttpTransport(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI baseUri() {
        return settings.baseUri();
    }

    /** Sends {@code method pathAndQuery} with an optional JSON body. */
    public Response send(String method, String pathAndQuery, byte[] jsonBody) throws InterruptedException {
        URI uri = URI.create(settings.baseUri() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent());
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
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
            trace("< failed after " + elapsed(start) + ": " + e);
            throw unreachable(e);
        }
    }

    private UnreachableException unreachable(IOException e) {
        String server = settings.baseUri().toString();
        String timeout = Durations.format(settings.timeout());
        if (e instanceof HttpConnectTimeoutException) {
            return new UnreachableException("cannot connect to " + server + ": no answer within " + timeout
                    + " (connect timed out)", null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new UnreachableException("no response from " + server + " within " + timeout
                    + " (request timed out)", "a slow server may need a longer --timeout", e);
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new UnreachableException("cannot resolve host '" + settings.baseUri().getHost() + "' of " + server,
                    null, e);
        }
        if (hasCause(e, SSLException.class)) {
            return new UnreachableException("TLS handshake with " + server + " failed: " + rootMessage(e), null, e);
        }
        if (e instanceof ConnectException || hasCause(e, ConnectException.class)) {
            return new UnreachableException("cannot connect to " + server + ": connection refused", null, e);
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

    private static String redact(String name, java.util.List<String> values) {
        return name.equalsIgnoreCase("Authorization") ? "[redacted]" : String.join(", ", values);
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

    @Override
    public void close() {
        // The JDK 21+ client shuts its selector thread down here; on 17 the thread is a daemon and dies with the VM.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
