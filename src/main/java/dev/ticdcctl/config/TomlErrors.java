package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Pattern;

/** One-line descriptions of TOML problems, with {@code file:line:column} wherever the position can be known. */
final class TomlErrors {
    private TomlErrors() {}

    static ConfigException describe(String what, java.nio.file.Path file, String text, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String key = unknown.getPropertyName();
            return new ConfigException(what + " " + file + lineOf(text, key) + ": unknown key '" + key + "' (known: "
                    + String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                    + ")");
        }
        return new ConfigException(what + " " + file + ParseErrors.position(e) + ": " + ParseErrors.problem(e));
    }

    /** The {@code :line:column} where {@code key = ...} is written, found by reading the text; "" when not found. */
    private static String lineOf(String text, String key) {
        Pattern assignment = Pattern.compile("^(\\s*)\"?" + Pattern.quote(key) + "\"?\\s*=");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var m = assignment.matcher(lines[i]);
            if (m.find()) {
                return ":" + (i + 1) + ":" + (m.group(1).length() + 1);
            }
        }
        return "";
    }
}
