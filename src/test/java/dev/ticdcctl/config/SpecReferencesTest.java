package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The syntax of references in a spec's strings, and what they resolve to. */
class SpecReferencesTest {
    @TempDir
    Path dir;

    private final List<String> resolved = new ArrayList<>();
    private final SpecReferences references = new SpecReferences(Map.of("PW", "s3cret", "EMPTY", ""), resolved::add);

    private String resolve(String value) {
        return references.resolve(value, "x = \"" + value + "\"\n", dir.resolve("spec.toml").toString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "plain                          | plain",
        "${env:PW}                      | s3cret",
        "kafka://u:${env:PW}@h/t        | kafka://u:s3cret@h/t",
        "${env:PW}${env:PW}             | s3crets3cret",
        "$${env:PW}                     | ${env:PW}",
        "$$${env:PW}                    | $${env:PW}",
        "cost: $5 {a}                   | cost: $5 {a}",
        "a${env:EMPTY}b                 | ab"})
    void resolves_environment_references_whole_or_in_part_and_unescapes(String value, String expected) {
        assertEquals(expected, resolve(value));
    }

    @Test
    void resolved_values_are_handed_over_and_escaped_text_is_not() {
        resolve("u:${env:PW}@h $${env:PW}");

        assertEquals(List.of("s3cret"), resolved);
    }

    @Test
    void a_file_reference_reads_from_the_spec_files_directory_without_its_trailing_line_end() throws Exception {
        Files.writeString(dir.resolve("pw.txt"), "from-file\n");
        Files.writeString(dir.resolve("crlf.txt"), "two\nlines\r\n");

        assertEquals("x-from-file-y", resolve("x-${file:pw.txt}-y"));
        assertEquals("two\nlines", resolve("${file:crlf.txt}"));
        assertEquals("from-file", resolve("${file:" + dir.resolve("pw.txt") + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "${env:UNSET}        | unresolved reference ${env:UNSET}: the environment variable UNSET is not set",
        "${file:missing.txt} | unresolved reference ${file:missing.txt}: cannot read MISSING (no such file)",
        "${env:1BAD}         | unresolved reference ${env:1BAD}: not a reference",
        "${vault:x}          | unresolved reference ${vault:x}: not a reference",
        "open ${env:PW       | unresolved reference ${env:PW: not a reference"})
    void an_unresolved_or_malformed_reference_names_itself_the_file_and_the_line(String value, String message) {
        String file = dir.resolve("spec.toml").toString();
        String text = "id = \"cf\"\n\nx = \"" + value + "\"\n";

        ConfigException e = assertThrows(ConfigException.class, () -> references.resolve(value, text, file));

        String expected = file + ":3: " + message.replace("MISSING", dir.resolve("missing.txt").toString());
        assertEquals(expected, e.getMessage().substring(0, Math.min(e.getMessage().length(), expected.length())));
    }

    @Test
    void the_line_is_where_the_reference_is_first_written_unescaped() {
        assertEquals(":3", SpecReferences.line("${env:A}", "a = \"$${env:A}\"\n\nb = \"${env:A}\"\n"));
        assertEquals("", SpecReferences.line("${env:A}", "a = \"\\u0024{env:A}\"\n"));
    }

    @Test
    void escape_makes_any_text_read_back_as_itself() {
        for (String text : List.of("${env:PW}", "$${x}", "a$b{c}", "$$${")) {
            assertEquals(text, resolve(SpecReferences.escape(text)));
        }
    }
}
