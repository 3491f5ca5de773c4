package dev.ticdcctl.cli.capture;

import dev.ticdcctl.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "capture", aliases = "captures", description = "List captures and drain them before maintenance.",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl capture list", "  ticdcctl capture drain \"$CAPTURE_ID\" --yes"})
public final class CaptureCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(CaptureListCommand.class, DrainCommand.class);
    }
}
