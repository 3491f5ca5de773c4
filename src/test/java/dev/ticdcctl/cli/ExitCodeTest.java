package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {
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
}
