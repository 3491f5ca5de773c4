package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Configuration;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.DurationConverter;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.Waiting;
import dev.ticdcctl.cli.WatchOptions;
import dev.ticdcctl.cli.shell.TerminalConsole;
import dev.ticdcctl.cli.top.Top;
import dev.ticdcctl.config.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code top} and {@code changefeed top}: one command in two places of the tree. */
@Command(name = "top",
        description = {"A live dashboard of the cluster on the whole terminal, refreshed every --interval: the server"
            + " (version, architecture, kernel, owner, health), the changefeeds worst first (state, lag and its trend"
            + " over the last 5 minutes, error) and the captures. A refresh that fails leaves the last one on screen,"
            + " marked stale, with the error.",
            "Keys: Up/Down, PgUp/PgDn, Home/End select; Enter opens the changefeed's page (as 'changefeed get' shows it,"
                + " with its lag trend); / filters by ID (a regex, as --match); s sorts (worst first, lag, state,"
                + " ID); p pauses, r resumes (after a y), d deletes (after its ID is typed), as the commands of those"
                + " names do; ? help; q or Ctrl-C quits and restores the terminal.",
            "--read-only, or read-only = true in the context, refuses every action. Needs a terminal: a script reads"
                + " 'changefeed list --watch' instead."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl top", "  # the same, where the changefeed commands are", "  ticdcctl changefeed top",
            "  # the production cluster, looking only", "  ticdcctl --context prod top --read-only",
            "  # every 10s, against the simulated cluster", "  ticdcctl --sandbox top --interval 10s",
            "  # a context that never acts from top", "  ticdcctl config set-context prod --read-only"})
public final class TopCommand implements Callable<Integer> {
    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between refreshes (default 2s, at least 500ms).")
    Duration interval;

    @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Refuse pause, resume and delete; wins over the context's read-only setting.")
    Boolean readOnly;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;
    private final Waiting waiting;
    private final Environment environment;
    private final Configuration configuration;
    private final GlobalOptions options;

    TopCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations, Waiting waiting,
            Environment environment, Configuration configuration, GlobalOptions options) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
        this.waiting = waiting;
        this.environment = environment;
        this.configuration = configuration;
        this.options = options;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration every = WatchOptions.interval(interval);
        if (!environment.terminal().stdin() || !environment.terminal().stdout()) {
            throw new CliException.InvalidInput("top needs a terminal",
                    "for a table refreshed in place that a pipe can read, run 'ticdcctl changefeed list --watch'");
        }
        if (options.debug()) {
            throw new CliException.InvalidInput("--debug does not apply to top: its traces would run over the screen",
                    "trace the requests of one refresh with 'ticdcctl --debug changefeed list'");
        }
        printing.output().withoutStatusLine(); // the screen is top's: waits must not draw on it
        Top top = new Top(cluster, new ChangefeedTopActions(cluster, printing, confirmations, waiting),
                environment.clock(), environment.sleeper(), printing.output().times(),
                new Top.Options(every, readOnlyReason(), printing.output().color()));
        if (environment.console() instanceof TerminalConsole console) {
            return top.run(console.terminal());
        }
        try (Terminal terminal = TerminalConsole.systemScreen()) {
            return top.run(terminal);
        } catch (IOException e) {
            throw new CliException.Failed("cannot open the terminal: " + e.getMessage(), null);
        }
    }

    /** Why actions are refused: the flag, else the context's setting; null when they are allowed. */
    private String readOnlyReason() {
        if (readOnly != null) {
            return readOnly ? "--read-only" : null;
        }
        Settings.Value<Boolean> setting = configuration.settings().readOnly;
        return Boolean.TRUE.equals(setting.value()) ? setting.source() : null;
    }
}
