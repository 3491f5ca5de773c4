package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.ClusterAccess;
import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Printing;
import dev.ticdcctl.cli.UserInput;
import dev.ticdcctl.config.ChangefeedSpec;
import dev.ticdcctl.config.ChangefeedToml;
import dev.ticdcctl.config.SpecReferences;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.util.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user asked a changefeed to be, from a spec file ({@code -f}), a cdc-cli config file ({@code --config})
 * and flags, flags winning. Null fields were not given.
 */
record ChangefeedInput(String id, String namespace, String sinkUri, Long startTs, Long targetTs, ObjectNode config) {

    /**
     * What reading one uses: the files and stdin, where warnings go, the terminal a sink URI is typed at, and the
     * namespace it defaults to ({@code --namespace} wins over the spec's).
     */
    record Sources(UserInput input, Printing printing, Environment environment, GlobalOptions options,
            ClusterAccess cluster) {}

    /**
     * Reads {@code -f} and {@code --config} (either may be null; "-" is stdin) and lays the flags over them. Their
     * {@code ${env:...}} and {@code ${file:...}} references are resolved, and the values masked in all output.
     */
    static ChangefeedInput read(Sources sources, String specFile, String configFile, String id, String sinkUri,
            Long startTs, Long targetTs) {
        SpecReferences references = new SpecReferences(sources.environment().variables(),
                sources.printing()::maskEverywhere);
        ChangefeedSpec spec = specFile == null ? null : ChangefeedSpec.parse(text(sources, specFile),
                specFile.equals("-") ? "<stdin>" : specFile, references);
        ObjectNode config = spec == null ? null : spec.config();
        List<String> warnings = new ArrayList<>(spec == null ? List.of() : spec.warnings());
        if (configFile != null) {
            ChangefeedToml.Parsed parsed = ChangefeedToml.parse(text(sources, configFile),
                    configFile.equals("-") ? "<stdin>" : configFile, "", references);
            warnings.addAll(parsed.warnings());
            config = config == null ? parsed.replicaConfig() : JsonTrees.merge(config, parsed.replicaConfig());
        }
        warnings.forEach(sources.printing().output()::warn);
        ChangefeedInput input = new ChangefeedInput(
                id != null ? id : spec == null ? null : spec.id(),
                sources.options().namespaceFlag() != null || spec == null || spec.namespace() == null
                        ? sources.cluster().namespace() : spec.namespace(),
                sinkUri != null ? sinkUri : spec == null ? null : spec.sinkUri(),
                startTs != null ? startTs : spec == null ? null : spec.startTs(),
                targetTs != null ? targetTs : spec == null ? null : spec.targetTs(),
                config);
        input.refuseMaskedSecrets();
        FilterRulesCheck.check(input.config(), input.sinkUri());
        return input;
    }

    ChangefeedInput withConfig(ObjectNode newConfig) {
        return new ChangefeedInput(id, namespace, sinkUri, startTs, targetTs, newConfig);
    }

    /** An exported spec holds {@code xxxxx} where secrets were: sending it would store the mask as the secret. */
    private void refuseMaskedSecrets() {
        List<String> masked = new ArrayList<>();
        if (sinkUri != null && Secrets.holdsMask(sinkUri)) {
            masked.add("sink-uri");
        }
        if (config != null) {
            collectMasked("config", config, masked);
        }
        if (!masked.isEmpty()) {
            throw new CliException.InvalidInput("the changefeed holds masked secrets (" + Secrets.MASK + ") at "
                    + String.join(", ", masked), "fill in the real values, or references such as ${env:NAME} that"
                    + " are resolved when the spec is read, as 'changefeed export' writes them");
        }
    }

    private static void collectMasked(String path, JsonNode node, List<String> out) {
        if (node.isTextual() && Secrets.holdsMask(node.textValue())) {
            out.add(path);
        }
        node.properties().forEach(e -> collectMasked(path + "." + e.getKey(), e.getValue(), out));
        for (int i = 0; i < node.size() && node.isArray(); i++) {
            collectMasked(path + "[" + i + "]", node.get(i), out);
        }
    }

    private static String text(Sources sources, String file) {
        return new String(sources.input().readInput(file), StandardCharsets.UTF_8);
    }
}
