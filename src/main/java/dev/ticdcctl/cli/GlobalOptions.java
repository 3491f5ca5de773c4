package dev.ticdcctl.cli;

import dev.ticdcctl.output.ColorMode;
import dev.ticdcctl.output.Format;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command inherits. One instance per invocation, shared through {@link Services}. */
public final class GlobalOptions {
    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT, order = 100,
            description = "TiCDC server: http(s)://host:port or host:port (env TICDCCTL_SERVER; default "
                    + "http://127.0.0.1:8300). Any capture works: non-owners forward to the owner.")
    String server;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT, order = 100,
            description = "Run against an embedded simulated cluster whose state persists in TICDCCTL_SANDBOX_DIR "
                    + "(default $XDG_STATE_HOME/ticdcctl/sandbox) instead of a server.")
    boolean sandbox;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", scope = ScopeType.INHERIT, order = 101,
            description = "Changefeed namespace (env TICDCCTL_NAMESPACE; default: default).")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, order = 102,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table). json and yaml print the "
                    + "server's response as received.")
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
            description = "Give up on a request after DURATION (default 30s) and on a wait for a state change "
                    + "after DURATION (default 60s). Examples: 500ms, 10s, 2m.")
    Duration timeout;

    @Option(names = {"-y", "--yes", "--no-confirm"}, scope = ScopeType.INHERIT, order = 108,
            description = "Answer yes to confirmations (required off a terminal for destructive commands).")
    boolean yes;

    @Option(names = "--debug", scope = ScopeType.INHERIT, order = 109,
            description = "Trace HTTP requests on stderr (Authorization redacted) and show stack traces.")
    boolean debug;
}
