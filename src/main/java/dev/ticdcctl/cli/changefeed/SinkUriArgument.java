package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.output.Secrets;

/** {@code --sink-uri URI}, or {@code --sink-uri -} to read it from stdin and keep its password out of argv. */
final class SinkUriArgument {
    static final String DESCRIPTION = "Sink URI, e.g. 'kafka://host:9092/topic?protocol=canal-json'. Use '-' to read"
            + " it from stdin (on a terminal: typed without echo), which keeps a password out of the process list.";

    private SinkUriArgument() {}

    static String resolve(String argument, ChangefeedInput.Sources sources) {
        if (argument == null) {
            return null;
        }
        String uri = argument.equals("-") ? readStdin(sources) : argument.trim();
        if (uri.isEmpty()) {
            throw new CliException.InvalidInput("the sink URI is empty", null);
        }
        if (!argument.equals("-") && Secrets.hasSecret(uri)) {
            sources.input().warnVisibleInProcessList("the sink URI's secret",
                    "pass the URI on stdin with --sink-uri -");
        }
        return uri;
    }

    /** Typed at the terminal without echo, as a password is: it holds one, or '-' would not be needed. */
    private static String readStdin(ChangefeedInput.Sources sources) {
        Environment environment = sources.environment();
        if (environment.terminal().stdin()) {
            try {
                return new String(environment.passwords().read("Sink URI (not echoed): ")).trim();
            } catch (CliException.Declined e) {
                throw new CliException.Declined("no sink URI given");
            }
        }
        String line = sources.input().readStdinLine();
        return line == null ? "" : line.trim();
    }
}
