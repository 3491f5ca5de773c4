package dev.ticdcctl.cli.sandbox;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.DurationConverter;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.UserInput;
import dev.ticdcctl.pem.PemException;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "sandbox",
        description = {"Run a simulated TiCDC cluster on 127.0.0.1 in the foreground, for trying ticdcctl and for"
            + " testing scripts. It answers the OpenAPI v2 as TiCDC v8.5 does; each capture listens on its own port"
            + " (HTTP, or HTTPS with --tls-cert) and forwards owner routes to the owner. Prints the captures' URLs;"
            + " Ctrl-C or SIGTERM stops it.",
            "--arch and --kernel pick the server (default: --arch " + ServerDialect.DEFAULT_ARCH + " --kernel "
                + ServerDialect.DEFAULT_KERNEL + "): new models pingcap/ticdc's new architecture of the current"
                + " release line, v8.5.5 to v8.5.7, as TiUP and TiDB Operator install it (table scheduling,"
                + " keyspaces, its replica config, errors, route table and /metrics), on the classic kernel (one"
                + " keyspace, named default) or the next-gen one (keyspaces keyspace1 and keyspace2, given with --keyspace); classic models"
                + " pingcap/tiflow v8.5.x, the classic architecture. A --state-dir keeps the form it was made in.",
            "Failing changefeeds retry with TiCDC's back-off and fail once changefeed_error_stuck_duration is"
                + " exceeded. Like a real one, the classic server has short windows in which routes fail: for a few"
                + " ticks after the owner resigns, owner routes answer CDC:ErrOwnerNotFound; after a changefeed is"
                + " created or resumed, health answers unhealthy until its scheduler is initialised. --calm leaves"
                + " them out.",
            "Faults can be injected under /sandbox/... (see README, \"Rehearsing incidents\"). The global option"
                + " --sandbox runs a single command against an embedded sandbox instead."},
        footerHeading = "%nExamples:%n",
        footer = {"  # three captures on ports 8300-8302", "  ticdcctl sandbox",
            "  # in another terminal", "  ticdcctl --server 127.0.0.1:8301 changefeed create demo --sink-uri blackhole://",
            "  # a cluster that requires a TiDB user for changes, state kept across restarts",
            "  ticdcctl sandbox --auth root:secret --state-dir /tmp/ticdc-sandbox",
            "  # the classic architecture, as pingcap/tiflow v8.5.x answers",
            "  ticdcctl sandbox --arch classic",
            "  # the new architecture on the next-gen kernel (keyspaces keyspace1, keyspace2; archived is disabled)",
            "  ticdcctl sandbox --kernel next-gen",
            "  ticdcctl --server 127.0.0.1:8300 -k keyspace1 changefeed list",
            "  # HTTPS that requires client certificates signed by ca.crt (mutual TLS)",
            "  ticdcctl sandbox --tls-cert server.crt --tls-key server.key --client-ca ca.crt"})
