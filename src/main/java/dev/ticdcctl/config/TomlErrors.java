package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ticdcctl.config.TomlLocator.Position;
import java.nio.file.Path;

/** One-line descriptions of TOML problems, with {@code file:line:column} wherever the position can be known. */
final class TomlErrors {
    private TomlErrors() {}

    static ConfigException describe(String what, Path file, String text, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String key = unknown.getPropertyName();
            return new ConfigException(what + " " + file + positionOf(text, unknown) + ": unknown key '" + key
                    + "' (known: " + String.join(", ",
                            unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")");
        }
        return new ConfigException(what + " " + file + ParseErrors.position(e) + ": " + ParseErrors.problem(e));
    }

    /**
     * The {@code :line:column} where the unknown key is written, or "" when not found. The TOML parser gives no
     * positions, but it accepted the document, so {@link TomlLocator} can find the key by the path Jackson names.
     */
    private static String positionOf(String text, UnrecognizedPropertyException e) {
        String path = "";
        for (Reference step : e.getPath()) {
            path = step.getFieldName() != null ? TomlLocator.child(path, step.getFieldName())
                    : TomlLocator.element(path, step.getIndex());
        }
        Position at = TomlLocator.scan(text).position(path);
        return at == null ? "" : ":" + at.line() + ":" + at.column();
    }
}
