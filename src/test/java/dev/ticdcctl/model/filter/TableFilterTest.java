package dev.ticdcctl.model.filter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.model.filter.TableFilter.Imports;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of tidb pkg/util/table-filter/table_filter_test.go: those {@code TestMatchTables} and
 * {@code TestMatchSchemas} parse must pass, those of {@code TestParseFailures2} fail with TiDB's message (here in
 * full where the Go test matches a pattern).
 */
class TableFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"*.*", "foo.*", "!foo1.*", "foo.bar1", "!foo.bar", "/^foo/.*", "!/^foo/./^sbtest-\\d/",
        "!foo[bar].*", "!bar?.*", "!special\\\\.*", "!/^FOO/.*", "!*./FoO$/", "!a?b?./f[0-9]/", "!/t[0-8]/.a??",
        "!a*.A*", "BAR.*", "# comment", "x.y", "   \t", "p_123$.45", "中文.表名", "\\\\\\..*", "[!a-z].[^a-z]",
        "\"some \"\"quoted\"\"\".`identifiers?`", "db*.*", "!*.cfg*", "*.cfgsample", "!S.D[!a-d]", "!S.D[a-d]",
        "!FOO*.*", "!*.*FoO", "  db.tbl  ", "/a\\/b/.c", "db.`t.b`"})
    void tidbs_accepted_rules_pass(String rule) {
        assertDoesNotThrow(() -> TableFilter.check(List.of(rule), Imports.MISSING));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        /^t[0-9]+((?!_copy).)*$/.*  | invalid pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?!`
        /^t[0-9]+sp(?=copy).*/.*    | invalid pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?=`
        a.b.c                       | syntax error: stray characters after table pattern
        a%b.c                       | unexpected special character '%'
        a\\tb.c                     | cannot escape a letter or number (\\t), it is reserved for future extension
        [].*                        | syntax error: failed to parse character class
        [!].*                       | invalid pattern: error parsing regexp: missing closing ]: `[^]$`
        [.*                         | syntax error: failed to parse character class
        [\\d\\D].*                  | syntax error: failed to parse character class
        db                          | wrong table pattern
        db.                         | syntax error: missing pattern
        `db`*.*                     | syntax error: missing '.' between schema and table patterns
        /db.*                       | syntax error: incomplete regexp
        `db.*                       | syntax error: incomplete quoted identifier
        "db.*                       | syntax error: incomplete quoted identifier
        db\\                        | syntax error: cannot place \\ at end of line
        db.tbl#not comment          | unexpected special character '#'
        !                           | syntax error: missing pattern
        [z-a].*                     | invalid pattern: error parsing regexp: invalid character class range: `z-a`
        /db(/.t                     | invalid pattern: error parsing regexp: missing closing ): `db(`
        @/etc/filters.txt           | cannot open filter file: open /etc/filters.txt: no such file or directory
        """)
    void tidbs_refused_rules_fail_with_its_message(String rule, String message) {
        String unescaped = rule.replace("\\\\", "\\");
        TableFilter.InvalidRule e = assertThrows(TableFilter.InvalidRule.class,
                () -> TableFilter.check(List.of(unescaped), Imports.MISSING));
        assertEquals("at <cmdline>:1: " + message.replace("\\\\", "\\"), e.getMessage());
    }

    @Test
    void the_first_bad_rule_is_reported_and_imports_are_left_to_the_server_when_asked() {
        TableFilter.InvalidRule e = assertThrows(TableFilter.InvalidRule.class,
                () -> TableFilter.check(List.of("ok.*", "x", "[bad"), Imports.UNCHECKED));
        assertEquals("at <cmdline>:1: wrong table pattern", e.getMessage());
        assertDoesNotThrow(() -> TableFilter.check(List.of("@/etc/filters.txt", "db.*"), Imports.UNCHECKED));
    }

    @Test
    void column_rules_have_no_schema_part() {
        assertDoesNotThrow(() -> TableFilter.checkColumns(List.of("*", "!a?", "`x.y`", "/^c[0-9]$/"),
                Imports.MISSING));
        TableFilter.InvalidRule dot = assertThrows(TableFilter.InvalidRule.class,
                () -> TableFilter.checkColumns(List.of("a.b"), Imports.MISSING));
        assertEquals("at <cmdline>:1: unexpected special character '.'", dot.getMessage());
        TableFilter.InvalidRule stray = assertThrows(TableFilter.InvalidRule.class,
                () -> TableFilter.checkColumns(List.of("`a`b"), Imports.MISSING));
        assertEquals("at <cmdline>:1: syntax error: stray characters after column pattern", stray.getMessage());
    }

    @Test
    void the_event_types_of_each_server_are_those_of_its_allow_list() {
        assertEquals(41, IgnoreEventTypes.CLASSIC_V8_5_0.size());
        assertTrue(IgnoreEventTypes.CLASSIC_V8_5_0.containsAll(List.of("all dml", "insert", "drop schema",
                "multi schema change")));
        assertTrue(IgnoreEventTypes.NEW_ARCHITECTURE.containsAll(IgnoreEventTypes.CLASSIC_V8_5_0));
        assertTrue(IgnoreEventTypes.NEW_ARCHITECTURE.containsAll(List.of("add foreign key", "create hybrid index")));
        assertTrue(!IgnoreEventTypes.ANY_SERVER.contains("inserts") && !IgnoreEventTypes.ANY_SERVER.contains("INSERT"));
    }
}
