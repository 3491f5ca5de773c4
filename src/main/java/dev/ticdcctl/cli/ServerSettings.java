package dev.ticdcctl.cli;

import dev.ticdcctl.client.Connections;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.client.Proxies;
import dev.ticdcctl.client.ServerAddress;
import dev.ticdcctl.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connection settings as the client takes them: the configuration's values, with their sources, become the
 * plain values of {@link Connections}; a value the client cannot use is a usage error naming it.
 */
public final class ServerSettings {
    private ServerSettings() {}

    /** A server address as {@link ServerAddress#parse} reads it; an invalid one is a usage error naming its source. */
    public static URI serverAddress(Settings.Value<String> server, boolean tls) {
        try {
            return ServerAddress.parse(server.value(), tls);
        } catch (IllegalArgumentException e) {
            String origin = server.source().equals("flag --server") ? "--server"
                    : "server address (from " + server.source() + ")";
            throw new CliException.InvalidInput("invalid " + origin + ": " + e.getMessage(), null);
        }
    }

    /**
     * The proxy for {@code server}: --proxy, else TICDCCTL_PROXY, else the context's, else the environment's
     * HTTP(S)_PROXY and NO_PROXY; one it cannot use is a usage error.
     */
    public static Proxies.Choice proxy(Settings.Value<String> own, Map<String, String> env, URI server) {
        return usable(() -> proxies(own, env).choose(server));
    }

    /**
     * The connections to {@code server} that {@code settings} describe; {@code password} gives the password for the
     * settings' user (typed at the prompt when none is set), asked for only when there is a user.
     */
    static Connections connections(URI server, Settings settings, Supplier<String> password,
            Map<String, String> env, HttpTransport.Pause pause, Consumer<String> trace) {
        Connections.Tls tls = new Connections.Tls(path(settings.ca), path(settings.cert), path(settings.key),
                settings.insecureSkipTlsVerify.value());
        Connections.Limits limits = new Connections.Limits(settings.timeout.value(), settings.connectTimeout.value(),
                settings.retries.value(), settings.maxResponseSize.value());
        return usable(() -> Connections.open(server, tls, settings.user.value(), password, limits,
                proxies(settings.proxy, env), "ticdcctl/" + Version.CLIENT, pause, trace));
    }

    /** Whether the server's certificate goes unverified: TLS to an https server with --insecure-skip-tls-verify. */
    static boolean unverified(URI server, Settings settings) {
        return settings.insecureSkipTlsVerify.value() && server.getScheme().equals("https");
    }

    /** The proxies given ticdcctl's own setting {@code own} and the environment's variables. */
    private static Proxies proxies(Settings.Value<String> own, Map<String, String> env) {
        return Proxies.of(own.value(), own.source(), env);
    }

    /** A connection setting the user gave that cannot be used (a TLS file, a proxy) is a usage error. */
    static <T> T usable(Supplier<T> connection) {
        try {
            return connection.get();
        } catch (IllegalArgumentException e) {
            throw new CliException.InvalidInput(e.getMessage(), null);
        }
    }

    private static Path path(Settings.Value<String> value) {
        return value.value() == null ? null : Path.of(value.value());
    }
}
