package dev.ticdcctl.cli.top;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's key table is the help view's, row for row. */
class TopReadmeTest {
    @Test
    void the_readme_lists_every_key_of_the_help_view() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Live dashboard: ticdcctl top\n"));

        for (String[] key : TopRenderer.KEYS) {
            String row = "| " + key[0] + " | " + key[1] + " |";
            assertTrue(section.contains("\n" + row + "\n"), () -> "no row " + row);
        }
    }
}
