package dev.ticdcctl.config;

import dev.ticdcctl.util.ByteSize;
import dev.ticdcctl.util.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The effective connection settings of one invocation, each with where it came from. Precedence, per setting:
 * flag > environment > the selected context > {@code ~/.ticdc/credentials} > default.
 */
public final class Settings {
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8300";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRIES = 3;
    /** Far above the largest real answer: a list of 10,000 changefeeds is about 3 MB. */
    public static final ByteSize DEFAULT_MAX_RESPONSE_SIZE = ByteSize.parse("64MiB");
    /** An answer is held in memory whole, so the cap stays well inside what a Java array can hold. */
    static final ByteSize LARGEST_MAX_RESPONSE_SIZE = ByteSize.parse("1GiB");

    /** A value and its source, e.g. {@code flag --server}, {@code env TICDC_USER}, {@code context prod}. */
    public record Value<T>(String name, T value, String source) {
        public boolean isSet() {
            return value != null;
        }
    }

    /** What the command line gave; null means not given. {@code password} was already read (stdin or argv). */
    public record Flags(String server, String namespace, String context, String ca, String cert, String key,
            boolean insecureSkipTlsVerify, String user, String password, String passwordFlag, Duration timeout,
            Duration connectTimeout, Integer retries, ByteSize maxResponseSize, String proxy) {}

    public final Value<String> context;
    public final Value<String> server;
    public final Value<String> namespace;
    public final Value<String> ca;
    public final Value<String> cert;
    public final Value<String> key;
    public final Value<Boolean> insecureSkipTlsVerify;
    public final Value<String> user;
    public final Value<String> password;
    public final Value<Duration> timeout;
    public final Value<Duration> connectTimeout;
    public final Value<Integer> retries;
    public final Value<ByteSize> maxResponseSize;
    /**
     * ticdcctl's own proxy, a URL or {@code none}; unset leaves the choice, server by server, to the environment's
     * HTTPS_PROXY, HTTP_PROXY and NO_PROXY (client.Proxies).
     */
    public final Value<String> proxy;
    public final Path configFile;
    /** A warning for the user about how the settings are kept, or null. */
    public final String warning;

    private Settings(Flags flags, Map<String, String> env, ConfigFile config, TicdcCredentials credentials) {
        this.configFile = config.path();
        String contextName = first(flags.context(), env(env, "TICDCCTL_CONTEXT"), config.currentContext());
        SelectedContext selected = select(config, contextName, flags.context() != null ? "flag --context"
                : env(env, "TICDCCTL_CONTEXT") != null ? "env TICDCCTL_CONTEXT" : "config " + config.path());
        this.context = new Value<>("context", contextName, contextName == null ? "none" : selected.source);
        ConfigFile.Context c = selected.context;
        String ctx = "context " + contextName;
        String creds = "~/.ticdc/credentials";
        server = pick("server", flags.server(), "flag --server", env(env, "TICDCCTL_SERVER"), "env TICDCCTL_SERVER",
                c.server(), ctx, null, null, DEFAULT_SERVER);
        namespace = pick("namespace", flags.namespace(), "flag --namespace", env(env, "TICDCCTL_NAMESPACE"),
                "env TICDCCTL_NAMESPACE", c.namespace(), ctx, null, null, "default");
        ca = pick("ca", flags.ca(), "flag --ca", env(env, "TICDC_CA_PATH"), "env TICDC_CA_PATH", c.ca(), ctx,
                credentials.caPath(), creds, null);
        cert = pick("cert", flags.cert(), "flag --cert", env(env, "TICDC_CERT_PATH"), "env TICDC_CERT_PATH",
                c.cert(), ctx, credentials.certPath(), creds, null);
        key = pick("key", flags.key(), "flag --key", env(env, "TICDC_KEY_PATH"), "env TICDC_KEY_PATH", c.key(), ctx,
                credentials.keyPath(), creds, null);
        insecureSkipTlsVerify = flags.insecureSkipTlsVerify()
                ? new Value<>("insecure-skip-tls-verify", true, "flag --insecure-skip-tls-verify")
                : Boolean.TRUE.equals(c.insecureSkipTlsVerify())
                        ? new Value<>("insecure-skip-tls-verify", true, ctx)
                        : new Value<>("insecure-skip-tls-verify", false, "default");
        user = pick("user", flags.user(), "flag --user", env(env, "TICDC_USER"), "env TICDC_USER", c.user(), ctx,
                credentials.ticdcUser(), creds, null);
        password = password(flags, env, c, ctx, credentials);
        timeout = duration("timeout", flags.timeout(), "flag --timeout", c.timeout(), ctx, DEFAULT_TIMEOUT);
        connectTimeout = flags.connectTimeout() != null
                ? new Value<>("connect-timeout", flags.connectTimeout(), "flag --connect-timeout")
                : new Value<>("connect-timeout", DEFAULT_CONNECT_TIMEOUT, "default");
        retries = flags.retries() != null ? new Value<>("retries", flags.retries(), "flag --retries")
                : new Value<>("retries", DEFAULT_RETRIES, "default");
        maxResponseSize = maxResponseSize(flags.maxResponseSize(), env(env, "TICDCCTL_MAX_RESPONSE_SIZE"));
        proxy = proxy(pick("proxy", trimmed(flags.proxy()), "flag --proxy", trimmed(env.get("TICDCCTL_PROXY")),
                "env TICDCCTL_PROXY", trimmed(c.proxy()), ctx, null, null, null), env);
        warning = config.exposesPassword() ? "the config file " + config.path() + " holds a password and other users"
                + " can read it; run: chmod 600 " + config.path() : null;
    }

