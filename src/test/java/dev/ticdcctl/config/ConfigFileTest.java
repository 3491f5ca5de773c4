package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
