package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServerTest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tables on a terminal fit its width: IDs cut in the middle, codes and times whole, every header kept. */
class TablesThatFitTest extends StubServerTest {
    private static final String LONG_ID = "orders-replication-to-the-analytics-warehouse-eu-west";
    private static final String OTHER_LONG_ID = "orders-replication-to-the-analytics-warehouse-us-east";
    private static final String LONG_CODE = "CDC:ErrKafkaNewSaramaProducer";
    /** The local times a terminal shows, all one width. */
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

    /** A list of long-named changefeeds: one failed with a long code, one finished long ago, one fresh. */
    private static String list() {
        return list(LONG_CODE);
    }

    private static String list(String code) {
        return """
                {"total":3,"items":[
                 {"upstream_id":7390512345678901234,"namespace":"default","id":"%s","state":"failed",
                  "checkpoint_tso":450835120160243717,"error":{"time":"2024-07-01T10:05:01.5+08:00",
                   "addr":"10.0.0.1:8300","code":"%s","message":"snapshot lost by GC"}},
                 {"upstream_id":7390512345678901234,"namespace":"default","id":"%s","state":"finished",
                  "checkpoint_tso":450835099942912000,"error":null},
                 {"upstream_id":7390512345678901234,"namespace":"default","id":"cf-1","state":"normal",
                  "checkpoint_tso":450835120160243717,"error":null}
                ]}""".formatted(LONG_ID, code, OTHER_LONG_ID);
    }

    private Cli.Result listOn(int width, String... more) {
        server.on("GET", "/api/v2/changefeeds", 200, list());
        Cli.Result r = cli.onTerminal(width).zone(ZoneOffset.UTC)
                .run(concat(List.of("changefeed", "list", "--color", "never"), more));
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private static String[] concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static void assertFits(Cli.Result r, int width) {
        for (String line : r.out().replaceAll("\u001b\\[[0-9;]*m", "").split("\n")) {
            assertTrue(line.length() <= width, () -> "longer than " + width + ": " + line + "\n" + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void a_list_fits_the_terminal_with_every_header_and_the_error_code_whole(int width) {
        Cli.Result r = listOn(width);

        assertFits(r, width);
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("ID +STATE +CHECKPOINT +LAG +ERROR"), r::toString);
        assertTrue(r.out().contains(" " + LONG_CODE + "\n"), r::toString);
        // The IDs keep their beginning and their end, which tell these two apart.
        assertTrue(lines[1].matches("orders\\S*…\\S*west +failed .*"), r::toString);
        assertTrue(lines[2].matches("orders\\S*…\\S*east +finished .*"), r::toString);
        assertTrue(lines[3].startsWith("cf-1 "), r::toString);
    }

    @Test
    void a_code_too_long_for_the_terminal_is_still_whole_and_the_line_overflows() {
        String code = "CDC:ErrChangefeedUnretryableWithSnapshotLostByGarbageCollection";
        server.on("GET", "/api/v2/changefeeds", 200, list(code));

        Cli.Result r = cli.onTerminal(80).run("changefeed", "list", "--color", "never");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().split("\n")[0].matches("ID +STATE +CHECKPOINT +LAG +ERROR"), r::toString);
        assertTrue(r.out().contains(" " + code + "\n"), r::toString);
        assertTrue(r.out().split("\n")[1].matches("or…st +failed +.*"), r::toString);
    }

    @Test
    void times_have_one_width_and_a_finished_changefeed_has_no_lag() {
        Cli.Result r = listOn(80);

        String[] lines = r.out().split("\n");
        int column = lines[0].indexOf("CHECKPOINT");
        for (int i = 1; i < lines.length; i++) {
            assertTrue(LOCAL_TIME.matcher(lines[i].substring(column, column + 19)).matches(), r::toString);
        }
        String lag = lines[2].substring(lines[0].indexOf("LAG"), lines[0].indexOf("ERROR")).trim();
        assertEquals("-", lag, r::toString);
        assertEquals("10s", lines[3].substring(lines[0].indexOf("LAG"), lines[0].indexOf("ERROR")).trim(),
                r::toString);
    }

    @Test
    void the_widest_column_shrinks_first_and_a_table_that_fits_is_not_cut() {
        Cli.Result wide = listOn(200);

        assertTrue(wide.out().contains(LONG_ID) && !wide.out().contains("…"), wide::toString);
    }

    @Test
    void piped_output_is_never_cut_and_its_times_keep_their_milliseconds() {
        server.on("GET", "/api/v2/changefeeds", 200, list());

        Cli.Result r = cli.run("changefeed", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(LONG_ID + "   failed     2024-07-01T02:05:00.123Z   10s   " + LONG_CODE + "\n"),
                r::toString);
        // A checkpoint on a whole second keeps ".000": every time of the column has one width.
        assertTrue(r.out().contains(OTHER_LONG_ID + "   finished   2024-07-01T02:03:43.000Z   -     -\n"),
                r::toString);
    }

    @Test
    void wide_output_on_a_terminal_is_not_cut() {
        Cli.Result r = listOn(80, "-o", "wide");

        assertTrue(r.out().contains(LONG_ID) && r.out().contains(LONG_CODE) && !r.out().contains("…"),
                r::toString);
        assertTrue(r.out().startsWith("ID"), r::toString);
    }

    @Test
    void many_columns_keep_their_headers_at_80_columns() {
        server.on("GET", "/api/v2/changefeeds/" + LONG_ID + "/status", 200, """
                {"state":"normal","resolved_ts":450835121208819712,"checkpoint_ts":450835120160243717}""");

        Cli.Result r = cli.onTerminal(80).zone(ZoneOffset.UTC).run("changefeed", "status", LONG_ID, "--color", "never");

        assertEquals(0, r.exitCode(), r::toString);
        assertFits(r, 80);
        assertTrue(r.out().split("\n")[0].matches("ID +STATE +CHECKPOINT +LAG +RESOLVED_LAG +ERROR +WARNING"),
                r::toString);
        assertTrue(r.out().split("\n")[1].matches("orders-…-eu-west +normal +2024-07-01T02:05:00 .*"),
                r::toString);
    }

    @Test
    void a_password_in_a_cell_that_is_cut_stays_masked() {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, """
                {"namespace":"default","id":"cf-1","state":"normal","checkpoint_ts":450835120160243717,
                 "sink_uri":"kafka://broker-1.internal.example.com:9092/orders?sasl-password=hunter2hunter2&protocol=canal-json"}""");

        // Wide enough to show the URI up to its password, too narrow for all of it: the cut falls right after it.
        Cli.Result r = cli.onTerminal(122).run("changefeed", "get", "cf-1", "-o", "table", "--color", "never");

        assertEquals(0, r.exitCode(), r::toString);
        assertFits(r, 122);
        assertTrue(r.out().contains("sasl-password=xxxxx…\n") && !r.out().contains("hunt"), r::toString);
    }
}
