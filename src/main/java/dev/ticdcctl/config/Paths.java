package dev.ticdcctl.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ticdcctl's files are, from the environment's variables alone: an explicit variable first, then the XDG base
 * directory, then the default under the home directory ({@code $HOME}, else the JVM's {@code user.home} given as
 * {@code fallbackHome}). An empty variable counts as unset.
 */
public record Paths(Map<String, String> variables, String fallbackHome) {

    /** The user's home directory: {@code $HOME}, else {@code fallbackHome}. */
    public Path home() {
        String home = get("HOME");
        return Path.of(home != null ? home : fallbackHome);
    }

    /** {@code flag} (--config-file) > {@code TICDCCTL_CONFIG} > {@code $XDG_CONFIG_HOME/ticdcctl/config.toml}. */
    public Path configFile(String flag) {
        if (flag != null) {
            return Path.of(flag);
        }
        String explicit = get(Setting.CONFIG_FILE.variable());
        return explicit != null ? Path.of(explicit)
                : base("XDG_CONFIG_HOME", ".config").resolve("ticdcctl").resolve("config.toml");
    }

    /** TiCDC's own credentials file, read by {@code cdc cli} too: {@code ~/.ticdc/credentials}. */
    public Path ticdcCredentials() {
        return home().resolve(".ticdc").resolve("credentials");
    }

    /**
     * Where ticdcctl keeps its state (the shell's history, the embedded sandbox): {@code $XDG_STATE_HOME/ticdcctl},
     * else {@code ~/.local/state/ticdcctl}.
     */
    public Path stateDirectory() {
        return base("XDG_STATE_HOME", ".local/state").resolve("ticdcctl");
    }

    /** Where ticdcctl keeps what it may lose: {@code $XDG_CACHE_HOME/ticdcctl}, else {@code ~/.cache/ticdcctl}. */
    public Path cacheDirectory() {
        return base("XDG_CACHE_HOME", ".cache").resolve("ticdcctl");
    }

    /** The embedded sandbox's state: {@code TICDCCTL_SANDBOX_DIR}, else {@code sandbox} in the state directory. */
    public Path sandboxDirectory() {
        String explicit = get("TICDCCTL_SANDBOX_DIR");
        return explicit != null ? Path.of(explicit) : stateDirectory().resolve("sandbox");
    }

    /** {@code $variable}, else {@code underHome} in the home directory. */
    private Path base(String variable, String underHome) {
        String value = get(variable);
        return value != null ? Path.of(value) : home().resolve(underHome);
    }

    private String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
