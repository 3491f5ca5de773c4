package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.config.ConfigFile;

/** What the config commands share. */
final class ConfigCommands {
    private ConfigCommands() {}

    /** Checks that the config file holds the context {@code name}. */
    static void requireContext(ConfigFile file, String name) {
        if (file.context(name) == null) {
            throw new CliException.NotFound("no context \"" + name + "\" in " + file.path(),
                    "see the contexts with 'ticdcctl config get-contexts'");
        }
    }

    /** Where a context gets its password, for listings: never the password itself. */
    static String passwordSource(ConfigFile.Context c) {
        return c.password() != null ? "stored" : c.passwordEnv() != null ? "env " + c.passwordEnv()
                : c.passwordFile() != null ? "file " + c.passwordFile() : "";
    }
}