    public static Settings resolve(Flags flags, Map<String, String> env, Path configFile, Path credentialsFile) {
        return new Settings(flags, env, ConfigFile.load(configFile), TicdcCredentials.load(credentialsFile));
    }

    /** Every setting, in the order {@code config view} shows them. */
    public List<Value<?>> all() {
        return List.of(context, server, namespace, ca, cert, key, insecureSkipTlsVerify, user, password, timeout,
                connectTimeout, retries, maxResponseSize, proxy);
    }

    /** True when any TLS file is set: a bare host:port then means https. */
    public boolean usesTls() {
        return ca.isSet() || cert.isSet() || key.isSet();
    }

    private record SelectedContext(ConfigFile.Context context, String source) {}

    private static SelectedContext select(ConfigFile config, String name, String source) {
        if (name == null) {
            return new SelectedContext(ConfigFile.Context.EMPTY, "none");
        }
        ConfigFile.Context context = config.context(name);
        if (context == null) {
            throw new ConfigException("no context '" + name + "' in " + config.path() + " (from " + source
                    + "); see 'ticdcctl config get-contexts'");
        }
        return new SelectedContext(context, source);
    }

    private static Value<String> password(Flags flags, Map<String, String> env, ConfigFile.Context c, String ctx,
            TicdcCredentials credentials) {
        if (flags.password() != null) {
            return new Value<>("password", flags.password(), "flag " + flags.passwordFlag());
        }
        if (env(env, "TICDC_PASSWORD") != null) {
            return new Value<>("password", env(env, "TICDC_PASSWORD"), "env TICDC_PASSWORD");
        }
        if (c.password() != null) {
            return new Value<>("password", c.password(), ctx);
        }
        if (c.passwordEnv() != null) {
            String value = env(env, c.passwordEnv());
            if (value == null) {
                throw new ConfigException(ctx + " takes the password from $" + c.passwordEnv() + ", which is not set");
            }
            return new Value<>("password", value, ctx + " (env " + c.passwordEnv() + ")");
        }
        if (c.passwordFile() != null) {
            return new Value<>("password", readPasswordFile(Path.of(c.passwordFile()), ctx),
                    ctx + " (file " + c.passwordFile() + ")");
        }
        if (credentials.ticdcPassword() != null) {
            return new Value<>("password", credentials.ticdcPassword(), "~/.ticdc/credentials");
        }
        return new Value<>("password", null, "none");
    }

    private static String readPasswordFile(Path file, String ctx) {
        try {
            return Files.readString(file).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new ConfigException(ctx + " takes the password from " + file + ", which cannot be read: "
                    + e.getMessage());
        }
    }

    private static Value<Duration> duration(String name, Duration flag, String flagSource, String fromContext,
            String ctx, Duration fallback) {
        if (flag != null) {
            return new Value<>(name, flag, flagSource);
        }
        if (fromContext != null) {
            try {
                return new Value<>(name, Durations.parse(fromContext), ctx);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ctx + ": invalid " + name + ": " + e.getMessage());
            }
        }
        return new Value<>(name, fallback, "default");
    }

    private static Value<ByteSize> maxResponseSize(ByteSize flag, String fromEnv) {
        Value<ByteSize> size;
        if (flag != null) {
            size = new Value<>("max-response-size", flag, "flag --max-response-size");
        } else if (fromEnv != null) {
            try {
                size = new Value<>("max-response-size", ByteSize.parse(fromEnv), "env TICDCCTL_MAX_RESPONSE_SIZE");
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid TICDCCTL_MAX_RESPONSE_SIZE: " + e.getMessage());
            }
        } else {
            return new Value<>("max-response-size", DEFAULT_MAX_RESPONSE_SIZE, "default");
        }
        if (size.value().bytes() == 0 || size.value().bytes() > LARGEST_MAX_RESPONSE_SIZE.bytes()) {
            String origin = flag != null ? "--max-response-size" : "TICDCCTL_MAX_RESPONSE_SIZE";
            throw new ConfigException(origin + " must be more than 0 and at most " + LARGEST_MAX_RESPONSE_SIZE
                    + ", not " + size.value());
        }
        return size;
    }

    /** An unset proxy with the environment's proxy variables as its source when any is set. */
    private static Value<String> proxy(Value<String> own, Map<String, String> env) {
        boolean fromEnvironment = env.keySet().stream()
                .anyMatch(name -> name.equalsIgnoreCase("HTTPS_PROXY") || name.equalsIgnoreCase("HTTP_PROXY"));
        return own.isSet() || !fromEnvironment ? own
                : new Value<>(own.name(), null, "env HTTPS_PROXY/HTTP_PROXY/NO_PROXY");
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Value<String> pick(String name, String flag, String flagSource, String fromEnv, String envSource,
            String fromContext, String ctx, String fromCredentials, String credentialsSource, String fallback) {
        if (flag != null) {
            return new Value<>(name, flag, flagSource);
        }
        if (fromEnv != null) {
            return new Value<>(name, fromEnv, envSource);
        }
        if (fromContext != null) {
            return new Value<>(name, fromContext, ctx);
        }
        if (fromCredentials != null && !fromCredentials.isEmpty()) {
            return new Value<>(name, fromCredentials, credentialsSource);
        }
        return new Value<>(name, fallback, fallback == null ? "none" : "default");
    }

    private static String env(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
