package dev.ticdcctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.client.HttpTransport;
import dev.ticdcctl.client.Json;
import dev.ticdcctl.client.ServerAddress;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.output.ColorMode;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * The composition root's shared objects for one invocation. Everything is built on first use, after the command
 * line is parsed, so a command that needs no server builds no HTTP client and no JSON mapper.
 */
public final class Services implements AutoCloseable {
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions options;
    private ObjectMapper mapper;
    private HttpTransport transport;
    private TicdcClient client;
    private Output output;
    private Sandbox sandbox;

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

    /** {@code -n} > {@code TICDCCTL_NAMESPACE} > {@code default}. */
    public String namespace() {
        return firstNonNull(options.namespace, environment.get("TICDCCTL_NAMESPACE"), "default");
    }

    /** {@code --sandbox}, or {@code --server} > {@code TICDCCTL_SERVER} > {@code http://127.0.0.1:8300}. */
    public URI server() {
        if (options.sandbox) {
            return embeddedSandbox().url();
        }
        String given = options.server;
        String source = "--server";
        if (given == null) {
            given = environment.get("TICDCCTL_SERVER");
            source = "TICDCCTL_SERVER";
        }
        if (given == null) {
            return URI.create(ServerAddress.DEFAULT);
        }
        try {
            return ServerAddress.parse(given);
        } catch (IllegalArgumentException e) {
            throw new CliException.InvalidInput("invalid " + source + ": " + e.getMessage(), null);
        }
    }

    public Duration requestTimeout() {
        return options.timeout != null ? options.timeout : DEFAULT_REQUEST_TIMEOUT;
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
            mapper = Json.newMapper();
        }
        return mapper;
    }

    public TicdcClient client() {
        if (client == null) {
            transport = new HttpTransport(new HttpTransport.Settings(server(), requestTimeout(),
                    "ticdcctl/" + Version.CLIENT, options.debug ? err : null));
            client = new TicdcClient(transport, mapper());
        }
        return client;
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
        return new Waiter(environment.clock(), environment.sleeper());
    }

    boolean debug() {
        return options.debug;
    }

    ColorMode colorMode() {
        return options.color;
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
            } catch (IOException | IllegalStateException e) {
                throw new CliException.Failed("cannot start the embedded sandbox: " + e.getMessage(), null);
            }
        }
        return sandbox;
    }

    /** {@code TICDCCTL_SANDBOX_DIR}, else {@code $XDG_STATE_HOME/ticdcctl/sandbox}, else under ~/.local/state. */
    private Path sandboxDirectory() {
        String explicit = environment.get("TICDCCTL_SANDBOX_DIR");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String state = environment.get("XDG_STATE_HOME");
        Path base = state != null ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("ticdcctl").resolve("sandbox");
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
