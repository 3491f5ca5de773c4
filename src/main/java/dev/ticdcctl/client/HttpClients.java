package dev.ticdcctl.client;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The JDK's HTTP client as the transport uses it: built for one server (its TLS, its proxy, no redirects), warmed up
 * ahead of the first request, and shut down without holding up the JVM's exit.
 */
final class HttpClients {
    private HttpClients() {}

    /** A client for {@code settings}; says in the trace which proxy it goes through, and why. */
    static HttpClient forServer(HttpTransport.Settings settings, RequestTrace trace) {
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
        return builder.build();
    }

    /**
     * Builds, uses for a request and shuts down a client for plain HTTP, so that the first real request finds the
     * client's code paths linked (its lambdas and string concatenations are bound on first use, at a cost).
     */
    static void warmUp() {
        HttpClient client = HttpClient.newBuilder().sslContext(InertTls.context()).sslParameters(InertTls.parameters())
                .connectTimeout(Duration.ofSeconds(1)).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.newBuilder(URI.create("http://127.0.0.1/api/v2/")).timeout(Duration.ofSeconds(1))
                .header("Accept", "application/json").GET().build();
        shutdown(client);
    }

    /**
     * Stops the client's selector thread. While it runs, the JVM's exit waits about 300 ms for it (it sits in a
     * native call). JDK 21+ has {@code shutdownNow()}; on 17 the thread ends its loop when interrupted, and is found
     * by the name the JDK gives it, {@code HttpClient-ID-SelectorManager}, with the ID the client's {@code toString()}
     * ends with (jdk.internal.net.http.HttpClientImpl: its SelectorManager and toString). Nothing is opened by
     * reflection, so the JVM needs no {@code --add-opens}.
     */
    static void shutdown(HttpClient http) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http);
            return;
        } catch (ReflectiveOperationException e) {
            // JDK 17 to 20: below
        }
        Thread selector = selectorThread(http);
        if (selector != null) {
            selector.interrupt();
            try {
                selector.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The selector thread of {@code http}, or null when the JDK names it otherwise. */
    private static Thread selectorThread(HttpClient http) {
        String shown = http.toString();
        int open = shown.lastIndexOf('(');
        if (open < 0 || !shown.endsWith(")")) {
            return null;
        }
        String name = "HttpClient-" + shown.substring(open + 1, shown.length() - 1) + "-SelectorManager";
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(threads);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals(name)) {
                return threads[i];
            }
        }
        return null;
    }
}
