package dev.ticdcctl.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code --debug} lines of the transport: each request and answer with its headers, credentials redacted, and
 * what became of each try. Silent when there is no sink.
 */
final class RequestTrace {
    /** Headers whose values are credentials (besides those named like a token, key, secret or password). */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    /** Receives the lines; null when --debug is off. */
    private final Consumer<String> sink;

    RequestTrace(Consumer<String> sink) {
        this.sink = sink;
    }

    void line(String line) {
        if (sink != null) {
            sink.accept(line);
        }
    }

    /** The request as it leaves: method, URI and headers. */
    void request(HttpRequest request) {
        if (sink == null) {
            return;
        }
        line("> " + request.method() + " " + request.uri());
        request.headers().map().forEach((name, values) -> line("> " + name + ": " + redact(name, values)));
    }

    /** The answer's status, time since {@code startNanos}, size and headers. */
    void response(HttpResponse<byte[]> response, long startNanos) {
        if (sink == null) {
            return;
        }
        line("< " + response.statusCode() + " (" + elapsed(startNanos) + ", " + response.body().length + " bytes)");
        response.headers().map().forEach((name, values) -> line("< " + name + ": " + redact(name, values)));
    }

    /** No whole answer by the deadline; {@code inBody}: the headers had come. */
    void timedOut(long startNanos, boolean inBody) {
        line("< timed out after " + elapsed(startNanos) + (inBody ? ", in the body" : ""));
    }

    void failed(long startNanos, Throwable cause) {
        line("< failed after " + elapsed(startNanos) + ": " + cause.getClass().getSimpleName());
    }

    private static String elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000 + " ms";
    }

    private static String redact(String name, List<String> values) {
        return isCredential(name) ? "[redacted]" : String.join(", ", values);
    }

    /** Whether a header carries a credential: the trace shows that it was sent, never what. */
    static boolean isCredential(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADERS.contains(name) || name.endsWith("-token") || name.endsWith("-key")
                || name.contains("secret") || name.contains("password");
    }
}
