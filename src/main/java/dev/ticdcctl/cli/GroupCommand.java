package dev.ticdcctl.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A noun such as {@code changefeed}: it only groups verbs, so running it alone is a usage error. Its verbs are added
 * by {@link Cli}, which builds only the one that runs.
 */
public abstract class GroupCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** The verbs, in the order help lists them. */
    public abstract List<Class<?>> verbs();

    @Override
    public Integer call() {
        String verbs = String.join(", ", spec.commandLine().getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()
                        && e.getKey().equals(e.getValue().getCommandName()))
                .map(Map.Entry::getKey)
                .toList());
        throw new ParameterException(spec.commandLine(), "missing command: choose one of " + verbs);
    }
}
