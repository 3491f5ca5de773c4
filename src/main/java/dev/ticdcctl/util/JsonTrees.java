package dev.ticdcctl.util;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Merging and comparing JSON trees the way TiCDC merges configs: objects merge, arrays and scalars replace; and
 * rewriting every string of a tree.
 */
public final class JsonTrees {
    private JsonTrees() {}

    /** A string's new value, told its dotted path ({@code a.b[0]}) and its member name (null in an array). */
    @FunctionalInterface
    public interface StringRewrite {
        String apply(String path, String name, String value);
    }

    /** Replaces, in place and at any depth, every string member and element with what {@code rewrite} makes of it. */
    public static void rewriteStrings(JsonNode node, StringRewrite rewrite) {
        rewriteStrings(node, "", rewrite);
    }

    private static void rewriteStrings(JsonNode node, String path, StringRewrite rewrite) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (member.getValue().isTextual()) {
                    member.setValue(object.textNode(rewrite.apply(child, member.getKey(),
                            member.getValue().textValue())));
                } else {
                    rewriteStrings(member.getValue(), child, rewrite);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, array.textNode(rewrite.apply(child, null, array.get(i).textValue())));
                } else {
                    rewriteStrings(array.get(i), child, rewrite);
                }
            }
        }
    }

    /** One difference: a dotted path and the old and new values (null where absent). */
    public record Change(String path, JsonNode before, JsonNode after) {}

    /** A copy of {@code base} with {@code changes} merged over it. */
    public static ObjectNode merge(ObjectNode base, JsonNode changes) {
        ObjectNode merged = base.deepCopy();
        if (changes != null && changes.isObject()) {
            mergeInto(merged, changes);
        }
        return merged;
    }

    private static void mergeInto(ObjectNode target, JsonNode changes) {
        for (Map.Entry<String, JsonNode> e : changes.properties()) {
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode object && e.getValue().isObject()) {
                mergeInto(object, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** The leaves that differ between two trees, by dotted path; arrays compare whole. */
    public static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<Change> out) {
        boolean bothObjects = before != null && before.isObject() && after != null && after.isObject();
        if (!bothObjects) {
            if (!equivalent(before, after)) {
                out.add(new Change(path, before, after));
            }
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            diff(path.isEmpty() ? key : path + "." + key, before.get(key), after.get(key), out);
        }
    }

    /** Absent and null are the same; numbers compare by value (1 and 1.0 are equal). */
    private static boolean equivalent(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull() || a.isMissingNode();
        boolean bEmpty = b == null || b.isNull() || b.isMissingNode();
        if (aEmpty || bEmpty) {
            return aEmpty && bEmpty;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
