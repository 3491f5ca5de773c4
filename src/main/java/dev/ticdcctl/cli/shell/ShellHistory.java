package dev.ticdcctl.cli.shell;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.util.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, kept in {@code $XDG_STATE_HOME/ticdcctl/history} (readable by the user alone), leaving out
 * lines that hold a secret. Several shells share the file: each appends its lines as they are entered, and JLine
 * rewrites the file when it grows past its size (jline3 DefaultHistory.trimHistory: read, trim, write a temporary
 * file, rename). A rewrite would drop the lines another shell appended meanwhile, so every save, append or rewrite,
 * holds an exclusive lock on {@code history.lock} beside the file.
 */
final class ShellHistory extends DefaultHistory {
    private LineReader reader;

    /** Where the history is kept. */
    static Path file(Environment environment) {
        return environment.paths().stateDirectory().resolve("history");
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
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public void save() throws IOException {
        Object variable = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
        Path file = variable instanceof Path path ? path : variable == null ? null : Path.of(variable.toString());
        if (file == null) {
            super.save();
            return;
        }
        synchronized (ShellHistory.class) { // a JVM holds one lock per file: shells of one process queue here
            try (FileChannel lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    FileLock held = lock.lock()) {
                super.save();
            }
        }
    }

    @Override
    public void attach(LineReader reader) {
        this.reader = reader;
        super.attach(reader);
    }

    @Override
    public void add(Instant time, String line) {
        if (!holdsSecret(line)) {
            super.add(time, line);
        }
    }
}
