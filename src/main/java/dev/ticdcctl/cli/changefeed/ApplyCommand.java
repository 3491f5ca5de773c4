package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", resourceBundle = "dev.ticdcctl.cli.changefeed.SpecPlanOptions",
        description = {"Make changefeeds what spec files say: plan, confirm, then create, update and (with --prune)"
            + " delete.",
            "First a plan, one line per changefeed: '+ create' when it does not exist, '~ update' with the changes"
                + " when it differs, '= unchanged' when it matches, '- delete' for one no spec describes (only with"
                + " --prune), '! blocked' with the reason when the spec cannot be carried out (a running changefeed"
                + " without --restart, a finished one that differs, a spec without sink-uri for a new one). Updates"
                + " and deletions are confirmed on a terminal (--yes elsewhere); then creates, updates and, only when"
                + " all of them worked, deletions are carried out, with a result line per changefeed, a summary, and"
                + " the worst exit code.",
            "-f takes files, '-' (stdin) and directories (their *.toml, *.json, *.yaml and *.yml, sorted), and may"
                + " be repeated. A directory with a ticdcctl.toml index describes one cluster per subdirectory"
                + " (see README, 'Changefeeds as code'). A spec that cannot be read, or two specs of one changefeed,"
                + " stop everything before the first request (exit 2).",
            "Keys a spec leaves out keep their current values. A finished changefeed counts as described: unchanged"
                + " when it matches its spec, blocked when it differs (delete it and apply again to re-create it);"
                + " one no spec describes is left alone, even with --prune, as export --all leaves it out.",
            "TiCDC's new architecture never reveals a stored sink-URI secret: a sink URI that matches the stored one"
                + " but for its secret keeps the server's, so an unchanged spec changes nothing; 'changefeed update ID"
                + " --sink-uri -' replaces the secret."},
        footerHeading = "%nExamples:%n",
        footer = {"  # move a changefeed to another cluster", "  ticdcctl --context old changefeed export orders > orders.toml",
            "  ticdcctl --context new changefeed apply -f orders.toml",
            "  # review what a directory would change, then apply it",
            "  ticdcctl changefeed apply -f changefeeds/ --dry-run",
            "  # from Git, in a CI step: the directory is the truth",
            "  ticdcctl changefeed apply -f changefeeds/ --prune --restart --yes"})
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    SpecPlanOptions options;

    @Option(names = "--ignore-ineligible", description = "On create, skip tables that cannot be replicated.")
    boolean ignoreIneligible;

    @Option(names = "--dry-run",
            description = "Print the plan (with -o json as data, secrets masked) and send nothing.")
    boolean dryRun;

    private final ChangefeedPlanner planner;
    private final ChangefeedPlanRunner runner;
    private final Printing printing;
    private final Confirmations confirmations;

    ApplyCommand(ChangefeedPlanner planner, ChangefeedPlanRunner runner, Printing printing,
            Confirmations confirmations) {
        this.planner = planner;
        this.runner = runner;
        this.printing = printing;
        this.confirmations = confirmations;
    }

    @Override
    public Integer call() throws InterruptedException {
        ChangefeedPlan plan = options.plan(planner);
        Output output = printing.output();
        plan.lines().forEach(output::progress);
        plan.notes().forEach(output::progress);
        if (dryRun) {
            if (output.machineReadable()) {
                output.document(plan.json(), false);
            }
            output.progress("Dry run: nothing was sent");
            return ExitCode.OK.code();
        }
        if (plan.changesExisting()) {
            confirmations.prompter().confirm(plan.question(), "nothing was changed");
        }
        return runner.run(plan, ignoreIneligible);
    }
}
