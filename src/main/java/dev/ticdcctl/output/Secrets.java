package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Masks secrets inside JSON documents: sink URIs, and fields whose names say they hold a password or key. */
public final class Secrets {
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "access-key",
            "access_key", "private-key", "private_key");

    private Secrets() {}

    /** Masks in place, at any depth, in snake_case (API) and kebab-case (stored) spellings. */
    public static void maskTree(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                if (value.isTextual() && (name.equals("sink-uri") || name.equals("sink_uri"))) {
                    field.setValue(object.textNode(SinkUris.mask(value.textValue())));
                } else if (value.isTextual() && !value.textValue().isEmpty() && isSecretName(name)) {
                    field.setValue(object.textNode(SinkUris.MASK));
                } else {
                    maskTree(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Secrets::maskTree);
        }
    }

    private static boolean isSecretName(String name) {
        return SECRET_WORDS.stream().anyMatch(name::contains) && !name.endsWith("path") && !name.endsWith("file");
    }
}
