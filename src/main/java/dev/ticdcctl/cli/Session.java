package dev.ticdcctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.client.Connections;
import dev.ticdcctl.client.DialectCache;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.client.Json;
import dev.ticdcctl.client.ServerDialects;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.config.ClusterIndex;
import dev.ticdcctl.config.Paths;
import dev.ticdcctl.config.Setting;
import dev.ticdcctl.config.Settings;
import dev.ticdcctl.output.MaskedValues;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.output.StatusLine;
import dev.ticdcctl.output.TerminalText;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The composition root of one invocation: it builds what the commands use, each on first use, after the command line
 * is parsed, so a command that needs no server builds no HTTP client and no JSON mapper. Commands never see it: they
 * name the narrow views it implements ({@link ClusterAccess}, {@link Printing}, {@link Confirmations},
 * {@link Waiting}, {@link UserInput}, {@link Configuration}) in their constructors, and only the root's wiring, the
 * shell and completion's lookups (which run other command lines) hold a session.
 */
public final class Session implements ClusterAccess, Clusters, Printing, Confirmations, Waiting, UserInput,
        Configuration, AutoCloseable {
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    /** Values masked in all that {@link #out} and {@link #err} print. */
    private final MaskedValues masked;
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
    /** The sessions of the clusters an index named, closed with this one. */
    private final List<Session> others = new ArrayList<>();

    /** {@code sandboxes} starts the cluster of {@code --sandbox}. */
    public Session(Environment environment, PrintWriter out, PrintWriter err, GlobalOptions options,
            EmbeddedCluster.Starter sandboxes) {
        this(environment, Printers.masking(out, err), options, sandboxes);
    }

    /** The sessions of other clusters print through the same writers and mask the same values. */
    private Session(Environment environment, Printers printers, GlobalOptions options,
            EmbeddedCluster.Starter sandboxes) {
        this.environment = environment;
        this.masked = printers.masked();
        this.out = printers.out();
        this.err = printers.err();
        this.options = options;
        this.sandboxes = sandboxes;
    }

    private record Printers(MaskedValues masked, PrintWriter out, PrintWriter err) {
        static Printers masking(PrintWriter out, PrintWriter err) {
            MaskedValues masked = new MaskedValues();
            return new Printers(masked, new PrintWriter(masked.masking(out)), new PrintWriter(masked.masking(err)));
        }
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

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public void maskEverywhere(String value) {
        masked.add(value);
    }

    /** What starts the cluster of {@code --sandbox}. */
    public EmbeddedCluster.Starter sandboxes() {
        return sandboxes;
    }

    @Override
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

    @Override
    public void warnVisibleInProcessList(String what, String instead) {
        if (!environment.insideShell()) {
            output().warn(what + " is visible to other users in the process list; " + instead);
        }
    }

    @Override
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

    @Override
    public Path configFile() {
        return paths().configFile(options.configFile);
    }

    private Paths paths() {
        return environment.paths();
    }

    @Override
    public String passwordOrigin() {
        Settings.Value<String> password = settings().password;
        return passwords().typed() ? "typed at the prompt" : password.isSet() ? "from " + password.source() : null;
    }

    @Override
    public String namespace() {
        return settings().namespace.value();
    }

    @Override
    public URI server() {
        if (options.sandbox) {
            return embeddedCluster().url();
        }
        return ServerSettings.serverAddress(settings().server, settings().usesTls());
    }

    /**
     * The cluster a command acts on, as confirmations name it: {@code cluster prod (https://cdc-0.prod:8300)}, the
     * address alone when no context chose the server, or the embedded sandbox.
     */
    @Override
    public String name() {
        URI server = server();
        if (options.sandbox) {
            return "the embedded sandbox (" + server + ")";
        }
        String context = serverContext();
        return context != null ? "cluster " + context + " (" + server + ")" : "cluster " + server;
    }

    @Override
    public String serverContext() {
        String context = settings().context.value();
        return context != null && settings().server.source().equals("context " + context) ? context : null;
    }

    @Override
    public Duration waitTimeout() {
        return waitTimeout(DEFAULT_WAIT_TIMEOUT);
    }

    @Override
    public Duration waitTimeout(Duration commandDefault) {
        return options.timeout != null ? options.timeout : commandDefault;
    }

    @Override
    public synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        return mapper;
    }

    @Override
    public synchronized TicdcClient client() {
        if (client == null) {
            client = clientWith(connections().server());
        }
        return client;
    }

    @Override
    public synchronized TicdcClient captureClient(String address) {
        URI base = connections().captureAddress(address);
        return clientWith(ServerSettings.usable(() -> connections().to(base)));
    }

    /** The connections to the cluster, built once: a password is asked for at most once. */
    private Connections connections() {
        if (connections == null) {
            URI server = server();
            Settings settings = settings();
            if (ServerSettings.unverified(server, settings)) {
                output().warn("not verifying the server's certificate or host name (--insecure-skip-tls-verify)");
            }
            connections = ServerSettings.connections(server, settings,
                    () -> passwords().orTyped(settings.user.value(), settings.password.value()),
                    environment.variables(), environment.sleeper()::sleep, options.debug ? this::trace : null);
        }
        return connections;
    }

    private TicdcClient clientWith(HttpTransport.Settings connection) {
        HttpTransport transport = new HttpTransport(connection);
        transports.add(transport);
        return new TicdcClient(transport, this::mapper, Json::prepareMapper, settings().keyspace.value(), dialects());
    }

    /**
     * The options that tell a line of the shell, which reaches the embedded sandbox by its address, what the sandbox
     * simulates, unless the user pinned it: asking it would only cost requests.
     */
    public List<String> sandboxDialect() {
        return settings().arch.isSet() || settings().kernel.isSet() ? List.of()
                : List.of(Setting.ARCH.flag(), embeddedCluster().arch(), Setting.KERNEL.flag(),
                        embeddedCluster().kernel());
    }

    /** Which server answers, found out only when a command asks, and remembered in the cache directory. */
    private synchronized ServerDialects dialects() {
        if (dialects == null) {
            Settings s = settings();
            Consumer<String> debug = options.debug ? this::trace : line -> { };
            // The embedded sandbox is known: the form its state was made in, unless the user pinned one.
            ServerDialects.Pins pins = options.sandbox && !s.arch.isSet() && !s.kernel.isSet()
                    ? new ServerDialects.Pins(embeddedCluster().arch(), "the embedded sandbox",
                            embeddedCluster().kernel(), "the embedded sandbox")
                    : new ServerDialects.Pins(s.arch.value(), s.arch.source(), s.kernel.value(), s.kernel.source());
            DialectCache cache = new DialectCache(paths().cacheDirectory(), this::mapper, environment.clock(), debug);
            dialects = new ServerDialects(pins, cache, debug);
        }
        return dialects;
    }

    @Override
    public byte[] readInput(String file) {
        if (file.equals("-") && options.passwordStdin) {
            // Both would read stdin, and whichever came second would find it consumed.
            throw new CliException.InvalidInput("--password-stdin and an input from stdin ('-') exclude each other",
                    "give the password in TICDC_PASSWORD or a context instead");
        }
        return Inputs.read(environment, file);
    }

    @Override
    public String readStdinLine() {
        return Inputs.readLine(environment);
    }

    @Override
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

    @Override
    public Prompter prompter() {
        return new Prompter(environment, err, options.yes);
    }

    @Override
    public Waiter waiter() {
        return new Waiter(environment.clock(), environment.sleeper(), statusLine());
    }

    @Override
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
            sandbox = sandboxes.start(environment);
        }
        return sandbox;
    }

    /**
     * A session of its own for the cluster {@code entry} describes: its context or server, namespace and keyspace
     * win over this invocation's flags and environment variables for them; everything else is shared.
     */
    @Override
    public synchronized Chosen cluster(ClusterIndex.Entry entry) {
        GlobalOptions chosen = options.forCluster(entry);
        List<String> decided = Stream.of(Setting.CONTEXT, Setting.SERVER, Setting.NAMESPACE, Setting.KEYSPACE)
                .map(Setting::variable).toList();
        Session other = new Session(environment.without(decided), new Printers(masked, out, err), chosen, sandboxes);
        other.passwords = passwords(); // --password-stdin's line is read once, for every cluster
        others.add(other);
        return new Chosen(other, chosen);
    }

    @Override
    public synchronized void close() {
        others.forEach(Session::close);
        out.flush();
        err.flush();
        transports.forEach(HttpTransport::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

}
