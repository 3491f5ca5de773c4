package dev.ticdcctl.pem;

import java.nio.file.Path;

/**
 * A PEM file that cannot be used, in one line starting with the file: {@code /x/client.key: not a PEM private key
 * (found "CERTIFICATE")}. Callers that know which option named the file prefix it ({@code --key }); {@link #role()}
 * tells which one, even when a single file was given for several.
 */
public final class PemException extends RuntimeException {
    /** What the file was given as. */
    public enum Role { CA, CERTIFICATE, PRIVATE_KEY }

    private final transient Path file;
    private final Role role;

    PemException(Path file, Role role, String problem) {
        this(file, role, problem, null);
    }

    PemException(Path file, Role role, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.role = role;
    }

    /** The file the message starts with. */
    public Path file() {
        return file;
    }

    /** What that file was given as: the trusted CA, the certificate (chain), or its private key. */
    public Role role() {
        return role;
    }
}
