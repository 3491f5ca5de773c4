package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.util.AtomicFiles;
import dev.ticdcctl.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory of exported specs, one {@code <id>.<extension>} per changefeed. A file whose content is already the
 * spec is left untouched; one that differs is replaced only when forced, and otherwise nothing is written at all.
 * Files are replaced whole (temporary file and rename); those holding secrets in clear are readable by their owner
 * only.
 */
final class SpecDirectory {
    /** What became of one file. */
    enum Outcome { created, updated, unchanged }

    /** One file to write, and what writing it does. */
    record Planned(Path file, SpecExport.Spec spec, Outcome outcome) {}

    private final Path dir;

    SpecDirectory(Path dir) {
        this.dir = dir;
    }

    /** What writing the specs would do, each file compared with what is there. */
    List<Planned> plan(List<SpecExport.Spec> specs, String extension) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliException.InvalidInput(dir + " is not a directory", "give --dir a directory, or a path"
                    + " where one may be created");
        }
        List<Planned> planned = new ArrayList<>();
        for (SpecExport.Spec spec : specs) {
            Path file = dir.resolve(spec.id() + "." + extension);
            Outcome outcome = !Files.exists(file) ? Outcome.created
                    : spec.text().equals(read(file)) ? Outcome.unchanged : Outcome.updated;
            planned.add(new Planned(file, spec, outcome));
        }
        return planned;
    }

    /** Writes the planned files; refuses, writing none, when one differs and {@code force} was not given. */
    void write(List<Planned> planned, boolean force) {
        List<String> differing = planned.stream().filter(p -> p.outcome() == Outcome.updated)
                .map(p -> p.file().toString()).toList();
        if (!differing.isEmpty() && !force) {
            throw new CliException.InvalidInput((differing.size() == 1 ? differing.get(0) + " differs"
                    : String.join(", ", differing) + " differ") + " from the exported changefeed; nothing was written",
                    "--force overwrites what differs");
        }
        try {
            Files.createDirectories(dir);
            for (Planned p : planned) {
                if (p.outcome() != Outcome.unchanged) {
                    AtomicFiles.write(p.file(), p.spec().text(), p.spec().holdsSecrets() ? "rw-------" : "rw-r--r--");
                }
            }
        } catch (IOException e) {
            throw new ConfigException.WriteFailed("cannot write the specs in " + dir + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // unreadable or not text: it differs, and only --force replaces it
        }
    }
}
