package dev.ticdcctl.config;

import dev.ticdcctl.util.ByteSize;
import dev.ticdcctl.util.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The effective connection settings of one invocation, each with where it came from. Precedence, per setting:
 * flag > environment > the selected context > {@code ~/.ticdc/credentials} > default.
 */
public final class Settings {
    public static final String DEFAULT_SERVER = Setting.SERVER.defaultValue();
    public static final Duration DEFAULT_TIMEOUT = Durations.parse(Setting.TIMEOUT.defaultValue());
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Durations.parse(Setting.CONNECT_TIMEOUT.defaultValue());
    public static final int DEFAULT_RETRIES = Integer.parseInt(Setting.RETRIES.defaultValue());
    /** Far above the largest real answer: a list of 10,000 changefeeds is about 3 MB. */
    public static final ByteSize DEFAULT_MAX_RESPONSE_SIZE = ByteSize.parse(Setting.MAX_RESPONSE_SIZE.defaultValue());
    /** An answer is held in memory whole, so the cap stays well inside what a Java array can hold. */
    static final ByteSize LARGEST_MAX_RESPONSE_SIZE = ByteSize.parse("1GiB");
    private static final String CREDENTIALS = "~/.ticdc/credentials";

    /** A value and its source, e.g. {@code flag --server}, {@code env TICDC_USER}, {@code context prod}. */
    public record Value<T>(String name, T value, String source) {
        public boolean isSet() {
            return value != null;
        }
    }

    /** What the command line gave; null means not given. {@code password} was already read (stdin or argv). */
    public record Flags(String server, String namespace, String context, String ca, String cert, String key,
            boolean insecureSkipTlsVerify, String user, String password, String passwordFlag, Duration timeout,
            Duration connectTimeout, Integer retries, ByteSize maxResponseSize, String proxy, String keyspace,
            String arch, String kernel) {}

    public final Value<String> context;
    public final Value<String> server;
    public final Value<String> namespace;
    /** The new architecture's keyspace; unset, a classic kernel uses {@code default} and a next-gen one refuses. */
    public final Value<String> keyspace;
    /** {@code classic} or {@code new} when pinned, else unset: the server is asked when it matters. */
    public final Value<String> arch;
    /** {@code classic} or {@code next-gen} when pinned, else unset. */
    public final Value<String> kernel;
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
    /** Whether {@code top} refuses actions: the context's {@code read-only}, which top's own flag overrides. */
    public final Value<Boolean> readOnly;
    public final Path configFile;
    /** A warning for the user about how the settings are kept, or null. */
    public final String warning;

