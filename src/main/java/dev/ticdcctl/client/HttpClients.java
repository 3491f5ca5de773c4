package dev.ticdcctl.client;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
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
     * native call); JDK 21+ has {@code shutdownNow()}, JDK 17 only the internal selector manager, opened to us by the
     * jar's {@code Add-Opens} manifest entry.
     */
    static void shutdown(HttpClient http) {
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
