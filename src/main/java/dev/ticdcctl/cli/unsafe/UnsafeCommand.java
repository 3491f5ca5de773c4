package dev.ticdcctl.cli.unsafe;

import dev.ticdcctl.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "unsafe",
        description = {"Maintenance operations that can break replication. Each asks for confirmation on a terminal"
            + " and needs --yes otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl unsafe metadata --yes -o json > metadata.json",
            "  ticdcctl unsafe resolve-lock --region 1024 --yes"})
public final class UnsafeCommand extends GroupCommand {
    @Override
    public List<Class<?>> verbs() {
        return List.of(MetadataCommand.class, ResolveLockCommand.class, DeleteServiceGcSafepointCommand.class);
    }
}
