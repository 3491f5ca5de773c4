package dev.ticdcctl.cli;

import dev.ticdcctl.config.Settings;
import java.nio.file.Path;

/** The contexts file and the effective connection settings, for the commands that show or change them. */
public interface Configuration {
    /** The contexts file: see {@link dev.ticdcctl.config.Paths#configFile}. */
    Path configFile();

    /** The effective connection settings and their sources, resolved on first use. */
    Settings settings();

    /** The password given by {@code --password-stdin} (read once) or {@code --password} (with a warning), or null. */
    String passwordFromFlags();

    /** Where the password sent came from, for messages: "from env TICDC_PASSWORD", "typed at the prompt", or null. */
    String passwordOrigin();

    /** The context the server address came from, or null when a flag or the environment gave it, or none did. */
    String serverContext();
}
