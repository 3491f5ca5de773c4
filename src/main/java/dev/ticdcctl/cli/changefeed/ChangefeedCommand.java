package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "changefeed", aliases = {"cf", "changefeeds"},
        description = "Create, inspect and control changefeeds.",
        footerHeading = "%nExamples:%n",
        footer = {"  # what is replicating, and how far behind",
            "  ticdcctl changefeed list",
            "  # stop one for maintenance, then start it again",
            "  ticdcctl changefeed pause orders && ticdcctl changefeed resume orders"})
public final class ChangefeedCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(ChangefeedListCommand.class, ChangefeedGetCommand.class, CreateCommand.class,
                UpdateCommand.class, PauseCommand.class, ResumeCommand.class, DeleteCommand.class,
                ChangefeedStatusCommand.class, SyncedCommand.class, ApplyCommand.class, DiffCommand.class,
                ExportCommand.class,
                WaitCommand.class, TablesCommand.class, MoveTableCommand.class, MoveSplitTableCommand.class,
                SplitTableCommand.class, MergeTableCommand.class, TopCommand.class);
    }
}
