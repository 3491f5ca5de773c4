package dev.ticdcctl.cli.changefeed;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code apply} and {@code diff} share: the specs, and how to plan. Each command words --prune and
 * --restart for what it does, in SpecPlanOptions.properties under the command's name ({@code descriptionKey}).
 */
final class SpecPlanOptions {
    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
            description = "A changefeed spec (TOML, JSON or YAML; '-' = stdin) or a directory of them; repeatable.")
    List<String> specs;

    @Option(names = "--prune", descriptionKey = "prune")
    boolean prune;

    @Option(names = "--restart", descriptionKey = "restart")
    boolean restart;

    /** The plan for the specs given, as these options ask. */
    ChangefeedPlan plan(ChangefeedPlanner planner) throws InterruptedException {
        return planner.plan(specs, new ChangefeedPlanner.How(prune, restart));
    }
}
