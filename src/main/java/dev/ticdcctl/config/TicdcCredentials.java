package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * TiCDC's own {@code ~/.ticdc/credentials}, as {@code cdc cli configure-credentials} writes it: TOML with the keys
 * {@code ticdc_user}, {@code ticdc_password}, {@code ca_path}, {@code cert_path}, {@code key_path}.
 */
public record TicdcCredentials(String ticdcUser, String ticdcPassword, String caPath, String certPath,
        String keyPath) {
    public static final TicdcCredentials NONE = new TicdcCredentials(null, null, null, null, null);

    /** Reads the file strictly (as cdc cli does); a missing file means no credentials. */
    public static TicdcCredentials load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new ConfigException("cannot read the credentials file " + path + ": " + e.getMessage());
        }
        try {
            // Built here, not at class load: most machines have no credentials file.
            TomlMapper toml = TomlMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            TicdcCredentials c = toml.readValue(text, TicdcCredentials.class);
            return c == null ? NONE : c;
        } catch (JsonProcessingException e) {
            throw TomlErrors.describe("credentials file", path, text, e);
        }
    }
}
