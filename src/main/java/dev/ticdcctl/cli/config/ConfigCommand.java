package dev.ticdcctl.cli.config;

import dev.ticdcctl.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "config",
        description = {"Manage contexts: named connection settings for several clusters, kept in a TOML file"
            + " (--config-file, TICDCCTL_CONFIG, or $XDG_CONFIG_HOME/ticdcctl/config.toml) written with mode 0600."},
        footerHeading = "%nExamples:%n",
        footer = {"  # save a cluster once, then use it everywhere",
            "  ticdcctl config set-context prod --server cdc-0.prod:8300 --ca ca.pem --cert client.pem \\",
            "      --key client-key.pem --user ticdc_admin --password-env PROD_TICDC_PASSWORD --use",
            "  ticdcctl changefeed list",
            "  # one command against another cluster", "  ticdcctl --context staging changefeed list"})
public final class ConfigCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(SetContextCommand.class, UseContextCommand.class, GetContextsCommand.class,
                CurrentContextCommand.class, ViewCommand.class, DeleteContextCommand.class);
    }
}
