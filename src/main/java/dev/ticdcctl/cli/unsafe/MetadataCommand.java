package dev.ticdcctl.cli.unsafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.EtcdEntry;
import dev.ticdcctl.output.SinkUris;
import dev.ticdcctl.output.Table;
import dev.ticdcctl.output.Table.Column;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metadata", aliases = "show-metadata",
        description = {"Dump TiCDC's metadata in etcd (every key of the cluster) for troubleshooting.",
            "Sink-URI passwords in the values are masked unless --show-secrets."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl unsafe metadata --yes", "  # the keys of one changefeed",
            "  ticdcctl unsafe metadata --yes --jq '.[].key | select(endswith(\"/orders\"))'"})
final class MetadataCommand implements Callable<Integer> {
    private static final Pattern SINK_URI = Pattern.compile("(\"sink-uri\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

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
            Table table = new Table(Column.of("KEY"), Column.of("VALUE"));
            json.forEach(kv -> table.row(kv.path("key").asText(), kv.path("value").asText()));
            return table;
        });
        return ExitCode.OK;
    }

    /** The values are raw JSON strings holding kebab-case keys; mask each {@code "sink-uri"} inside them. */
    private static JsonNode masked(JsonNode entries) {
        ArrayNode copy = entries.deepCopy();
        for (JsonNode entry : copy) {
            if (entry instanceof ObjectNode object && entry.path("value").isTextual()) {
                Matcher m = SINK_URI.matcher(entry.path("value").textValue());
                object.put("value", m.replaceAll(r -> Matcher.quoteReplacement(
                        r.group(1) + SinkUris.mask(r.group(2)) + r.group(3))));
            }
        }
        return copy;
    }
}
