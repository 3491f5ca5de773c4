package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "changefeed", aliases = {"cf", "changefeeds"},
        description = "Create, inspect and control changefeeds.",
        subcommands = {
            ListCommand.class, GetCommand.class, CreateCommand.class, UpdateCommand.class, PauseCommand.class,
            ResumeCommand.class, DeleteCommand.class, StatusCommand.class, SyncedCommand.class
        })
public final class ChangefeedCommand extends GroupCommand {}
