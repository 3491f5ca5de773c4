package dev.ticdcctl.model.filter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's own cases: the errors of regexp/all_test.go {@code badRe} and the patterns of regexp/syntax/parse_test.go
 * {@code invalidRegexps} (but those over Go's size and depth limits), and patterns it parses.
 */
class GoRegexpTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        *           | missing argument to repetition operator: `*`
        +           | missing argument to repetition operator: `+`
        ?           | missing argument to repetition operator: `?`
        (abc        | missing closing ): `(abc`
        abc)        | unexpected ): `abc)`
        x[a-z       | missing closing ]: `[a-z`
        [z-a]       | invalid character class range: `z-a`
        abc\\       | trailing backslash at end of expression: ``
        a**         | invalid nested repetition operator: `**`
        a*+         | invalid nested repetition operator: `*+`
        a*??        | invalid nested repetition operator: `*??`
        \\x         | invalid escape sequence: `\\x`
        \\8         | invalid escape sequence: `\\8`
        \\1         | invalid escape sequence: `\\1`
        \\C         | invalid escape sequence: `\\C`
        \\Q\\E*     | missing argument to repetition operator: `*`
        (?i)*       | missing argument to repetition operator: `*`
        ~a|*~       | missing argument to repetition operator: `*`
        x{1001}     | invalid repeat count: `{1001}`
        x{2,1}      | invalid repeat count: `{2,1}`
        x{1,9876543210} | invalid repeat count: `{1,9876543210}`
        a{2}{3}     | invalid nested repetition operator: `{2}{3}`
        ((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}){2}) | invalid repeat count: `{2}`
        (?P<name>a  | missing closing ): `(?P<name>a`
        (?P<name    | invalid named capture: `(?P<name`
        (?P<x y>a)  | invalid named capture: `(?P<x y>`
        (?<>a)      | invalid named capture: `(?<>`
        (?P=x)      | invalid or unsupported Perl syntax: `(?P`
        (?i-)       | invalid or unsupported Perl syntax: `(?i-)`
        (?--i)      | invalid or unsupported Perl syntax: `(?--`
        [a-Z]       | invalid character class range: `a-Z`
        [[:foo:]]   | invalid character class range: `[:foo:]`
        \\p{Klingon} | invalid character class range: `\\p{Klingon}`
        \\pX        | invalid character class range: `\\pX`
        \\p{Han     | invalid character class range: `\\p{Han`
        [a-\\d]     | invalid escape sequence: `\\d`
        \\x{110000} | invalid escape sequence: `\\x{110000`
        \\x{}       | invalid escape sequence: `\\x{}`
        \\xZ1       | invalid escape sequence: `\\xZ1`
        """)
    void refused_patterns_fail_with_gos_message(String pattern, String message) {
        GoRegexp.SyntaxError e = assertThrows(GoRegexp.SyntaxError.class,
                () -> GoRegexp.check(pattern.replace("\\\\", "\\")));
        assertEquals("error parsing regexp: " + message.replace("\\\\", "\\"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a*?", "a+?b??", "x{2}", "x{2,}", "x{2,5}?", "x{,5}", "x{", "{a}", "a{2}b{3}",
        "(?i)abc", "(?i:a|b)+", "(?P<name>a)", "(?<name>a)", "(?s-m:.)", "^$\\A\\z\\b\\B", "[]a]", "[^]a]", "[a-]",
        "[\\]\\-]", "[\\d-z]", "[[:alpha:][:^digit:]]", "\\pL\\p{Han}\\P{^Greek}\\p{Any}", "\\d\\S\\w",
        "\\x41\\x{1F600}\\101\\0",
        "\\Qa*b\\E+", "a*(?i)*", "(a{500}){2}", "\\.\\*\\_", "(?s)^[^]$]$", "a|b|", "()", "(|)"})
    void accepted_patterns_pass(String pattern) {
        assertDoesNotThrow(() -> GoRegexp.check(pattern));
    }
}
