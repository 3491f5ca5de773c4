package dev.ticdcctl.config;

import java.util.List;

/**
 * The settings of one invocation, each described once: its name (in {@code config view} and in sources such as
 * {@code flag --server}), its flags, its environment variable, its key in a context of the contexts file and in
 * {@code ~/.ticdc/credentials}, its default and what it is. {@link Settings} resolves them, and {@code config view}
 * shows them, in this order (the contexts file last there, as it is found before the others are resolved);
 * {@link EnvironmentVariable#ALL} lists their variables for {@code help environment} and the man page. The global
 * options' @Option annotations must be compile-time constants, so they repeat names, variables and defaults; a test
 * holds them to this list.
 */
public enum Setting {
    /** Where the contexts are: not one of {@link Settings#all()}, as it is read before them. */
    CONFIG_FILE("config-file", List.of("--config-file"), "TICDCCTL_CONFIG", null, null,
            "$XDG_CONFIG_HOME/ticdcctl/config.toml", "the contexts file", null),
    CONTEXT("context", List.of("--context"), "TICDCCTL_CONTEXT", null, null, null,
            "context of the contexts file to use", null),
    SERVER("server", List.of("--server"), "TICDCCTL_SERVER", "server", null, "http://127.0.0.1:8300",
            "TiCDC server address", null),
    NAMESPACE("namespace", List.of("-n", "--namespace"), "TICDCCTL_NAMESPACE", "namespace", null, "default",
            "changefeed namespace", null),
    KEYSPACE("keyspace", List.of("-k", "--keyspace"), "TICDCCTL_KEYSPACE", "keyspace", null, null,
            "keyspace of the new architecture", "a next-gen kernel requires it"),
    /** Pins what {@code client.ServerDialect} would otherwise find out from the server. */
    ARCH("arch", List.of("--server-arch"), "TICDCCTL_ARCH", "arch", null, null,
            "server architecture: classic or new (unset: found out when it matters)", null),
    KERNEL("kernel", List.of("--server-kernel"), "TICDCCTL_KERNEL", "kernel", null, null,
            "server kernel: classic or next-gen (unset: found out when it matters)", null),
    CA("ca", List.of("--ca"), "TICDC_CA_PATH", "ca", "ca_path", null, "PEM CA certificate(s)", null),
    CERT("cert", List.of("--cert"), "TICDC_CERT_PATH", "cert", "cert_path", null, "PEM client certificate", null),
    KEY("key", List.of("--key"), "TICDC_KEY_PATH", "key", "key_path", null, "PEM private key", null),
    INSECURE_SKIP_TLS_VERIFY("insecure-skip-tls-verify", List.of("--insecure-skip-tls-verify"), null,
            "insecure-skip-tls-verify", null, null, "do not verify the server's certificate", null),
    USER("user", List.of("--user"), "TICDC_USER", "user", "ticdc_user", null, "TiDB user",
            "cdc cli reads it too"),
    /** Also {@code password-env} and {@code password-file} in a context. */
    PASSWORD("password", List.of("--password-stdin", "--password"), "TICDC_PASSWORD", "password", "ticdc_password",
            null, "password of that user", "never shown, not even by --debug"),
    TIMEOUT("timeout", List.of("--timeout"), null, "timeout", null, "30s", "time a request may take", null),
    CONNECT_TIMEOUT("connect-timeout", List.of("--connect-timeout"), null, null, null, "10s",
            "time connecting may take", null),
    RETRIES("retries", List.of("--retries"), null, null, null, "3", "retries of a failed connection", null),
    MAX_RESPONSE_SIZE("max-response-size", List.of("--max-response-size"), "TICDCCTL_MAX_RESPONSE_SIZE", null, null,
            "64MiB", "largest answer read from the server", null),
    PROXY("proxy", List.of("--proxy"), "TICDCCTL_PROXY", "proxy", null, null,
            "HTTP proxy to the server (http://[user:pass@]host:port) or none",
            "wins over HTTPS_PROXY, HTTP_PROXY and NO_PROXY"),
    /** The one setting of a command rather than of the connection: {@code top}'s, so not a global option. */
    READ_ONLY("read-only", List.of("--read-only"), null, "read-only", null, "false",
            "whether top refuses pause, resume and delete", "top's own flag wins over the context");

    private final String key;
    private final List<String> flags;
    private final String variable;
    private final String contextKey;
    private final String credentialsKey;
    private final String defaultValue;
    private final String meaning;
    private final String note;

    Setting(String key, List<String> flags, String variable, String contextKey, String credentialsKey,
            String defaultValue, String meaning, String note) {
        this.key = key;
        this.flags = flags;
        this.variable = variable;
        this.contextKey = contextKey;
        this.credentialsKey = credentialsKey;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.note = note;
    }

    /** Whether its flags are global options, given to any command; {@link #READ_ONLY}'s belongs to {@code top}. */
    public boolean global() {
        return this != READ_ONLY;
    }

    /** Its name in {@code config view}, e.g. {@code max-response-size}. */
    public String key() {
        return key;
    }

    /** Its flags, short names first; the last is the long one that sources name. */
    public List<String> flags() {
        return flags;
    }

    public String flag() {
        return flags.get(flags.size() - 1);
    }

    /** Its environment variable, or null when only a flag or a context sets it. */
    public String variable() {
        return variable;
    }

    /** Its key in a context of the contexts file, or null. */
    public String contextKey() {
        return contextKey;
    }

    /** Its key in {@code ~/.ticdc/credentials}, or null. */
    public String credentialsKey() {
        return credentialsKey;
    }

    /** Its default as the user writes it, or null when unset by default. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What its variable means, as {@code help environment} shows it. */
    public String variableMeaning() {
        return meaning + ", as " + String.join("/", flags) + (defaultValue == null ? "" : " (default: " + defaultValue
                + ")") + (note == null ? "" : "; " + note);
    }
}
