package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.config.ChangefeedToml;
import dev.ticdcctl.model.ChangefeedDetail;
import dev.ticdcctl.output.Format;
import dev.ticdcctl.output.Secrets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export",
        description = {"Write a changefeed as a spec that 'changefeed apply -f' re-creates, on this or another"
            + " cluster: TOML (the default, with the keys cdc cli --config reads), or JSON or YAML with -o.",
            "The start TSO is left out (a new changefeed starts now; add start-ts to resume from a checkpoint)."
                + " Secrets are masked unless --show-secrets, which reads the real sink URI from the server; TiCDC's"
                + " new architecture never returns the sink URI's secret, which then stays masked."},
        footerHeading = "%nExamples:%n",
        footer = {"  ticdcctl changefeed export orders > orders.toml",
            "  ticdcctl changefeed export orders -o yaml --show-secrets > orders.yaml"})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ChangefeedRef ref;

    @Option(names = "--show-secrets", description = "Write the sink-URI password and config secrets in clear.")
    boolean showSecrets;

    private final ClusterAccess cluster;
    private final Printing printing;

    ExportCommand(ClusterAccess cluster, Printing printing) {
        this.cluster = cluster;
        this.printing = printing;
    }

    @Override
    public Integer call() throws InterruptedException {
        String id = ref.id();
        String namespace = cluster.namespace();
        ChangefeedDetail cf = cluster.client().getChangefeed(namespace, id).value();
        String sinkUri = cf.sinkUri();
        if (showSecrets) {
            Optional<String> stored = cluster.client().storedSinkUri(namespace, id);
            sinkUri = stored.orElse(sinkUri);
            printing.output().warn("the exported changefeed holds secrets in clear; keep the file private");
            if (stored.isEmpty() && sinkUri != null && Secrets.holdsMask(sinkUri)) {
                // Still exit 0: the file is what the server gives, and apply refuses the mask until it is filled in.
                printing.output().warn("sink-uri is exported with its secret masked (" + Secrets.MASK + "): this"
                        + " server (TiCDC's new architecture) never returns it; fill it in before 'changefeed apply',"
                        + " which refuses a masked secret, or leave sink-uri out of the file to keep the server's and"
                        + " set it with 'ticdcctl changefeed update " + id + " --sink-uri -'");
            }
        }
        ObjectNode config = cf.config() == null ? printing.mapper().createObjectNode() : cf.config().deepCopy();
        if (!showSecrets) {
            sinkUri = Secrets.maskText(sinkUri); // TiCDC masks only the password and sasl-password
            Secrets.maskTree(config);
        }
        Format format = printing.output().format();
        if (format == Format.json || format == Format.yaml) {
            ObjectNode spec = printing.mapper().createObjectNode().put("id", cf.id()).put("namespace", cf.namespace())
                    .put("sink_uri", sinkUri);
            if (cf.targetTs() > 0) {
                spec.put("target_ts", cf.targetTs());
            }
            spec.set("config", config);
            printing.output().text(spec, showSecrets);
        } else {
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
            printing.output().data(toml.toString().stripTrailing());
        }
        return ExitCode.OK.code();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
