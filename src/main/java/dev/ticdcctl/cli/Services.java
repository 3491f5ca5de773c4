package dev.ticdcctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.client.Json;
import dev.ticdcctl.client.Proxies;
import dev.ticdcctl.client.ServerAddress;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.config.Settings;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.output.StatusLine;
import dev.ticdcctl.output.TerminalText;
import dev.ticdcctl.pem.PemException;
import dev.ticdcctl.pem.PemFiles;
import dev.ticdcctl.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The composition root's shared objects for one invocation. Everything is built on first use, after the command
 * line is parsed, so a command that needs no server builds no HTTP client and no JSON mapper.
 */
public final class Services implements AutoCloseable {
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions options;
    private ObjectMapper mapper;
    private HttpTransport.Settings connection;
    private final List<HttpTransport> transports = new ArrayList<>();
    private TicdcClient client;
    private Output output;
    private Sandbox sandbox;
    private Settings settings;
    private String flagPassword;
    /** Whether the password sent was typed at the prompt (no setting held one). */
    private boolean passwordTyped;

    public Services(Environment environment, PrintWriter out, PrintWriter err, GlobalOptions options) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.options = options;
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

    /** The effective connection settings and their sources, resolved on first use. */
    public Settings settings() {
        if (settings == null) {
            if (options.retries != null && options.retries < 0) {
                throw new CliException.InvalidInput("--retries must be 0 or more, not " + options.retries, null);
            }
            settings = Settings.resolve(new Settings.Flags(options.server, options.namespace, options.context,
                    options.ca, options.cert, options.key, options.insecureSkipTlsVerify, options.user,
                    passwordFromFlags(), options.passwordStdin ? "--password-stdin" : "--password", options.timeout,
                    options.connectTimeout, options.retries, options.maxResponseSize, options.proxy),
                    environment.variables(), configFile(), home().resolve(".ticdc").resolve("credentials"));
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
        if (flagPassword == null && options.passwordStdin) {
            flagPassword = readStdinLine("the password");
        } else if (flagPassword == null && options.password != null) {
            warnVisibleInProcessList("--password", "prefer --password-stdin or TICDC_PASSWORD");
            flagPassword = options.password;
        }
        return flagPassword;
    }

    /** {@code --config-file} > {@code TICDCCTL_CONFIG} > {@code $XDG_CONFIG_HOME/ticdcctl/config.toml}. */
    public Path configFile() {
        if (options.configFile != null) {
            return Path.of(options.configFile);
        }
        String explicit = environment.get("TICDCCTL_CONFIG");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        return (xdg != null ? Path.of(xdg) : home().resolve(".config")).resolve("ticdcctl").resolve("config.toml");
    }

    private Path home() {
        return environment.home();
    }

    /** Where the password sent came from, for messages: "from env TICDC_PASSWORD", "typed at the prompt", or null. */
    public String passwordOrigin() {
        Settings.Value<String> password = settings().password;
        return passwordTyped ? "typed at the prompt" : password.isSet() ? "from " + password.source() : null;
    }

    public String namespace() {
        return settings().namespace.value();
    }

    /** The server's base URL: the embedded sandbox's with {@code --sandbox}; https for host:port with TLS files. */
    public URI server() {
        if (options.sandbox) {
            return embeddedSandbox().url();
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

    public ObjectMapper mapper() {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        return mapper;
    }

    public TicdcClient client() {
        if (client == null) {
            client = clientWith(connection());
        }
        return client;
    }

    /**
     * A client for one capture of the cluster, at {@code address} ({@code host:port} as {@code capture list} gives
     * it), with the scheme, TLS, credentials, timeouts and limits of {@link #client()}; an unusable address is an
     * IllegalArgumentException saying why.
     */
    public TicdcClient captureClient(String address) {
        URI base = ServerAddress.parse(connection().baseUri().getScheme() + "://" + address, false);
        return clientWith(connection().withBaseUri(base, proxy(base)));
    }

    /** The connection settings of the server, resolved once: a password is asked for at most once. */
    private HttpTransport.Settings connection() {
        if (connection == null) {
            URI server = server();
            Settings settings = settings();
            connection = new HttpTransport.Settings(server, settings.timeout.value(),
                    settings.connectTimeout.value(), "ticdcctl/" + Version.CLIENT, tls(server, settings),
                    authorization(settings), settings.retries.value(), environment.sleeper()::sleep,
                    options.debug ? this::trace : null, settings.maxResponseSize.value(), proxy(server));
        }
        return connection;
    }

    private TicdcClient clientWith(HttpTransport.Settings connection) {
        HttpTransport transport = new HttpTransport(connection);
        transports.add(transport);
        return new TicdcClient(transport, this::mapper);
    }

    /**
     * The proxy for {@code server}: --proxy, else TICDCCTL_PROXY, else the context's, else the environment's
     * HTTP(S)_PROXY and NO_PROXY.
     */
    private Proxies.Choice proxy(URI server) {
        return proxy(settings().proxy, environment.variables(), server);
    }

    /** The proxy for {@code server} given ticdcctl's own setting {@code own}; one it cannot use is a usage error. */
    public static Proxies.Choice proxy(Settings.Value<String> own, Map<String, String> env, URI server) {
        try {
            return Proxies.of(own.value(), own.source(), env).choose(server);
        } catch (IllegalArgumentException e) {
            throw new CliException.InvalidInput(e.getMessage(), null);
        }
    }

    /** TLS for https: the CA, client certificate and key files, or the JDK's defaults. */
    private SSLContext tls(URI server, Settings settings) {
        if (!server.getScheme().equals("https")) {
            return null;
        }
        if (settings.insecureSkipTlsVerify.value()) {
            output().warn("not verifying the server's certificate or host name (--insecure-skip-tls-verify)");
        }
        if (!settings.usesTls() && !settings.insecureSkipTlsVerify.value()) {
            return null;
        }
        try {
            return PemFiles.sslContext(path(settings.ca), path(settings.cert), path(settings.key),
                    settings.insecureSkipTlsVerify.value());
        } catch (PemException e) {
            String option = switch (e.role()) {
                case CA -> "--ca ";
                case CERTIFICATE -> "--cert ";
                case PRIVATE_KEY -> "--key ";
            };
            throw new CliException.InvalidInput(option + e.getMessage(), null);
        }
    }

    private static Path path(Settings.Value<String> value) {
        return value.value() == null ? null : Path.of(value.value());
    }

    /** HTTP Basic with the TiDB user; asks for a missing password on a terminal, as cdc cli does. */
    private String authorization(Settings settings) {
        String user = settings.user.value();
        if (user == null) {
            return null;
        }
        String password = settings.password.value();
        if (password == null && environment.terminal().stdin()) {
            password = new String(environment.passwords().read("Password for " + user + ": "));
            passwordTyped = true;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
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

    private String readStdinLine(String what) {
        String line = readStdinLine();
        if (line == null) {
            throw new CliException.InvalidInput("expected " + what + " on stdin, found nothing", null);
        }
        return line;
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
    private Sandbox embeddedSandbox() {
        if (sandbox == null) {
            if (options.server != null) {
                throw new CliException.InvalidInput("--sandbox and --server exclude each other", null);
            }
            try {
                sandbox = Sandbox.start(Sandbox.Options.defaults()
                        .withStateDir(sandboxDirectory()).withClock(environment.clock()));
            } catch (Sandbox.UnusableStateDirectory e) {
                throw new CliException.InvalidInput("cannot start the embedded sandbox: " + e.getMessage(),
                        "TICDCCTL_SANDBOX_DIR chooses another directory");
            } catch (IOException | IllegalStateException e) {
                throw new CliException.Failed("cannot start the embedded sandbox: " + e.getMessage(), null);
            }
        }
        return sandbox;
    }

    /**
     * {@code TICDCCTL_SANDBOX_DIR}, else {@code $XDG_STATE_HOME/ticdcctl/sandbox}, else under
     * {@code $HOME/.local/state}: the environment's home, as for the contexts file, not the JVM's.
     */
    private Path sandboxDirectory() {
        String explicit = environment.get("TICDCCTL_SANDBOX_DIR");
        return explicit != null ? Path.of(explicit) : environment.stateDirectory().resolve("sandbox");
    }

    @Override
    public void close() {
        transports.forEach(HttpTransport::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

}
