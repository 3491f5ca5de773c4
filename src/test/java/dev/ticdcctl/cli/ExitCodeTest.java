package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {
    private static final Path README = Path.of("README.md");

    @Test
    void the_readme_table_lists_every_code_with_its_meaning() throws IOException {
        List<String> expected = Arrays.stream(ExitCode.values()).map(c -> c.code() + " | " + c.meaning()).toList();

        assertEquals(expected, readmeRows());
    }

    @Test
    void the_readme_states_the_bulk_ranking() throws IOException {
        String order = ExitCode.bulkRanking().stream().map(c -> String.valueOf(c.code()))
                .collect(Collectors.joining(" < "));

        assertTrue(exitCodesSection().contains("in the order " + order + "."), () -> "README lacks " + order);
    }

    @ParameterizedTest(name = "worst of {0} is {1}")
    @CsvSource(delimiter = '=', value = {
        "'' = OK",
        "OK OK = OK",
        "OK NOT_FOUND = NOT_FOUND",
        "WAIT_TIMEOUT NOT_FOUND = WAIT_TIMEOUT",
        "FAILED WAIT_TIMEOUT OK = FAILED",
        "UNAUTHORIZED FAILED = UNAUTHORIZED",
        "FAILED UNREACHABLE UNAUTHORIZED = UNREACHABLE",
        "UNREACHABLE USAGE = USAGE",
        "DECLINED UNREACHABLE USAGE = DECLINED",
    })
    void a_bulk_action_exits_with_its_worst_result(String results, ExitCode worst) {
        List<ExitCode> codes = Stream.of(results.split(" ")).filter(s -> !s.isEmpty()).map(ExitCode::valueOf)
                .toList();

        assertEquals(worst, ExitCode.worst(codes));
    }

    /** The rows of the README's table as "code | meaning", Markdown code spans and escaped pipes made plain. */
    private static List<String> readmeRows() throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> lines = exitCodesSection().lines().toList();
        int header = lines.indexOf("| Code | Meaning |");
        assertTrue(header >= 0, "README's Exit codes section has no '| Code | Meaning |' table");
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(line.substring(1, line.length() - 1).strip().replace("\\|", "|").replace("`", ""));
        }
        return rows;
    }

    /** From "## Exit codes" to the next section; the test fails, never skips, without a README. */
    private static String exitCodesSection() throws IOException {
        assertTrue(Files.isRegularFile(README), () -> "no README.md in " + Path.of("").toAbsolutePath());
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Exit codes\n");
        assertTrue(start >= 0, "README has no '## Exit codes' section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
