package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.ChangefeedToml;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.output.Format;
import dev.ticdcctl.output.Secrets;
import java.util.List;
import java.util.Optional;

/**
 * Changefeeds as the specs that {@code changefeed apply -f} reads: TOML (the keys of {@code cdc cli --config}) or,
 * following {@code -o}, JSON or YAML. Secrets become references ({@link SecretReferences}), or stay in clear with
 * {@code showSecrets}; the start TSO is left out (a new changefeed starts now).
 */
final class SpecExport {
    /** One changefeed's spec, and whether it holds secrets in clear. */
    record Spec(String id, String text, boolean holdsSecrets) {}

    private final ClusterAccess cluster;
    private final Printing printing;
    private final boolean showSecrets;
    private final SecretReferences references = new SecretReferences();

    SpecExport(ClusterAccess cluster, Printing printing, boolean showSecrets) {
        this.cluster = cluster;
        this.printing = printing;
        this.showSecrets = showSecrets;
    }

    /** The changefeeds of the namespace (keyspace) that the server lists by default: finished ones are left out. */
    List<String> ids() throws InterruptedException {
        return cluster.client().listChangefeeds(cluster.namespace(), null).value().items().stream()
                .map(ChangefeedSummary::id).sorted().toList();
    }

    /** The file name extension of the format chosen. */
    String extension() {
        Format format = printing.output().format();
        return format == Format.json || format == Format.yaml ? format.name() : "toml";
    }

    /** The references written so far, which {@link SecretReferences#list} tells. */
    SecretReferences references() {
        return references;
    }

    Spec export(String id) throws InterruptedException {
        String namespace = cluster.namespace();
        ChangefeedDetail cf = cluster.client().getChangefeed(namespace, id).value();
        ObjectNode config = cf.config() == null ? printing.mapper().createObjectNode() : cf.config().deepCopy();
        String sinkUri;
        if (showSecrets) {
            Optional<String> stored = cluster.client().storedSinkUri(namespace, id);
            sinkUri = references.clearSinkUri(cf.id(), stored.orElse(cf.sinkUri()));
            if (stored.isEmpty() && cf.sinkUri() != null && Secrets.holdsMask(cf.sinkUri())) {
                printing.output().warn("the sink URI's secret of " + cf.id() + " is written as a reference: this"
                        + " server (TiCDC's new architecture) never returns it");
            }
        } else {
            sinkUri = references.sinkUri(cf.id(), cf.sinkUri());
        }
        references.config(cf.id(), config, showSecrets);
        Format format = printing.output().format();
        if (format == Format.json || format == Format.yaml) {
            ObjectNode spec = printing.mapper().createObjectNode().put("id", cf.id()).put("namespace", cf.namespace())
                    .put("sink_uri", sinkUri);
            if (cf.targetTs() > 0) {
                spec.put("target_ts", cf.targetTs());
            }
            spec.set("config", config);
            return new Spec(cf.id(), printing.output().textOf(spec).stripTrailing() + "\n", showSecrets);
        }
        StringBuilder toml = new StringBuilder()
                .append("# changefeed ").append(cf.namespace()).append('/').append(cf.id())
                .append(", exported by ticdcctl; create it again with: ticdcctl changefeed apply -f FILE\n")
                .append("id = ").append(quote(cf.id())).append('\n')
                .append("namespace = ").append(quote(cf.namespace())).append('\n')
                .append("sink-uri = ").append(quote(sinkUri)).append('\n');
        if (cf.targetTs() > 0) {
            toml.append("target-ts = ").append(cf.targetTs()).append('\n');
        }
        toml.append('\n').append(ChangefeedToml.render(config, "config"));
        return new Spec(cf.id(), toml.toString().stripTrailing() + "\n", showSecrets);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
