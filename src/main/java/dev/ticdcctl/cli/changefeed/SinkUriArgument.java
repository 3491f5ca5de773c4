package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.output.Secrets;

/** {@code --sink-uri URI}, or {@code --sink-uri -} to read it from stdin and keep its password out of argv. */
final class SinkUriArgument {
    static final String DESCRIPTION = "Sink URI, e.g. 'kafka://host:9092/topic?protocol=canal-json'. Use '-' to read"
            + " it from stdin, which keeps a password out of the process list.";

    private SinkUriArgument() {}

    static String resolve(String argument, Services services) {
        if (argument == null) {
            return null;
        }
        String uri = argument.equals("-") ? readStdin(services) : argument.trim();
        if (uri.isEmpty()) {
            throw new CliException.InvalidInput("the sink URI is empty", null);
        }
        if (!argument.equals("-") && Secrets.hasSecret(uri)) {
            services.warnVisibleInProcessList("the sink URI's secret", "pass the URI on stdin with --sink-uri -");
        }
        return uri;
    }

    private static String readStdin(Services services) {
        String line = services.readStdinLine();
        return line == null ? "" : line.trim();
    }
}
