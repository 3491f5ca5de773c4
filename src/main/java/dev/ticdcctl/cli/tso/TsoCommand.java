package dev.ticdcctl.cli.tso;

import dev.ticdcctl.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "tso",
        description = "Get, decode and encode TSOs (TiDB timestamps: physical milliseconds << 18 | logical).",
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl tso query", "  ticdcctl tso decode 450835120160243717",
            "  ticdcctl tso encode 2024-07-01T02:05:00Z"})
public final class TsoCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(QueryCommand.class, DecodeCommand.class, EncodeCommand.class);
    }
}
