package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "changefeed", aliases = {"cf", "changefeeds"},
        description = "Create, inspect and control changefeeds.",
        footerHeading = "%nExamples:%n",
        footer = {"  # what is replicating, and how far behind",
            "  ticdcctl changefeed list",
            "  # stop one for maintenance, then start it again",
            "  ticdcctl changefeed pause orders && ticdcctl changefeed resume orders"})
public final class ChangefeedCommand extends GroupCommand {
    /** The verbs, added by the command line builder so that it can build only the one that runs. */
    public static final java.util.List<Class<?>> VERBS = java.util.List.of(
            ListCommand.class, GetCommand.class, CreateCommand.class, UpdateCommand.class, PauseCommand.class,
            ResumeCommand.class, DeleteCommand.class, StatusCommand.class, SyncedCommand.class, ApplyCommand.class,
            ExportCommand.class);
}
