package dev.ticdcctl.config;

/** A settings file that cannot be read, parsed or written, or a setting that is invalid; the message names it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
