package dev.ticdcctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.client.Connections;
import dev.ticdcctl.client.DialectCache;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.client.Json;
import dev.ticdcctl.client.Proxies;
import dev.ticdcctl.client.ServerAddress;
import dev.ticdcctl.client.ServerDialects;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.config.Paths;
import dev.ticdcctl.config.Setting;
import dev.ticdcctl.config.Settings;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.output.StatusLine;
import dev.ticdcctl.output.TerminalText;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The composition root's shared objects for one invocation. Everything is built on first use, after the command
 * line is parsed, so a command that needs no server builds no HTTP client and no JSON mapper.
 */
public final class Services implements AutoCloseable {
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(60);
    /** What the embedded sandbox simulates: a classic server (tiflow has only the classic kernel). */
    private static final String SANDBOX_ARCH = "classic";

    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions options;
    private final EmbeddedCluster.Starter sandboxes;
    private PasswordReader passwords;
    private ObjectMapper mapper;
    private Connections connections;
    private final List<HttpTransport> transports = new ArrayList<>();
    private TicdcClient client;
    private ServerDialects dialects;
    private Output output;
    private EmbeddedCluster sandbox;
    private Settings settings;

    /** {@code sandboxes} starts the cluster of {@code --sandbox}. */
    public Services(Environment environment, PrintWriter out, PrintWriter err, GlobalOptions options,
            EmbeddedCluster.Starter sandboxes) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.options = options;
        this.sandboxes = sandboxes;
    }

    public Environment environment() {
        return environment;
    }

    public GlobalOptions options() {
        return options;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** What starts the cluster of {@code --sandbox}. */
    public EmbeddedCluster.Starter sandboxes() {
        return sandboxes;
    }

    /** The effective connection settings and their sources, resolved on first use. */
    public Settings settings() {
        if (settings == null) {
            if (options.retries != null && options.retries < 0) {
                throw new CliException.InvalidInput("--retries must be 0 or more, not " + options.retries, null);
            }
            settings = Settings.resolve(new Settings.Flags(options.server, options.namespace, options.context,
                    options.ca, options.cert, options.key, options.insecureSkipTlsVerify, options.user,
                    passwordFromFlags(), options.passwordStdin ? "--password-stdin" : "--password", options.timeout,
                    options.connectTimeout, options.retries, options.maxResponseSize, options.proxy, options.keyspace,
                    options.arch, options.kernel),
                    environment.variables(), configFile(), paths().ticdcCredentials());
            if (settings.warning != null) {
                output().warn(settings.warning);
            }
        }
        return settings;
    }

    /**
     * Warns that a secret given as an argument ({@code what}) can be read by other users, and what to do instead;
     * not inside the shell, which passes its lines in-process, where no process list shows them.
     */
    public void warnVisibleInProcessList(String what, String instead) {
        if (!environment.insideShell()) {
            output().warn(what + " is visible to other users in the process list; " + instead);
        }
    }

    /** The password given by {@code --password-stdin} (read once) or {@code --password} (with a warning), or null. */
    public String passwordFromFlags() {
        return passwords().fromFlags();
    }

    /** The password reader of the parsed options. */
    private PasswordReader passwords() {
        if (passwords == null) {
            passwords = new PasswordReader(environment, options.passwordStdin, options.password,
                    () -> warnVisibleInProcessList("--password", "prefer --password-stdin or TICDC_PASSWORD"));
        }
        return passwords;
    }

    /** The contexts file: see {@link Paths#configFile}. */
    public Path configFile() {
        return paths().configFile(options.configFile);
    }

    private Paths paths() {
        return environment.paths();
    }

    /** Where the password sent came from, for messages: "from env TICDC_PASSWORD", "typed at the prompt", or null. */
    public String passwordOrigin() {
        Settings.Value<String> password = settings().password;
        return passwords().typed() ? "typed at the prompt" : password.isSet() ? "from " + password.source() : null;
    }

    public String namespace() {
        return settings().namespace.value();
    }

    /** The server's base URL: the embedded sandbox's with {@code --sandbox}; https for host:port with TLS files. */
    public URI server() {
        if (options.sandbox) {
            return embeddedCluster().url();
        }
        return serverAddress(settings().server, settings().usesTls());
    }

    /**
     * The cluster a command acts on, as confirmations name it: {@code cluster prod (https://cdc-0.prod:8300)}, the
     * address alone when no context chose the server, or the embedded sandbox.
     */
    public String cluster() {
        URI server = server();
        if (options.sandbox) {
            return "the embedded sandbox (" + server + ")";
        }
        String context = serverContext();
        return context != null ? "cluster " + context + " (" + server + ")" : "cluster " + server;
    }

    /** The context the server address came from, or null when a flag or the environment gave it, or none did. */
    public String serverContext() {
        String context = settings().context.value();
        return context != null && settings().server.source().equals("context " + context) ? context : null;
    }

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

    public Duration requestTimeout() {
        return settings().timeout.value();
    }

    /** The bound of a wait for a state change: {@code --timeout} when given, else 60s. */
    public Duration waitTimeout() {
        return waitTimeout(DEFAULT_WAIT_TIMEOUT);
    }

    /** The bound of a wait: {@code --timeout} when given, else the command's own default. */
    public Duration waitTimeout(Duration commandDefault) {
        return options.timeout != null ? options.timeout : commandDefault;
    }

    /** Built once; synchronized as the clients of a bulk action's workers ask for it. */
    public synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        return mapper;
    }

    public TicdcClient client() {
        if (client == null) {
            client = clientWith(connections().server());
        }
        return client;
    }

    /**
     * A client for one capture of the cluster, at {@code address} ({@code host:port} as {@code capture list} gives
     * it), with the scheme, TLS, credentials, timeouts and limits of {@link #client()}; an unusable address is an
     * IllegalArgumentException saying why.
     */
    public TicdcClient captureClient(String address) {
        URI base = connections().captureAddress(address);
        return clientWith(usable(() -> connections().to(base)));
    }

    /** The connections to the cluster, built once: a password is asked for at most once. */
    private Connections connections() {
        if (connections == null) {
            URI server = server();
            Settings settings = settings();
            Connections.Tls tls = new Connections.Tls(path(settings.ca), path(settings.cert), path(settings.key),
                    settings.insecureSkipTlsVerify.value());
            if (tls.insecureSkipVerify() && server.getScheme().equals("https")) {
                output().warn("not verifying the server's certificate or host name (--insecure-skip-tls-verify)");
            }
            SSLContext sslContext = usable(() -> Connections.sslContext(server, tls));
            String user = settings.user.value();
            String authorization = user == null ? null
                    : Connections.basicAuthorization(user, passwords().orTyped(user, settings.password.value()));
            Connections.Limits limits = new Connections.Limits(settings.timeout.value(),
                    settings.connectTimeout.value(), settings.retries.value(), settings.maxResponseSize.value());
            connections = usable(() -> new Connections(server, sslContext, authorization, limits,
                    proxies(settings.proxy, environment.variables()), "ticdcctl/" + Version.CLIENT,
                    environment.sleeper()::sleep, options.debug ? this::trace : null));
        }
        return connections;
    }

    private TicdcClient clientWith(HttpTransport.Settings connection) {
        HttpTransport transport = new HttpTransport(connection);
        transports.add(transport);
        return new TicdcClient(transport, this::mapper, settings().keyspace.value(), dialects());
    }

    /**
     * The options that tell a line of the shell, which reaches the embedded sandbox by its address, what the sandbox
     * simulates, unless the user pinned it: asking it would only cost requests.
     */
    public List<String> sandboxDialect() {
        return settings().arch.isSet() || settings().kernel.isSet() ? List.of()
                : List.of(Setting.ARCH.flag(), SANDBOX_ARCH);
    }

    /** Which server answers, found out only when a command asks, and remembered in the cache directory. */
    private synchronized ServerDialects dialects() {
        if (dialects == null) {
            Settings s = settings();
            Consumer<String> debug = options.debug ? this::trace : line -> { };
            ServerDialects.Pins pins = options.sandbox && !s.arch.isSet() && !s.kernel.isSet()
                    ? new ServerDialects.Pins(SANDBOX_ARCH, "the embedded sandbox", null, null)
                    : new ServerDialects.Pins(s.arch.value(), s.arch.source(), s.kernel.value(), s.kernel.source());
            dialects = new ServerDialects(pins, new DialectCache(paths().cacheDirectory(), this::mapper, environment.clock(),
                    debug), debug);
        }
        return dialects;
    }

    /**
     * The proxy for {@code server}: --proxy, else TICDCCTL_PROXY, else the context's, else the environment's
     * HTTP(S)_PROXY and NO_PROXY; one it cannot use is a usage error.
     */
    public static Proxies.Choice proxy(Settings.Value<String> own, Map<String, String> env, URI server) {
        return usable(() -> proxies(own, env).choose(server));
    }

    /** The proxies given ticdcctl's own setting {@code own} and the environment's variables. */
    private static Proxies proxies(Settings.Value<String> own, Map<String, String> env) {
        return Proxies.of(own.value(), own.source(), env);
    }

    /** A connection setting the user gave that cannot be used (a TLS file, a proxy) is a usage error. */
    private static <T> T usable(Supplier<T> connection) {
        try {
            return connection.get();
        } catch (IllegalArgumentException e) {
            throw new CliException.InvalidInput(e.getMessage(), null);
        }
    }

    private static Path path(Settings.Value<String> value) {
        return value.value() == null ? null : Path.of(value.value());
    }

    /**
     * The bytes of an input file, or of stdin for "-", at most {@link Inputs#LIMIT}; an unreadable file, a closed
     * stdin or a larger input is invalid input.
     */
    public byte[] readInput(String file) {
        if (file.equals("-") && options.passwordStdin) {
            // Both would read stdin, and whichever came second would find it consumed.
            throw new CliException.InvalidInput("--password-stdin and an input from stdin ('-') exclude each other",
                    "give the password in TICDC_PASSWORD or a context instead");
        }
        return Inputs.read(environment, file);
    }

    /** One line of stdin (a password, a sink URI), or null when stdin is empty; see {@link #readInput}. */
    public String readStdinLine() {
        return Inputs.readLine(environment);
    }

    public Output output() {
        if (output == null) {
            boolean color = switch (options.color) {
                case always -> true;
                case never -> false;
                case auto -> environment.terminal().stdout() && environment.get("NO_COLOR") == null;
            };
            output = new Output(out, err, environment.terminal(),
                    new Output.Options(options.format, options.jq, options.noHeaders, color, options.quiet),
                    this::mapper, environment.clock());
        }
        return output;
    }

    public Prompter prompter() {
        return new Prompter(environment, err, options.yes);
    }

    public Waiter waiter() {
        return new Waiter(environment.clock(), environment.sleeper(), statusLine());
    }

    /** Where a wait shows how it is going; off with {@code --debug}, whose lines on stderr tell it already. */
    public StatusLine statusLine() {
        return options.debug ? StatusLine.OFF : output().statusLine();
    }

    /** A {@code --debug} line: a URL may carry a password or a secret query parameter, a header a server's bytes. */
    private void trace(String line) {
        err.println(TerminalText.message(line));
        err.flush();
    }

    boolean debug() {
        return options.debug;
    }

    /** The simulated cluster of {@code --sandbox}, started on first use and stopped by {@link #close()}. */
    private EmbeddedCluster embeddedCluster() {
        if (sandbox == null) {
            if (options.server != null) {
                throw new CliException.InvalidInput("--sandbox and --server exclude each other", null);
            }
            sandbox = sandboxes.start(paths().sandboxDirectory(), environment.clock());
        }
        return sandbox;
    }

    @Override
    public void close() {
        transports.forEach(HttpTransport::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

}
