package dev.ticdcctl.config;

/** A settings file that cannot be read, parsed or written, or a setting that is invalid; the message names it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    /** The file could not be written (a full disk, say): the operation failed, the input was fine. */
    public static final class WriteFailed extends ConfigException {
        public WriteFailed(String message) {
            super(message);
        }
    }
}
