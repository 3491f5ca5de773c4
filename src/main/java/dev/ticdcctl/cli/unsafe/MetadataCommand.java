package dev.ticdcctl.cli.unsafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.EtcdEntry;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.Table.Column;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metadata", aliases = "show-metadata",
        description = {"Dump TiCDC's metadata in etcd (every key of the cluster) for troubleshooting.",
            "Sink-URI passwords and other secrets in the values are masked unless --show-secrets."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl unsafe metadata --yes", "  # the keys of one changefeed",
            "  ticdcctl unsafe metadata --yes --jq '.[].key | select(endswith(\"/orders\"))'"})
final class MetadataCommand implements Callable<Integer> {
    @Option(names = "--show-secrets", description = "Print sink URIs with their passwords.")
    boolean showSecrets;

    private final Services services;

    MetadataCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        services.prompter().confirm("Print the raw TiCDC metadata of the cluster?", "nothing was printed");
        ApiResult<List<EtcdEntry>> result = services.client().unsafeMetadata();
        JsonNode json = showSecrets ? result.json() : masked(result.json());
        services.output().resource(json, () -> {
            result.value(); // the table reads every entry's key and value: check them first
            Table table = new Table(Column.of("KEY"), Column.of("VALUE"));
            json.forEach(kv -> table.row(kv.path("key").asText(), kv.path("value").asText()));
            return table;
        });
        return ExitCode.OK;
    }

    /**
     * The values are JSON documents stored as strings (kebab-case keys, escaped as Go writes them); mask sink URIs and
     * secret-named fields inside them.
     */
    private JsonNode masked(JsonNode entries) {
        ArrayNode copy = entries.deepCopy();
        for (JsonNode entry : copy) {
            if (entry instanceof ObjectNode object && entry.path("value").isTextual()) {
                try {
                    JsonNode value = services.mapper().readTree(entry.path("value").textValue());
                    if (value.isContainerNode()) {
                        Secrets.maskTree(value);
                        object.put("value", services.mapper().writeValueAsString(value));
                    }
                } catch (JsonProcessingException e) {
                    // not JSON: nothing structured to mask
                }
            }
        }
        return copy;
    }
}
