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
                } else if (value.isTextual()) {
                    String shown = shown(field.getKey(), value.textValue());
                    if (!shown.equals(value.textValue())) {
                        field.setValue(object.textNode(shown));
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

    /** What may be printed of a string field: sink URIs masked, secret-named fields replaced. */
    public static String shown(String field, String value) {
        if (value.isEmpty() || field == null) {
            return value;
        }
        String name = field.toLowerCase(Locale.ROOT);
        if (name.equals("sink-uri") || name.equals("sink_uri")) {
            return SinkUris.mask(value);
        }
        return isSecretName(name) ? SinkUris.MASK : value;
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
