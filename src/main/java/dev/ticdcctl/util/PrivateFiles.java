package dev.ticdcctl.util;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Files (0600) and directories (0700) for the user alone, for what holds secrets; plain ones without POSIX modes. */
public final class PrivateFiles {
    private static final FileAttribute<?> DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFiles() {}

    /** Creates the directory and its missing parents 0700; an existing one is left as it is. */
    public static void createDirectories(Path directory) throws IOException {
        try {
            Files.createDirectories(directory, DIRECTORY);
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        }
    }

    /** Creates the file 0600 unless it exists (then it is left as it is). */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, FILE);
        } catch (FileAlreadyExistsException e) {
            // kept as it is
        } catch (UnsupportedOperationException e) {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
    }

    /** Writes a new file 0600, replacing any file of that name (as a temporary file before a rename). */
    public static void write(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        createFile(file);
        Files.write(file, bytes);
    }
}
