package dev.ticdcctl.cli.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What an operator types out of cdc cli habit and ticdcctl does not take is answered with where it went. */
class CdcCliHabitsTest extends StubServerTest {
    /** A pointer: exit 2, the Error line and the Hint line and nothing else, and no request sent. */
    private void assertPointer(Cli.Result r, String error, String hint) {
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: " + error + "\nHint: " + hint + "\n", r.err(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(server.requests().isEmpty(), () -> "nothing is sent: " + server.requests());
    }

    private void assertPointer(Cli.Result r, CdcCliHabits.Answer answer) {
        assertPointer(r, answer.error(), answer.hint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "changefeed list --pd http://127.0.0.1:2379 | --pd is not taken: ticdcctl talks to a TiCDC server, not to PD"
            + " | --server",
        "--pd=http://127.0.0.1:2379 tso query | --pd is not taken | 'tso query' asks PD through that server",
        "changefeed list --log-level debug | --log-level set cdc cli's own log | --debug traces each request",
        "changefeed statistics -c cf-1 | 'changefeed statistics' is cdc cli's | 'ticdcctl changefeed list --watch'",
        "cf statistics -c cf-1 --interval 5 | 'changefeed statistics' is cdc cli's | 'ticdcctl changefeed status ID'",
        "configure-credentials | 'configure-credentials' is cdc cli's | ticdcctl config set-context NAME",
        "cli configure-credentials | 'configure-credentials' is cdc cli's | ticdcctl config set-context NAME",
        "cli changefeed list | ticdcctl takes cdc cli's commands without 'cli' | type 'ticdcctl changefeed ...'",
        "unsafe reset --pd http://127.0.0.1:2379 | 'unsafe reset' has no TiCDC server API | cdc cli unsafe reset",
        "changefeed create cf-1 --sink-uri blackhole:// --sort-engine unified | --sort-engine is gone | drop the flag",
        "changefeed create cf-1 --sink-uri blackhole:// --sort-dir /tmp | --sort-dir is gone | data-dir",
        "changefeed create cf-1 --sink-uri blackhole:// --tz Asia/Shanghai | --tz is gone | ?time-zone=",
        "changefeed create cf-1 --sink-uri blackhole:// --cyclic-replica-id 1 | cyclic replication was removed"
            + " | bdr-mode = true",
        "changefeed create cf-1 --sink-uri blackhole:// --opts max-txn-row=1 | --opts is gone | sink URI's query",
        "changefeed cyclic create-marktables | 'changefeed cyclic' is gone | bdr-mode = true",
    })
    void a_cdc_cli_habit_is_answered_with_where_it_went(String args, String error, String hint) {
        Cli.Result r = cli.run(args.split(" "));

        assertEquals(2, r.exitCode(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("Error: ") && lines.get(0).contains(error), r::toString);
        assertTrue(lines.get(1).startsWith("Hint: ") && lines.get(1).contains(hint), r::toString);
        assertTrue(server.requests().isEmpty(), () -> "nothing is sent: " + server.requests());
    }

    static Stream<Arguments> habitOptions() {
        List<Arguments> cases = new ArrayList<>();
        CdcCliHabits.OPTIONS.forEach((option, answer) -> {
            cases.add(Arguments.of(List.of("changefeed", "create", "cf-1", "--sink-uri", "blackhole://", option, "x"),
                    answer));
            cases.add(Arguments.of(List.of(option + "=x", "changefeed", "list"), answer));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("habitOptions")
    void every_cdc_cli_option_of_the_table_is_answered_on_any_command(List<String> args, CdcCliHabits.Answer answer) {
        assertPointer(cli.run(args.toArray(String[]::new)), answer);
    }

    @Test
    void every_cdc_cli_command_of_the_table_is_answered() {
        CdcCliHabits.COMMANDS.forEach((path, answer) -> {
            assertPointer(cli.run(path.split(" ")), answer);
        });
    }

    @Test
    void a_typo_that_is_no_habit_still_gets_its_suggestion_and_synopsis() {
        Cli.Result r = cli.run("changefeed", "list", "--stat", "normal");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: unknown option '--stat'\nHint: did you mean '--state'?\nUsage: "),
                r::toString);
    }
}
