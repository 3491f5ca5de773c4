package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParseErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`Unrecognized token 'hunter2': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')` | `Unrecognized token: was expecting (JSON String, Number, Array, Object or token null, true"
            + " or false)`",
        "`Cannot deserialize value of type `int` from String \"s3cr3t\": not a valid `int` value`"
            + " | `Cannot deserialize value of type `int` from String: not a valid `int` value`",
        "`Unexpected character ('}' (code 125)): was expecting double-quote to start field name`"
            + " | `Unexpected character '}': was expecting double-quote to start field name`",
        "`Unexpected character ('h' (code 104)): was expecting comma to separate Object entries`"
            + " | `Unexpected character: was expecting comma to separate Object entries`",
        "`Unrecognized character escape 'q' (code 113)` | `Unrecognized character escape`",
        "`Unrecognized token 'it's': was expecting ...` | `Unrecognized token: was expecting ...`",
        "`Duplicate key` | `Duplicate key`",
        "`mapping values are not allowed here\n in 'reader', line 2, column 9:\n    sink_uri: a: hunter2` "
            + "| `mapping values are not allowed here`",
    })
    void a_message_keeps_what_is_wrong_and_loses_the_value(String message, String shown) {
        assertEquals(shown, ParseErrors.withoutValues(message));
    }
}