    private Settings(Flags flags, Map<String, String> env, ConfigFile config, TicdcCredentials credentials) {
        this.configFile = config.path();
        String contextName = first(flags.context(), variable(env, Setting.CONTEXT), config.currentContext());
        SelectedContext selected = select(config, contextName, flags.context() != null ? flagSource(Setting.CONTEXT)
                : variable(env, Setting.CONTEXT) != null ? envSource(Setting.CONTEXT) : "config " + config.path());
        this.context = new Value<>(Setting.CONTEXT.key(), contextName, contextName == null ? "none" : selected.source);
        ConfigFile.Context c = selected.context;
        String ctx = "context " + contextName;
        server = pick(Setting.SERVER, flags.server(), variable(env, Setting.SERVER), c.server(), ctx, null);
        namespace = pick(Setting.NAMESPACE, flags.namespace(), variable(env, Setting.NAMESPACE), c.namespace(), ctx,
                null);
        keyspace = pick(Setting.KEYSPACE, trimmed(flags.keyspace()), variable(env, Setting.KEYSPACE), c.keyspace(),
                ctx, null);
        arch = oneOf(pick(Setting.ARCH, flags.arch(), variable(env, Setting.ARCH), c.arch(), ctx, null),
                "classic", "new");
        kernel = oneOf(pick(Setting.KERNEL, flags.kernel(), variable(env, Setting.KERNEL), c.kernel(), ctx, null),
                "classic", "next-gen");
        ca = pick(Setting.CA, flags.ca(), variable(env, Setting.CA), c.ca(), ctx, credentials.caPath());
        cert = pick(Setting.CERT, flags.cert(), variable(env, Setting.CERT), c.cert(), ctx, credentials.certPath());
        key = pick(Setting.KEY, flags.key(), variable(env, Setting.KEY), c.key(), ctx, credentials.keyPath());
        String insecure = Setting.INSECURE_SKIP_TLS_VERIFY.key();
        insecureSkipTlsVerify = flags.insecureSkipTlsVerify()
                ? new Value<>(insecure, true, flagSource(Setting.INSECURE_SKIP_TLS_VERIFY))
                : Boolean.TRUE.equals(c.insecureSkipTlsVerify())
                        ? new Value<>(insecure, true, ctx)
                        : new Value<>(insecure, false, "default");
        user = pick(Setting.USER, flags.user(), variable(env, Setting.USER), c.user(), ctx, credentials.ticdcUser());
        password = password(flags, env, c, ctx, credentials);
        timeout = duration(Setting.TIMEOUT, flags.timeout(), c.timeout(), ctx, DEFAULT_TIMEOUT);
        connectTimeout = flags.connectTimeout() != null
                ? new Value<>(Setting.CONNECT_TIMEOUT.key(), flags.connectTimeout(),
                        flagSource(Setting.CONNECT_TIMEOUT))
                : new Value<>(Setting.CONNECT_TIMEOUT.key(), DEFAULT_CONNECT_TIMEOUT, "default");
        retries = flags.retries() != null
                ? new Value<>(Setting.RETRIES.key(), flags.retries(), flagSource(Setting.RETRIES))
                : new Value<>(Setting.RETRIES.key(), DEFAULT_RETRIES, "default");
        maxResponseSize = maxResponseSize(flags.maxResponseSize(), variable(env, Setting.MAX_RESPONSE_SIZE));
        proxy = proxy(pick(Setting.PROXY, trimmed(flags.proxy()), trimmed(variable(env, Setting.PROXY)),
                trimmed(c.proxy()), ctx, null), env);
        readOnly = c.readOnly() != null ? new Value<>(Setting.READ_ONLY.key(), c.readOnly(), ctx)
                : new Value<>(Setting.READ_ONLY.key(), Boolean.parseBoolean(Setting.READ_ONLY.defaultValue()),
                        "default");
        warning = config.exposesPassword() ? "the config file " + config.path() + " holds a password and other users"
                + " can read it; run: chmod 600 " + config.path() : null;
    }

    public static Settings resolve(Flags flags, Map<String, String> env, Path configFile, Path credentialsFile) {
        return new Settings(flags, env, ConfigFile.load(configFile), TicdcCredentials.load(credentialsFile));
    }

    /** Every setting but the contexts file, in the order of {@link Setting}, which {@code config view} shows. */
    public List<Value<?>> all() {
        return Arrays.stream(Setting.values()).filter(s -> s != Setting.CONFIG_FILE).<Value<?>>map(this::value)
                .toList();
    }

