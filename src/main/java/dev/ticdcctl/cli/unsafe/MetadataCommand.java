package dev.ticdcctl.cli.unsafe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Confirmations;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.EtcdEntry;
import dev.ticdcctl.output.Table.Column;
import dev.ticdcctl.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metadata", aliases = "show-metadata",
        description = {"Dump TiCDC's metadata in etcd (every key of the cluster) for troubleshooting.",
            "Passwords of URIs, secret query parameters and secret-named fields in the values are masked unless"
                + " --show-secrets."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl unsafe metadata --yes", "  # the keys of one changefeed",
            "  ticdcctl unsafe metadata --yes --jq '.[].key | select(endswith(\"/orders\"))'"})
final class MetadataCommand implements Callable<Integer> {
    @Option(names = "--show-secrets", description = "Print the values with their secrets in clear.")
    boolean showSecrets;

    private final ClusterAccess cluster;
    private final Printing printing;
    private final Confirmations confirmations;

    MetadataCommand(ClusterAccess cluster, Printing printing, Confirmations confirmations) {
        this.cluster = cluster;
        this.printing = printing;
        this.confirmations = confirmations;
    }

    @Override
    public Integer call() throws InterruptedException {
        confirmations.prompter().confirm("Print the raw TiCDC metadata of " + cluster.name() + "?",
                "nothing was printed");
        ApiResult<List<EtcdEntry>> result = cluster.client().unsafeMetadata();
        // The values are JSON stored as strings: the output masks their URIs and secret-named fields by value.
        JsonNode json = result.json();
        printing.output().resource(json, () -> {
            result.value(); // the table reads every entry's key and value: check them first
            Table table = new Table(Column.of("KEY"), Column.of("VALUE"));
            json.forEach(kv -> table.row(kv.path("key").asText(), kv.path("value").asText()));
            return table;
        }, showSecrets);
        return ExitCode.OK.code();
    }
}
