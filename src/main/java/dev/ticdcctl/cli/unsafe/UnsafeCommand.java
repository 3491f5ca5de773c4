package dev.ticdcctl.cli.unsafe;

import dev.ticdcctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "unsafe",
        description = {"Maintenance operations that can break replication. Each asks for confirmation on a terminal"
            + " and needs --yes otherwise."},
        subcommands = {MetadataCommand.class, ResolveLockCommand.class, DeleteServiceGcSafepointCommand.class})
public final class UnsafeCommand extends GroupCommand {}
