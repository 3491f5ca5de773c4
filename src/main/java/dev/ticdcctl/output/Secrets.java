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
                if (value.isContainerNode()) {
                    maskTree(value);
                } else if (value.isTextual() && !value.textValue().isEmpty()) {
                    String name = field.getKey().toLowerCase(Locale.ROOT);
                    if (name.equals("sink-uri") || name.equals("sink_uri")) {
                        field.setValue(object.textNode(SinkUris.mask(value.textValue())));
                    } else if (isSecretName(name)) {
                        field.setValue(object.textNode(SinkUris.MASK));
                    }
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                if (element.isContainerNode()) {
                    maskTree(element);
                }
            }
        }
    }

    private static boolean isSecretName(String name) {
        if (name.endsWith("path") || name.endsWith("file")) {
            return false;
        }
        for (String word : SECRET_WORDS) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
