package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void values_that_need_escapes_survive_a_save_and_a_load() {
        String password = "p\"a\\s\ts\r\b\f\u0001\u007fé";
        ConfigFile file = ConfigFile.load(dir.resolve("config.toml"));
        file.put("prod", ConfigFile.Context.EMPTY.with(new ConfigFile.Context("https://cdc:8300", null, null, null,
                null, null, "root", password, null, null, null, null)));
        file.use("prod");
        file.save();

        ConfigFile loaded = ConfigFile.load(dir.resolve("config.toml"));
        assertEquals("prod", loaded.currentContext());
        assertEquals(password, loaded.context("prod").password());
        assertEquals("https://cdc:8300", loaded.context("prod").server());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "current-contxt = 'a' | 1:1 | current-contxt",
        "current-context = 'a'\\n[contexts.prod]\\nserver = 'x'\\n  sever = 'y' | 4:3 | sever",
        "[contexts.prod]\\nuser = 'root'\\n\\n[contexts.test]\\n\"passwrd\" = 'z' | 5:1 | passwrd",
        "[contexts]\\nprod = { server = 'x', tls = true } | 2:24 | tls"})
    void an_unknown_key_is_named_with_its_line_and_column(String toml, String at, String key) throws IOException {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, toml.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(file));
        assertEquals("config file " + file + ":" + at + ": unknown key '" + key + "'",
                e.getMessage().substring(0, e.getMessage().indexOf(" (known: ")));
    }
}