    /** The value of {@code setting}; the contexts file is {@link #configFile}, resolved before the others. */
    public Value<?> value(Setting setting) {
        return switch (setting) {
            case CONTEXT -> context;
            case SERVER -> server;
            case NAMESPACE -> namespace;
            case KEYSPACE -> keyspace;
            case ARCH -> arch;
            case KERNEL -> kernel;
            case CA -> ca;
            case CERT -> cert;
            case KEY -> key;
            case INSECURE_SKIP_TLS_VERIFY -> insecureSkipTlsVerify;
            case USER -> user;
            case PASSWORD -> password;
            case TIMEOUT -> timeout;
            case CONNECT_TIMEOUT -> connectTimeout;
            case RETRIES -> retries;
            case MAX_RESPONSE_SIZE -> maxResponseSize;
            case PROXY -> proxy;
            case READ_ONLY -> readOnly;
            case CONFIG_FILE -> new Value<>(setting.key(), configFile.toString(), "");
        };
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
            return new Value<>(Setting.PASSWORD.key(), flags.password(), "flag " + flags.passwordFlag());
        }
        if (variable(env, Setting.PASSWORD) != null) {
            return new Value<>(Setting.PASSWORD.key(), variable(env, Setting.PASSWORD), envSource(Setting.PASSWORD));
        }
        if (c.password() != null) {
            return new Value<>(Setting.PASSWORD.key(), c.password(), ctx);
        }
        if (c.passwordEnv() != null) {
            String value = env(env, c.passwordEnv());
            if (value == null) {
                throw new ConfigException(ctx + " takes the password from $" + c.passwordEnv() + ", which is not set");
            }
            return new Value<>(Setting.PASSWORD.key(), value, ctx + " (env " + c.passwordEnv() + ")");
        }
        if (c.passwordFile() != null) {
            return new Value<>(Setting.PASSWORD.key(), readPasswordFile(Path.of(c.passwordFile()), ctx),
                    ctx + " (file " + c.passwordFile() + ")");
        }
        if (credentials.ticdcPassword() != null) {
            return new Value<>(Setting.PASSWORD.key(), credentials.ticdcPassword(), CREDENTIALS);
        }
        return new Value<>(Setting.PASSWORD.key(), null, "none");
    }

    private static String readPasswordFile(Path file, String ctx) {
        try {
            return Files.readString(file).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new ConfigException(ctx + " takes the password from " + file + ", which cannot be read: "
                    + e.getMessage());
        }
    }

    private static Value<Duration> duration(Setting setting, Duration flag, String fromContext, String ctx,
            Duration fallback) {
        if (flag != null) {
            return new Value<>(setting.key(), flag, flagSource(setting));
        }
        if (fromContext != null) {
            try {
                return new Value<>(setting.key(), Durations.parse(fromContext), ctx);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ctx + ": invalid " + setting.key() + ": " + e.getMessage());
            }
        }
        return new Value<>(setting.key(), fallback, "default");
    }

    private static Value<ByteSize> maxResponseSize(ByteSize flag, String fromEnv) {
        Setting setting = Setting.MAX_RESPONSE_SIZE;
        Value<ByteSize> size;
        if (flag != null) {
            size = new Value<>(setting.key(), flag, flagSource(setting));
        } else if (fromEnv != null) {
            try {
                size = new Value<>(setting.key(), ByteSize.parse(fromEnv), envSource(setting));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid " + setting.variable() + ": " + e.getMessage());
            }
        } else {
            return new Value<>(setting.key(), DEFAULT_MAX_RESPONSE_SIZE, "default");
        }
        if (size.value().bytes() == 0 || size.value().bytes() > LARGEST_MAX_RESPONSE_SIZE.bytes()) {
            String origin = flag != null ? setting.flag() : setting.variable();
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

    /** {@code value} when unset or one of {@code allowed}; anything else names its source. */
    private static Value<String> oneOf(Value<String> value, String... allowed) {
        if (!value.isSet() || Arrays.asList(allowed).contains(value.value())) {
            return value;
        }
        throw new ConfigException("invalid " + value.name() + " '" + value.value() + "' (from " + value.source()
                + "): use " + String.join(" or ", allowed));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first of flag, environment, context and {@code ~/.ticdc/credentials} that is set, else the default. */
    private static Value<String> pick(Setting setting, String flag, String fromEnv, String fromContext, String ctx,
            String fromCredentials) {
        if (flag != null) {
            return new Value<>(setting.key(), flag, flagSource(setting));
        }
        if (fromEnv != null) {
            return new Value<>(setting.key(), fromEnv, envSource(setting));
        }
        if (fromContext != null) {
            return new Value<>(setting.key(), fromContext, ctx);
        }
        if (fromCredentials != null && !fromCredentials.isEmpty()) {
            return new Value<>(setting.key(), fromCredentials, CREDENTIALS);
        }
        String fallback = setting.defaultValue();
        return new Value<>(setting.key(), fallback, fallback == null ? "none" : "default");
    }

    private static String flagSource(Setting setting) {
        return "flag " + setting.flag();
    }

    private static String envSource(Setting setting) {
        return "env " + setting.variable();
    }

    /** The setting's variable; an empty one counts as unset. */
    private static String variable(Map<String, String> env, Setting setting) {
        return env(env, setting.variable());
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
