package dev.ticdcctl.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds out, once per invocation and only when a command asks, which {@link ServerDialect} answers: from the
 * settings that pin it, else from {@link DialectCache}, else from two cheap probes, whose answer is then remembered.
 * Nothing here runs on the common path: list, get, pause, resume and create send the same requests to both
 * architectures (both query parameters, both spellings of renamed keys) and read both answers' shapes.
 */
public final class ServerDialects {
    /** The architecture and kernel the settings pin, each with the source that set it; nulls when unset. */
    public record Pins(String arch, String archSource, String kernel, String kernelSource) {
        public static final Pins NONE = new Pins(null, null, null, null);
    }

    /** A changefeed ID that a real one is unlikely to be; the probes only read. */
    private static final String PROBE_ID = "ticdcctl-dialect-probe";
    /** gin's answer to a route it does not have. */
    private static final String GIN_NOT_FOUND = "404 page not found";

    private final Pins pins;
    private final DialectCache cache;
    private final Consumer<String> debug;
    private final Map<URI, ServerDialect> found = new HashMap<>();

    /** {@code cache} may be null (nothing remembered); {@code debug} is told how each dialect was decided. */
    public ServerDialects(Pins pins, DialectCache cache, Consumer<String> debug) {
        this.pins = pins;
        this.cache = cache;
        this.debug = debug;
    }

    /** The dialect of the server of {@code client}, asked once; a probe that fails leaves its axis UNKNOWN. */
    synchronized ServerDialect of(TicdcClient client) throws InterruptedException {
        ServerDialect dialect = found.get(client.server());
        if (dialect == null) {
            dialect = resolve(client);
            found.put(client.server(), dialect);
            debug.accept("server " + client.server() + ": " + dialect.described());
        }
        return dialect;
    }

    /**
     * The architecture of the server of {@code client} as far as it is known without asking it: pinned by the
     * settings, found earlier in this invocation, or remembered; UNKNOWN otherwise. Sends nothing.
     */
    synchronized ServerDialect.Arch knownArch(TicdcClient client) {
        ServerDialect.Arch pinned = ServerDialect.Arch.of(pins.arch());
        if (pinned != ServerDialect.Arch.UNKNOWN) {
            return pinned;
        }
        ServerDialect dialect = found.get(client.server());
        if (dialect == null && cache != null) {
            dialect = cache.get(client.server().toString());
        }
        return dialect == null ? ServerDialect.Arch.UNKNOWN : dialect.arch();
    }

    private ServerDialect resolve(TicdcClient client) throws InterruptedException {
        ServerDialect.Arch arch = ServerDialect.Arch.of(pins.arch());
        ServerDialect.Kernel kernel = ServerDialect.Kernel.of(pins.kernel());
        StringBuilder how = new StringBuilder();
        if (arch != ServerDialect.Arch.UNKNOWN) {
            how.append("architecture pinned by ").append(pins.archSource());
        }
        if (kernel != ServerDialect.Kernel.UNKNOWN) {
            how.append(how.isEmpty() ? "" : "; ").append("kernel pinned by ").append(pins.kernelSource());
        }
        if (arch == ServerDialect.Arch.CLASSIC && kernel == ServerDialect.Kernel.UNKNOWN) {
            kernel = ServerDialect.Kernel.CLASSIC; // tiflow has no next-gen build
        }
        if (arch != ServerDialect.Arch.UNKNOWN && kernel != ServerDialect.Kernel.UNKNOWN) {
            return new ServerDialect(arch, kernel, how.toString());
        }
        String server = client.server().toString();
        ServerDialect remembered = cache == null ? null : cache.get(server);
        if (remembered != null) {
            return how.isEmpty() ? remembered : new ServerDialect(
                    arch != ServerDialect.Arch.UNKNOWN ? arch : remembered.arch(),
                    kernel != ServerDialect.Kernel.UNKNOWN ? kernel : remembered.kernel(),
                    how + "; the rest " + remembered.decidedBy());
        }
        if (arch == ServerDialect.Arch.UNKNOWN) {
            Probe probe = probeArchitecture(client);
            arch = probe.arch;
            how.append(how.isEmpty() ? "" : "; ").append(probe.how);
            if (arch == ServerDialect.Arch.CLASSIC) {
                kernel = ServerDialect.Kernel.CLASSIC;
            }
        }
        if (arch == ServerDialect.Arch.NEW && kernel == ServerDialect.Kernel.UNKNOWN) {
            Probe probe = probeKernel(client);
            kernel = probe.kernel;
            how.append("; ").append(probe.how);
            if (kernel == ServerDialect.Kernel.UNKNOWN && pins.arch() == null) {
                // A new-architecture server answers its list route with JSON: without that, this is not one.
                arch = ServerDialect.Arch.UNKNOWN;
            }
        }
        ServerDialect found = new ServerDialect(arch, kernel, how.toString());
        if (cache != null && pins.arch() == null && pins.kernel() == null) {
            cache.put(server, found);
        }
        return found;
    }

