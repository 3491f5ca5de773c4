package dev.ticdcctl.cli;

import dev.ticdcctl.util.Durations;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code -w/--watch} and {@code --interval}, for commands that can show a resource again and again. */
public final class WatchOptions {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /** Each refresh is a request to the owner; polling faster loads it without showing anything sooner. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(500);

    @Option(names = {"-w", "--watch"},
            description = "Show it again every --interval until Ctrl-C: redrawn in place on a terminal (state "
                    + "changes highlighted), appended when piped (-o json: one document per line).")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between refreshes with --watch (default 2s, at least 500ms).")
    Duration interval;

    /** Whether {@code --watch} was given; a usage error for {@code --interval} without it or below the minimum. */
    public boolean enabled() {
        if (interval != null && !watch) {
            throw new CliException.InvalidInput("--interval applies only with --watch", null);
        }
        interval(interval);
        return watch;
    }

    /** The interval {@code --interval} gave, else the default; a usage error below the minimum. */
    public static Duration interval(Duration given) {
        if (given != null && given.compareTo(MIN_INTERVAL) < 0) {
            throw new CliException.InvalidInput("--interval must be at least 500ms, not " + Durations.format(given),
                    null);
        }
        return given != null ? given : DEFAULT_INTERVAL;
    }

    /** The watch these options ask for, with the invocation's output, clock and sleeper. */
    public Watch watch(Printing printing, Environment environment, ClusterAccess cluster) {
        return new Watch(printing.output(), environment.clock(), environment.sleeper(),
                interval(interval), cluster.server().toString());
    }
}
