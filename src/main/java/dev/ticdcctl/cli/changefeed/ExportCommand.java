package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export",
        description = {"Write a changefeed as a spec that 'changefeed apply -f' re-creates, on this or another"
            + " cluster: TOML (the default, with the keys cdc cli --config reads), or JSON or YAML with -o. With --all"
            + " and --dir, every changefeed of the namespace (keyspace) that the server lists (finished ones are not),"
            + " one <id>.toml file each (.json or .yaml with -o).",
            "The start TSO is left out (a new changefeed starts now; add start-ts to resume from a checkpoint).",
            "Secrets are written as references $${env:NAME}, which apply resolves: NAME is TICDC_<ID>_<FIELD> in"
                + " capitals, such as TICDC_ORDERS_SINK_PASSWORD, and stderr lists them. --show-secrets writes them in"
                + " clear instead, from the server's stored sink URI; TiCDC's new architecture never returns the sink"
                + " URI's secret, which then stays a reference.",
            "A file that differs from the export is replaced only with --force (else nothing is written); files"
                + " already equal to it are left untouched."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed export orders > orders.toml",
            "  ticdcctl changefeed export orders -o yaml --show-secrets > orders.yaml",
            "  # the whole namespace into a Git repository's directory",
            "  ticdcctl changefeed export --all --dir changefeeds/",
            "  # elsewhere, with the secrets export listed",
            "  TICDC_ORDERS_SINK_PASSWORD=... ticdcctl changefeed apply -f changefeeds/orders.toml"})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--all", description = "Every changefeed of the namespace (keyspace); needs --dir.")
    boolean all;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Write <id>.toml (.json, .yaml) files in DIR (created if missing) instead of stdout.")
    Path dir;

    @Option(names = "--force", description = "With --dir, replace files that differ from the export.")
    boolean force;

    @Option(names = "--show-secrets", description = "Write the sink-URI password and config secrets in clear"
            + " (files then readable by their owner only).")
    boolean showSecrets;

    private final ClusterAccess cluster;
    private final Printing printing;

    ExportCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.optionalId();
        if (all == (id != null)) {
            throw new CliException.InvalidInput(all ? "give a changefeed ID or --all, not both"
                    : "missing changefeed ID: give it as the first argument, or --all with --dir", null);
        }
        if (all && dir == null) {
            throw new CliException.InvalidInput("--all writes one file per changefeed: give --dir DIR",
                    "ticdcctl changefeed export --all --dir changefeeds/");
        }
        if (force && dir == null) {
            throw new CliException.InvalidInput("--force replaces files in --dir: give --dir DIR", null);
        }
        if (showSecrets) {
            printing.output().warn("the exported changefeed" + (all ? "s hold" : " holds") + " secrets in clear;"
                    + " keep " + (dir == null ? "the file" : "the files") + " private");
        }
        SpecExport export = new SpecExport(cluster, printing, showSecrets);
        List<SpecExport.Spec> specs = new ArrayList<>();
        for (String each : all ? export.ids() : List.of(id)) {
            specs.add(export.export(each));
        }
        if (dir == null) {
            printing.output().data(specs.get(0).text().stripTrailing());
        } else {
            SpecDirectory directory = new SpecDirectory(dir);
            List<SpecDirectory.Planned> planned = directory.plan(specs, export.extension());
            directory.write(planned, force);
            if (planned.isEmpty()) {
                printing.output().progress("no changefeeds to export in " + cluster.namespace());
            }
            // the data went to the files: what became of each is progress, on stderr
            planned.forEach(p -> printing.output().progress(p.file() + " " + p.outcome()));
        }
        export.references().list(printing.err());
        return ExitCode.OK.code();
    }
}
