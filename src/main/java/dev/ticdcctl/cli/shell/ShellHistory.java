package dev.ticdcctl.cli.shell;

import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.util.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, kept in {@code $XDG_STATE_HOME/ticdcctl/history} (readable by the user alone), leaving out
 * lines that hold a secret.
 */
final class ShellHistory extends DefaultHistory {
    /** Where the history is kept, from the environment's variables. */
    static Path file(Map<String, String> variables) {
        String state = variables.get("XDG_STATE_HOME");
        Path base = state != null && !state.isEmpty() ? Path.of(state)
                : Path.of(variables.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return base.resolve("ticdcctl").resolve("history");
    }

    /** Creates the file, readable and writable by the user alone, before JLine appends to it. */
    static void create(Path file) throws IOException {
        PrivateFiles.createDirectories(file.getParent());
        PrivateFiles.createFile(file);
    }

    /**
     * Whether a line holds a password or credentials, which must not be written to disk: a URI with a password or
     * a secret query parameter, {@code NAME=value} of a secret name, {@code --password}, {@code --auth USER:PASS},
     * or a credential header ({@code -H 'Authorization: ...'}).
     */
    static boolean holdsSecret(String line) {
        if (Secrets.hasSecret(line)) {
            return true;
        }
        for (String word : line.split("[\\s'\"]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            int colon = w.indexOf(':');
            if (w.equals("--password") || w.startsWith("--password=") || w.equals("--auth") || w.startsWith("--auth=")
                    || (colon > 0 && Secrets.isCredentialHeader(w.substring(0, colon)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void add(Instant time, String line) {
        if (!holdsSecret(line)) {
            super.add(time, line);
        }
    }
}
