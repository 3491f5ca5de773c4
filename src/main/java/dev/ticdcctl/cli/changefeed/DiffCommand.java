package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "diff", resourceBundle = "dev.ticdcctl.cli.changefeed.SpecPlanOptions",
        description = {"Compare changefeeds with spec files: print the plan 'changefeed apply' would carry out, and"
            + " exit 8 when the cluster differs from the specs.",
            "For a CI job that checks a cluster against Git: nothing is sent; the exit code is 0 when every"
                + " changefeed matches its spec, 8 when anything differs (a changefeed to create, update or delete,"
                + " or a blocked one). A server that cannot be reached or refuses the credentials still exits 5 or 4,"
                + " a spec that cannot be read 2.",
            "-f takes files, '-' and directories as 'changefeed apply' does, ticdcctl.toml indexes of clusters"
                + " included. Without --prune, changefeeds no spec describes are not drift (stderr counts them); with"
                + " it, each is a '- delete' line and drift.",
            "-o json prints the plan as data, secrets masked: {\"in_sync\", \"counts\": {action: n},"
                + " \"changefeeds\": [{\"cluster\", \"server\", \"namespace\", \"id\", \"action\", \"file\","
                + " \"changes\", \"reason\"}]}, action being create, update, unchanged, delete or blocked."},
        footerHeading = "%nExamples:%n",
        footer = {"  # in CI: fail the job when the cluster drifted from Git",
            "  ticdcctl changefeed diff -f clusters/ --prune || exit $?",
            "  # which changefeeds differ, as data",
            "  ticdcctl changefeed diff -f changefeeds/ -o json --jq '.changefeeds[] | select(.action != \"unchanged\") | .id'"})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    SpecPlanOptions options;

    private final ChangefeedPlanner planner;
    private final Printing printing;

    DiffCommand(ChangefeedPlanner planner, Printing printing) {
        this.planner = planner;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        ChangefeedPlan plan = options.plan(planner);
        Output output = printing.output();
        if (output.machineReadable()) {
            output.document(plan.json(), false);
        } else {
            plan.lines().forEach(output::data);
        }
        plan.notes().forEach(output::progress);
        return (plan.inSync() ? ExitCode.OK : ExitCode.DRIFT).code();
    }
}
