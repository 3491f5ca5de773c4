package dev.ticdcctl.cli.shell;

import dev.ticdcctl.cli.Cli;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The changefeed IDs of the namespace a line names (or the shell's), listed by running {@code changefeed list}
 * with the shell's options, so that the server, context, TLS and credentials are those every command uses. Kept
 * for a few seconds, as Tab is pressed in bursts; a server that does not answer quickly completes nothing.
 */
final class ChangefeedIds implements Function<List<String>, List<String>> {
    private static final long KEEP_NANOS = 5_000_000_000L;

    private final Environment environment;
    private final StartOptions startOptions;
    private final Map<String, Listed> byNamespace = new HashMap<>();

    private record Listed(List<String> ids, long atNanos) {}

    ChangefeedIds(Environment environment, StartOptions startOptions) {
        this.environment = environment;
        this.startOptions = startOptions;
    }

    @Override
    public List<String> apply(List<String> words) {
        String namespace = namespace(words);
        Listed listed = byNamespace.get(namespace);
        if (listed == null || System.nanoTime() - listed.atNanos() > KEEP_NANOS) {
            listed = new Listed(list(namespace), System.nanoTime());
            byNamespace.put(namespace, listed);
        }
        return listed.ids();
    }

    private List<String> list(String namespace) {
        List<String> typed = new ArrayList<>(List.of("--timeout", "2s", "--connect-timeout", "1s", "--retries", "0"));
        if (!namespace.isEmpty()) {
            typed.addAll(List.of("--namespace", namespace));
        }
        typed.addAll(List.of("changefeed", "list", "--jq", ".items[]?.id"));
        List<String> args = startOptions.before(typed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream discarded = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        // Off a terminal and without stdin: completing must never stop to ask for a password.
        Environment quiet = new Environment(environment.variables(), InputStream.nullInputStream(), Terminal.NONE,
                environment.clock(), environment.sleeper(), prompt -> new char[0]);
        int code = Cli.run(quiet, new PrintStream(out, true, StandardCharsets.UTF_8), discarded,
                args.toArray(String[]::new));
        return code != 0 ? List.of() : out.toString(StandardCharsets.UTF_8).lines().filter(s -> !s.isEmpty()).toList();
    }

    /** The value of the last {@code -n}/{@code --namespace} typed, or "" for the shell's own. */
    private static String namespace(List<String> words) {
        String namespace = "";
        for (int i = 0; i < words.size() - 1; i++) {
            String word = words.get(i);
            if ((word.equals("-n") || word.equals("--namespace")) && i + 1 < words.size() - 1) {
                namespace = words.get(i + 1);
            } else if (word.startsWith("--namespace=")) {
                namespace = word.substring("--namespace=".length());
            }
        }
        return namespace;
    }
}
