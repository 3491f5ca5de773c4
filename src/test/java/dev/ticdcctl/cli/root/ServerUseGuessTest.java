package dev.ticdcctl.cli.root;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which invocations start preparing the HTTP client and JSON mapper before the command line is parsed. */
class ServerUseGuessTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "changefeed list                          | true",
        "--server http://h:8300 changefeed get cf | true",
        "tso query                                | true",
        "tso decode 450835120160243717            | false",
        "--context prod tso decode 1              | false",
        "tso encode now                           | false",
        "--server http://h:8300 tso encode now    | false",
        "config view                              | false",
        "sandbox --port 0                         | false",
        "help changefeed create                   | false",
        "changefeed create --help                 | false",
        "--version                                | false",
        "--context prod shell                     | true",
        "completion bash                          | false",
        "__complete -- changefeed pause cf        | true",
        "''                                       | true",
    })
    void offline_commands_are_recognised_from_their_words(String line, boolean expected) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(expected, Cli.mayUseServer(args), line);
    }

    /** Which invocations start reading the command model's annotations before the command line is parsed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "changefeed list                          | true",
        "tso decode 450835120160243717            | true",
        "help changefeed                          | true",
        "changefeed --help                        | true",
        "--version                                | false",
        "-V                                       | false",
        "help                                     | false",
        "--help                                   | false",
        "''                                       | false",
        "__complete -- changefeed pause cf        | true",
        "__complete --live=changefeed -- x        | false",
    })
    void runs_that_print_a_copy_build_no_model(String line, boolean expected) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(expected, Cli.buildsModel(args), line);
    }
}
