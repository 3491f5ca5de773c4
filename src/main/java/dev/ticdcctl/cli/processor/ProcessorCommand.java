package dev.ticdcctl.cli.processor;

import dev.ticdcctl.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "processor", aliases = "processors",
        description = "Inspect processors: the part of a changefeed that runs on one capture.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl processor list", "  ticdcctl processor get orders \"$CAPTURE_ID\""})
public final class ProcessorCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(ProcessorListCommand.class, ProcessorGetCommand.class);
    }
}
