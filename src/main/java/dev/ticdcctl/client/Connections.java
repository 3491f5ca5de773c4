package dev.ticdcctl.client;

import dev.ticdcctl.pem.PemException;
import dev.ticdcctl.pem.PemFiles;
import dev.ticdcctl.util.ByteSize;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The connections to one cluster: the server's, and those to each of its captures reached directly, which share
 * its scheme, TLS, credentials, timeouts, retries and answer size cap, each with the proxy chosen for it. Built from
 * plain values; a value that cannot be used is an IllegalArgumentException whose message names it.
 */
public final class Connections {
    /** The client's TLS files (each null when not given) and whether to skip verifying the server. */
    public record Tls(Path ca, Path cert, Path key, boolean insecureSkipVerify) {
        /** True when a TLS file is given: a bare host:port then means https. */
        public boolean hasFiles() {
            return ca != null || cert != null || key != null;
        }
    }

    /** What bounds every request: see {@link HttpTransport.Settings}. */
    public record Limits(Duration timeout, Duration connectTimeout, int retries, ByteSize maxResponseSize) {}

    private final HttpTransport.Settings server;
    private final Proxies proxies;

    /**
     * The server at {@code server} with TLS from {@link #sslContext} and the Authorization header from
     * {@link #basicAuthorization} (null for none); {@code trace} receives the {@code --debug} lines, or is null.
     *
     * @throws IllegalArgumentException when {@code proxies} holds a proxy that cannot carry requests to the server
     */
    public Connections(URI server, SSLContext sslContext, String authorization, Limits limits, Proxies proxies,
            String userAgent, HttpTransport.Pause pause, Consumer<String> trace) {
        this.proxies = proxies;
        this.server = new HttpTransport.Settings(server, limits.timeout(), limits.connectTimeout(), userAgent,
                sslContext, authorization, limits.retries(), pause, trace, limits.maxResponseSize(),
                proxies.choose(server));
    }

    /**
     * The connections to {@code server} as the user's settings describe them: TLS from {@code tls}, Basic
     * authentication for {@code user} (null for none) with the password {@code password} gives, asked for only when
     * there is a user and only after the TLS files were found usable.
     *
     * @throws IllegalArgumentException naming the setting that cannot be used
     */
    public static Connections open(URI server, Tls tls, String user, Supplier<String> password, Limits limits,
            Proxies proxies, String userAgent, HttpTransport.Pause pause, Consumer<String> trace) {
        SSLContext sslContext = sslContext(server, tls);
        String authorization = user == null ? null : basicAuthorization(user, password.get());
        return new Connections(server, sslContext, authorization, limits, proxies, userAgent, pause, trace);
    }

    /** The connection to the server. */
    public HttpTransport.Settings server() {
        return server;
    }

    /**
     * The address of the capture at {@code address} ({@code host:port} as the capture list gives it), with the
     * server's scheme.
     *
     * @throws IllegalArgumentException saying why the address is unusable
     */
    public URI captureAddress(String address) {
        return ServerAddress.parse(server.baseUri().getScheme() + "://" + address, false);
    }

    /**
     * The connection to another server of the cluster, through the proxy chosen for it.
     *
     * @throws IllegalArgumentException when the proxy chosen for it cannot carry its requests
     */
    public HttpTransport.Settings to(URI capture) {
        return server.withBaseUri(capture, proxies.choose(capture));
    }

    /**
     * TLS for an https {@code server}: the CA, client certificate and key files, or null (the JDK's defaults) when
     * none is given and the server is verified, and for http.
     *
     * @throws IllegalArgumentException naming the option of the file that cannot be used ({@code --ca}, ...)
     */
    private static SSLContext sslContext(URI server, Tls tls) {
        if (!server.getScheme().equals("https") || !tls.hasFiles() && !tls.insecureSkipVerify()) {
            return null;
        }
        try {
            return PemFiles.sslContext(tls.ca(), tls.cert(), tls.key(), tls.insecureSkipVerify());
        } catch (PemException e) {
            String option = switch (e.role()) {
                case CA -> "--ca ";
                case CERTIFICATE -> "--cert ";
                case PRIVATE_KEY -> "--key ";
            };
            throw new IllegalArgumentException(option + e.getMessage(), e);
        }
    }

    /** HTTP Basic with the TiDB {@code user} and {@code password} (null for an empty one); null without a user. */
    private static String basicAuthorization(String user, String password) {
        if (user == null) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