    private record Probe(ServerDialect.Arch arch, ServerDialect.Kernel kernel, String how) {}

    /**
     * {@code meta_info} is registered by every classic server with the OpenAPI v2 (tiflow cdc/api/v2/api.go
     * RegisterOpenAPIV2Routes), which answers an unknown changefeed with its JSON error; pingcap/ticdc dropped the
     * route (ticdc api/v2/api.go RegisterOpenAPIV2Routes), so gin answers its text 404.
     */
    private static Probe probeArchitecture(TicdcClient client) throws InterruptedException {
        String route = "GET /api/v2/changefeeds/" + PROBE_ID + "/meta_info";
        try {
            HttpTransport.Response r = client.transport().send("GET", "/api/v2/changefeeds/" + PROBE_ID
                    + "/meta_info", null);
            if (noSuchRoute(r)) {
                return new Probe(ServerDialect.Arch.NEW, null, route + " answered gin's text 404 (no such route)");
            }
            if (ErrorAnswers.isEnvelope(json(client, r))) {
                return new Probe(ServerDialect.Arch.CLASSIC, null, route + " answered TiCDC's JSON error");
            }
            return new Probe(ServerDialect.Arch.UNKNOWN, null, route + " answered HTTP " + r.status() + ", which"
                    + " neither architecture answers");
        } catch (ClientException e) {
            return new Probe(ServerDialect.Arch.UNKNOWN, null, route + " failed: " + e.getMessage());
        }
    }

    /**
     * A next-gen kernel refuses the list without {@code keyspace} with 400 (ticdc api/middleware/middleware.go
     * KeyspaceCheckerMiddleware); a classic kernel lists keyspace {@code default}. The state filter matches no
     * changefeed, so the answer stays small.
     */
    private static Probe probeKernel(TicdcClient client) throws InterruptedException {
        String route = "GET /api/v2/changefeeds without keyspace";
        try {
            HttpTransport.Response r = client.transport().send("GET", "/api/v2/changefeeds?state=" + PROBE_ID, null);
            if (r.status() / 100 == 2) {
                return new Probe(null, ServerDialect.Kernel.CLASSIC, route + " answered " + r.status());
            }
            JsonNode body = json(client, r);
            String code = body == null ? "" : body.path("error_code").asText(body.path("rfccode").asText(""));
            if (r.status() == 400 && code.equals("CDC:ErrAPIInvalidParam")) {
                return new Probe(null, ServerDialect.Kernel.NEXT_GEN, route + " answered 400 " + code);
            }
            return new Probe(null, ServerDialect.Kernel.UNKNOWN, route + " answered HTTP " + r.status());
        } catch (ClientException e) {
            return new Probe(null, ServerDialect.Kernel.UNKNOWN, route + " failed: " + e.getMessage());
        }
    }

    private static JsonNode json(TicdcClient client, HttpTransport.Response r) {
        return ErrorAnswers.parse(client.mapper(), r.body());
    }

    /** Whether {@code r} is gin's answer to a route the server does not have: a text 404, not a TiCDC error. */
    static boolean noSuchRoute(HttpTransport.Response r) {
        return r.status() == 404 && text(r).startsWith(GIN_NOT_FOUND);
    }

    private static String text(HttpTransport.Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
