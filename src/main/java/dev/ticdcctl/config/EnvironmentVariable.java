package dev.ticdcctl.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An environment variable that ticdcctl or its launcher ({@code bin/ticdcctl}) reads, and what it means. {@link #ALL}
 * is the one list {@code help environment} and the man page's ENVIRONMENT show; a test fails when the code or the
 * launcher reads a variable it does not hold.
 */
public record EnvironmentVariable(String name, String meaning) {
    /** The settings' variables first, in the order of {@link Setting}, then the others. */
    public static final List<EnvironmentVariable> ALL = all();

    private static List<EnvironmentVariable> all() {
        List<EnvironmentVariable> all = new ArrayList<>(Arrays.stream(Setting.values())
                .filter(s -> s.variable() != null)
                .map(s -> new EnvironmentVariable(s.variable(), s.variableMeaning()))
                .toList());
        all.addAll(List.of(
                new EnvironmentVariable("HTTPS_PROXY", "proxy for https servers, as Go programs (cdc cli) read it: the"
                        + " upper-case name wins over https_proxy; never used for localhost and loopback addresses"),
                new EnvironmentVariable("HTTP_PROXY", "proxy for http servers, likewise (http_proxy)"),
                new EnvironmentVariable("NO_PROXY", "servers reached directly (no_proxy): * for all, or a"
                        + " comma-separated list of domains (example.com and its subdomains; .example.com only its"
                        + " subdomains), IPs and CIDR blocks, each with an optional :port"),
                new EnvironmentVariable("TICDCCTL_SANDBOX_DIR", "state directory of --sandbox (default"
                        + " $XDG_STATE_HOME/ticdcctl/sandbox)"),
                new EnvironmentVariable("TICDCCTL_SANDBOX_ARCH", "architecture a new state of --sandbox simulates:"
                        + " classic or new (default: new); an existing state keeps its own"),
                new EnvironmentVariable("TICDCCTL_SANDBOX_KERNEL", "kernel a new state of --sandbox simulates:"
                        + " classic or next-gen, which needs the new architecture (default: classic)"),
                new EnvironmentVariable("TICDCCTL_SANDBOX_AUTH", "USER:PASSWORD the sandbox command requires, as its"
                        + " --auth"),
                new EnvironmentVariable("HOME", "the home directory, ~ in the defaults here (else Java's user.home)"),
                new EnvironmentVariable("XDG_CONFIG_HOME", "base of the default contexts file (default ~/.config)"),
                new EnvironmentVariable("XDG_STATE_HOME", "base of the sandbox state and the shell history (default"
                        + " ~/.local/state)"),
                new EnvironmentVariable("XDG_CACHE_HOME", "where the launcher of an installed copy whose lib/ is not"
                        + " writable keeps its class-data archives (default ~/.cache)"),
                new EnvironmentVariable("NO_COLOR", "when set, no colour even on a terminal (--color always still"
                        + " wins)"),
                new EnvironmentVariable("TERM", "the terminal's type: a dumb one gets no status line and no redrawn"
                        + " watch"),
                new EnvironmentVariable("COLUMNS", "terminal width used to fit tables"),
                new EnvironmentVariable("LINES", "terminal height used by watches"),
                new EnvironmentVariable("TICDCCTL_JAVA", "java executable the bin/ticdcctl launcher runs (else"
                        + " $JAVA_HOME/bin/java, else java on PATH)"),
                new EnvironmentVariable("JAVA_HOME", "Java installation whose bin/java the launcher runs when"
                        + " TICDCCTL_JAVA is unset"),
                new EnvironmentVariable("TICDCCTL_JAVA_OPTS", "extra JVM options for the launcher, split on"
                        + " whitespace"),
                new EnvironmentVariable("TICDCCTL_CDS", "off: the launcher neither uses nor makes a class-data archive"
                        + " (which starts the JVM faster)")));
        return List.copyOf(all);
    }
}