public final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8300",
            description = "Port of the first capture; capture N listens on PORT+N (0 picks free ports).")
    int port;

    @Option(names = "--captures", paramLabel = "N", defaultValue = "3", description = "Number of captures.")
    int captures;

    @Option(names = "--tick", paramLabel = "DURATION", defaultValue = "500ms", converter = DurationConverter.class,
            description = "How long the owner takes to apply a request, like a real owner's tick.")
    Duration tick;

    @Option(names = "--auth", paramLabel = "USER:PASSWORD",
            description = "Require this TiDB user for changes, as security.client-user-required does"
                    + " (env TICDCCTL_SANDBOX_AUTH).")
    String auth;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Keep the cluster's state in DIR across restarts (default: in memory).")
    Path stateDir;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve HTTPS with this PEM certificate (or chain, leaf first), as TiCDC's"
                    + " security.cert-path does. Needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The unencrypted PEM private key of --tls-cert (PKCS#1, SEC1 or PKCS#8), as"
                    + " security.key-path.")
    Path tlsKey;

    @Option(names = "--client-ca", paramLabel = "FILE",
            description = "Require client certificates signed by a CA of this PEM file, as security.ca-path does"
                    + " (mutual TLS). Needs --tls-cert and --tls-key.")
    Path clientCa;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "Which server to simulate: new (ticdc v8.5.5-v8.5.7) or classic (tiflow v8.5.x); default "
                    + ServerDialect.DEFAULT_ARCH + ", or the form of --state-dir.")
    String arch;

    @Option(names = "--kernel", paramLabel = "KERNEL",
            description = "The new architecture's kernel: classic (one keyspace, named default) or next-gen"
                    + " (keyspaces required); default " + ServerDialect.DEFAULT_KERNEL + ".")
    String kernel;

    @Option(names = "--calm",
            description = "No transient windows: owner routes answer during an owner election, and health stays"
                    + " healthy while a changefeed's scheduler initialises.")
    boolean calm;

    private final Printing printing;
    private final UserInput input;
    private final Environment environment;

    SandboxCommand(Printing printing, UserInput input, Environment environment) {
        this.printing = printing;
        this.input = input;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (auth != null) {
            input.warnVisibleInProcessList("--auth", "prefer TICDCCTL_SANDBOX_AUTH");
        }
        if (captures < 1 || captures > 16) {
            throw new CliException.InvalidInput("--captures must be between 1 and 16", null);
        }
        if (port < 0 || port + captures - 1 > 65535) {
            throw new CliException.InvalidInput("--port " + port + " leaves no room for " + captures + " captures",
                    null);
        }
        String credentials = auth != null ? auth : environment.get("TICDCCTL_SANDBOX_AUTH");
        String user = null;
        String password = null;
        if (credentials != null) {
            int colon = credentials.indexOf(':');
            if (colon <= 0) {
                throw new CliException.InvalidInput("--auth must be USER:PASSWORD", null);
            }
            user = credentials.substring(0, colon);
            password = credentials.substring(colon + 1);
        }
        ServerDialect dialect = SandboxForm.asked(arch, kernel, SandboxForm.Spelling.OPTIONS);
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CliException.InvalidInput("--tls-cert and --tls-key go together", null);
        }
        if (clientCa != null && tlsCert == null) {
            throw new CliException.InvalidInput("--client-ca needs --tls-cert and --tls-key", null);
        }
        Sandbox.Options options = Sandbox.Options.defaults().withPort(port).withCaptures(captures).withTick(tick)
                .withAuth(user, password).withStateDir(stateDir).withClock(environment.clock())
                .withTls(tlsCert, tlsKey, clientCa).withDialect(dialect).withTransientWindows(!calm);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Sandbox sandbox = start(options)) {
            // Only once started: a sandbox refused for its options leaves the process's signal handling alone.
            Signal.handle(new Signal("INT"), s -> stopped.countDown());
            Signal.handle(new Signal("TERM"), s -> stopped.countDown());
            for (URI url : sandbox.urls()) {
                printing.output().data(url.toString());
            }
            printing.output().progress("TiCDC sandbox (" + SandboxForm.describe(sandbox.dialect()) + ") running with "
                    + sandbox.urls().size() + " capture(s)"
                    + (tlsCert == null ? "" : clientCa == null ? " over HTTPS" : " over HTTPS with client certificates")
                    + (user == null ? "" : ", changes require user " + user) + "; stop it with Ctrl-C.");
            printing.output().progress("Try: export TICDCCTL_SERVER=" + sandbox.url());
            stopped.await();
        }
        printing.output().progress("sandbox stopped");
        return ExitCode.OK.code();
    }

    private Sandbox start(Sandbox.Options options) {
        try {
            return Sandbox.start(options);
        } catch (PemException e) {
            throw new CliException.InvalidInput(optionFor(e.role()) + " " + e.getMessage(), null);
        } catch (Sandbox.UnusableStateDirectory e) {
            throw new CliException.InvalidInput("invalid --state-dir: " + e.getMessage(), null);
        } catch (Sandbox.OtherServersState e) {
            throw SandboxForm.madeInAnotherForm(arch, kernel, SandboxForm.Spelling.OPTIONS,
                    "the sandbox state in " + stateDir, e.kept(), "leave out --arch and --kernel to use that state"
                    + " as it is, or give another --state-dir for a new one in the form asked for");
        } catch (BindException e) {
            throw new CliException.Failed("cannot listen on 127.0.0.1 port " + options.port() + " or the ports after"
                    + " it: " + e.getMessage(), "choose other ports with --port, or --port 0 for free ones");
        } catch (IOException | IllegalStateException e) {
            throw new CliException.Failed(e.getMessage(), null);
        }
    }

    private static String optionFor(PemException.Role role) {
        return switch (role) {
            case CERTIFICATE -> "--tls-cert";
            case PRIVATE_KEY -> "--tls-key";
            case CA -> "--client-ca";
        };
    }
}
