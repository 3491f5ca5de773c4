package dev.ticdcctl.cli.root;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a run starts preparing on the second core before the command line is parsed, guessed from its words: the
 * command model's annotations (unless it prints a copy or builds no model) and the HTTP client (unless it is offline).
 */
class ServerUseGuessTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "changefeed list                          | true  | true",
        "--server http://h:8300 changefeed get cf | true  | true",
        "tso query                                | true  | true",
        "tso decode 450835120160243717            | true  | false",
        "--context prod tso decode 1              | true  | false",
        "tso encode now                           | true  | false",
        "--server http://h:8300 tso encode now    | true  | false",
        "config view                              | true  | false",
        "sandbox --port 0                         | true  | false",
        "help changefeed create                   | true  | false",
        "changefeed create --help                 | true  | false",
        "--version                                | false | false",
        "-V                                       | false | false",
        "help                                     | false | false",
        "--help                                   | false | false",
        "--context prod shell                     | true  | true",
        "completion bash                          | true  | false",
        "__complete -- changefeed pause cf        | true  | true",
        "__complete --live=changefeed -- x        | false | true",
        "''                                       | false | true",
    })
    void what_a_run_prepares_is_recognised_from_its_words(String line, boolean model, boolean server) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(model, Cli.buildsModel(args), line + ": model");
        assertEquals(server, Cli.mayUseServer(args), line + ": server");
    }
}
