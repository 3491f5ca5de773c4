package dev.ticdcctl.cli;

import dev.ticdcctl.config.ClusterIndex;
import dev.ticdcctl.config.ConfigFile;
import dev.ticdcctl.model.FeatureReleases;
import dev.ticdcctl.output.ColorMode;
import dev.ticdcctl.output.Format;
import dev.ticdcctl.util.ByteSize;
import dev.ticdcctl.util.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command inherits. One instance per invocation, held by the {@link Session}. */
public final class GlobalOptions {
    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT, order = 100,
            description = "TiCDC server: http(s)://host:port or host:port (env TICDCCTL_SERVER; default "
                    + "http://127.0.0.1:8300). Any capture works: non-owners forward to the owner.")
    String server;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT, order = 100,
            description = "Run against an embedded simulated cluster whose state persists in TICDCCTL_SANDBOX_DIR "
                    + "(default $XDG_STATE_HOME/ticdcctl/sandbox) instead of a server. A new state simulates the new"
                    + " architecture on the classic kernel, as the sandbox command does, unless TICDCCTL_SANDBOX_ARCH"
                    + "=classic or TICDCCTL_SANDBOX_KERNEL=next-gen asks for another form; the state keeps its form.")
    boolean sandbox;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 100,
            description = "Use this context of the config file (env TICDCCTL_CONTEXT; default: its current context).")
    String context;

    @Option(names = "--config-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 100,
            description = "The contexts file (env TICDCCTL_CONFIG; default $XDG_CONFIG_HOME/ticdcctl/config.toml).")
    String configFile;

    @Option(names = "--ca", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 100,
            description = "PEM CA certificate(s) to verify the server with (env TICDC_CA_PATH).")
    String ca;

    @Option(names = "--cert", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 100,
            description = "PEM client certificate (chain) for mutual TLS (env TICDC_CERT_PATH).")
    String cert;

    @Option(names = "--key", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 100,
            description = "PEM private key of --cert: RSA or EC, PKCS#1, SEC1 or PKCS#8 (env TICDC_KEY_PATH).")
    String key;

    @Option(names = "--insecure-skip-tls-verify", scope = ScopeType.INHERIT, order = 100,
            description = "Do not verify the server's certificate or host name (warns; never the default).")
    boolean insecureSkipTlsVerify;

    @Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT, order = 100,
            description = "TiDB user for clusters that require one for changes (TiCDC " + FeatureReleases.AUTHENTICATION
                    + " and newer; env TICDC_USER).")
    String user;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT, order = 100,
            description = "Read the password from the first line of stdin (or use TICDC_PASSWORD, a context, or the"
                    + " prompt on a terminal).")
    boolean passwordStdin;

    @Option(names = "--password", paramLabel = "PASSWORD", scope = ScopeType.INHERIT, order = 100,
            description = "The password in argv, where other users can see it (warns); prefer --password-stdin.")
    String password;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, order = 107,
            converter = DurationConverter.class, description = "Give up connecting after DURATION (default 10s).")
    Duration connectTimeout;

    @Option(names = "--retries", paramLabel = "N", scope = ScopeType.INHERIT, order = 107,
            description = "Retry reads and deletes up to N times (default 3) after a refused, dropped or reset"
                    + " connection or a 503, waiting 0.2s, 0.6s, 1.8s... (jittered), all within --timeout;"
                    + " a change only when its connection was refused, so nothing of it was sent.")
    Integer retries;

    @Option(names = "--proxy", paramLabel = "URL|none", scope = ScopeType.INHERIT, order = 107,
            description = "Reach the server through this HTTP proxy (http://[user:pass@]host:port), or none (env"
                    + " TICDCCTL_PROXY, else the context's proxy; default: HTTPS_PROXY, HTTP_PROXY and NO_PROXY as Go"
                    + " programs such as cdc cli read them).")
    String proxy;

    @Option(names = "--max-response-size", paramLabel = "SIZE", scope = ScopeType.INHERIT, order = 107,
            converter = ByteSizeConverter.class,
            description = "Refuse an answer larger than SIZE, reading no further (env TICDCCTL_MAX_RESPONSE_SIZE;"
                    + " default 64MiB, far above a list of 10,000 changefeeds). Examples: 512KiB, 256MiB.")
    ByteSize maxResponseSize;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", scope = ScopeType.INHERIT, order = 101,
            description = "Changefeed namespace (TiCDC " + FeatureReleases.NAMESPACES + " and newer; env"
                    + " TICDCCTL_NAMESPACE; default: default).")
    String namespace;

    @Option(names = {"-k", "--keyspace"}, paramLabel = "NAME", scope = ScopeType.INHERIT, order = 101,
            description = "Keyspace of a new-architecture server, as cdc cli's -k; a next-gen kernel requires it (env"
                    + " TICDCCTL_KEYSPACE). Sent alongside -n, which such a server ignores.")
    String keyspace;

    @Option(names = "--server-arch", paramLabel = "classic|new", scope = ScopeType.INHERIT, order = 101,
            completionCandidates = Arches.class,
            description = "Server architecture, when not to ask the server (env TICDCCTL_ARCH); --debug says how it"
                    + " was decided.")
    String arch;

    @Option(names = "--server-kernel", paramLabel = "classic|next-gen", scope = ScopeType.INHERIT, order = 101,
            completionCandidates = Kernels.class,
            description = "Server kernel, when not to ask the server (env TICDCCTL_KERNEL).")
    String kernel;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, order = 102,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table); a command's --help names those"
                    + " it supports (toml: changefeed export). json and yaml print the server's response as received.")
    Format format = Format.table;

    @Option(names = "--jq", paramLabel = "EXPR", scope = ScopeType.INHERIT, order = 103,
            description = "Filter the JSON response with a jq expression (strings print raw), e.g. '.items[].id'.")
    String jq;

    @Option(names = "--no-headers", scope = ScopeType.INHERIT, order = 104,
            description = "Omit table headers.")
    boolean noHeaders;

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT, order = 105,
            description = "Colour: ${COMPLETION-CANDIDATES} (default: auto = on a terminal, unless NO_COLOR is set).")
    ColorMode color = ColorMode.auto;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 106,
            description = "Print no confirmation messages or progress; data and errors still print.")
    boolean quiet;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, order = 107,
            converter = DurationConverter.class,
            description = "Give up on a request after DURATION (default 30s: connecting, retries and the whole"
                    + " answer) and on a wait for a state change after DURATION (default 60s, unless the command says"
                    + " otherwise). Examples: 500ms, 10s, 2m.")
    Duration timeout;

    @Option(names = {"-y", "--yes", "--no-confirm"}, scope = ScopeType.INHERIT, order = 108,
            description = "Answer yes to confirmations (required off a terminal for destructive commands).")
    boolean yes;

    /** The values of {@code --server-arch}, for completion. */
    static final class Arches extends ArrayList<String> {
        Arches() {
            super(List.of("classic", "new"));
        }
    }

    /** The values of {@code --server-kernel}, for completion. */
    static final class Kernels extends ArrayList<String> {
        Kernels() {
            super(List.of("classic", "next-gen"));
        }
    }

    /** Whether {@code --sandbox} was given: commands run against an embedded simulated cluster. */
    public boolean sandbox() {
        return sandbox;
    }

    /** Whether {@code --debug} was given: requests and answers are traced on stderr. */
    public boolean debug() {
        return debug;
    }

    /** {@code -n} exactly as given on the command line, or null. */
    public String namespaceFlag() {
        return namespace;
    }

    /** The flags given that choose a cluster, which an index of clusters chooses instead (see forCluster). */
    public List<String> clusterFlags() {
        List<String> given = new ArrayList<>();
        addIf(given, sandbox, "--sandbox");
        addIf(given, server != null, "--server");
        addIf(given, context != null, "--context");
        addIf(given, namespace != null, "--namespace");
        addIf(given, keyspace != null, "--keyspace");
        return given;
    }

    private static void addIf(List<String> list, boolean condition, String flag) {
        if (condition) {
            list.add(flag);
        }
    }

    /**
     * A copy of these options that reaches the cluster {@code entry} of an index describes, as if its context or
     * server, namespace and keyspace were given as flags; the server's form is found out anew (clusters differ),
     * and every other option stays as given.
     */
    GlobalOptions forCluster(ClusterIndex.Entry entry) {
        GlobalOptions copy = new GlobalOptions();
        copy.server = entry.server();
        copy.context = entry.context();
        copy.namespace = entry.namespace();
        copy.keyspace = entry.keyspace();
        copy.sandbox = false;
        copy.configFile = configFile;
        copy.ca = ca;
        copy.cert = cert;
        copy.key = key;
        copy.insecureSkipTlsVerify = insecureSkipTlsVerify;
        copy.user = user;
        copy.passwordStdin = passwordStdin;
        copy.password = password;
        copy.connectTimeout = connectTimeout;
        copy.retries = retries;
        copy.proxy = proxy;
        copy.maxResponseSize = maxResponseSize;
        copy.format = format;
        copy.jq = jq;
        copy.noHeaders = noHeaders;
        copy.color = color;
        copy.quiet = quiet;
        copy.timeout = timeout;
        copy.yes = yes;
        copy.debug = debug;
        return copy;
    }

    /** The connection settings given as flags, for storing in a context. */
    public ConfigFile.Context connectionFlags() {
        return new ConfigFile.Context(server, namespace, ca, cert, key,
                insecureSkipTlsVerify ? Boolean.TRUE : null, user, null, null, null,
                timeout == null ? null : Durations.format(timeout), proxy, keyspace, arch, kernel);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, order = 109,
            description = "Trace HTTP requests and answers on stderr (credential headers redacted) and show stack"
                    + " traces.")
    boolean debug;
}
