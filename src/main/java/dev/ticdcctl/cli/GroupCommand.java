package dev.ticdcctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A noun such as {@code changefeed}: it only groups verbs, so running it alone is a usage error. */
public abstract class GroupCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() {
        String verbs = String.join(", ", spec.commandLine().getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()
                        && e.getKey().equals(e.getValue().getCommandName()))
                .map(java.util.Map.Entry::getKey)
                .toList());
        throw new ParameterException(spec.commandLine(), "missing command: choose one of " + verbs);
    }
}
