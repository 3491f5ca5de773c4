package dev.ticdcctl.cli.unsafe;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.TsoConverter;
import dev.ticdcctl.model.Requests;
import dev.ticdcctl.model.Tso;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resolve-lock",
        description = {"Resolve the locks in a TiKV region that are older than a TSO.",
            "Without --ts, locks older than one minute before the current TSO are resolved (as cdc cli does)."},
        footerHeading = "%nExamples:%n", footer = {"  ticdcctl unsafe resolve-lock --region 1024 --yes"})
final class ResolveLockCommand implements Callable<Integer> {
    private static final Duration DEFAULT_AGE = Duration.ofMinutes(1);

    @Option(names = "--region", required = true, paramLabel = "ID", description = "The region ID (positive).")
    long region;

    @Option(names = "--ts", paramLabel = "TSO|TIME", converter = TsoConverter.class,
            description = "Resolve locks older than this TSO or time with a zone (default: current TSO minus one"
                + " minute).")
    Tso ts;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;

    ResolveLockCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (region <= 0) {
            throw new CliException.InvalidInput("invalid --region " + region
                    + ": a region ID is a positive integer", null);
        }
        confirmations.prompter().ensureCanConfirm();
        Tso before = ts;
        if (before == null) {
            Tso now = cluster.client().tso().value().compose();
            before = Tso.of(now.physicalMillis() - DEFAULT_AGE.toMillis(), 0);
        }
        confirmations.prompter().confirm("Resolve the locks of region " + region + " older than TSO " + before + " ("
                + before.instant() + ") in " + cluster.name() + "?", "no locks were resolved");
        cluster.client().resolveLock(new Requests.ResolveLock(region, before.value()));
        printing.output().result("resolved the locks of region " + region + " older than TSO " + before,
                printing.mapper().createObjectNode());
        return ExitCode.OK.code();
    }
}
