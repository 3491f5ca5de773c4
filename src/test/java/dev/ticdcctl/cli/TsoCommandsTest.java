package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tso query} (POST /api/v2/tso, reference §3.22) and the offline {@code tso decode} (§1.4). */
class TsoCommandsTest extends StubServerTest {
    // ---- tso query

    @Test
    void query_prints_the_composed_tso_as_a_bare_number() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);

        Cli.Result r = cli.run("tso", "query");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(Fixtures.CHECKPOINT_TSO + "\n", r.out(), r::toString);
        assertEquals("450835120160243717\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void query_sends_an_empty_object_because_the_server_requires_a_body() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);

        Cli.Result r = cli.run("tso", "query");

        assertEquals(0, r.exitCode(), r::toString);
        StubServer.Request sent = server.last("POST", "/api/v2/tso");
        assertEquals("{}", sent.body());
        assertEquals(null, sent.query());
        assertEquals(1, server.requests().size(), () -> server.requests().toString());
    }

    @Test
    void query_quiet_still_prints_the_tso_because_it_is_data() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);

        Cli.Result r = cli.run("tso", "query", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("450835120160243717\n", r.out(), r::toString);
    }

    @Test
    void query_json_prints_the_server_body() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);

        Cli.Result r = cli.run("tso", "query", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\n  \"timestamp\": 1719799500123,\n  \"logic_time\": 5\n}\n", r.out(), r::toString);
    }

    @Test
    void query_jq_filters_the_server_body() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);

        Cli.Result r = cli.run("tso", "query", "--jq", ".logic_time");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("5\n", r.out(), r::toString);
    }

    @Test
    void query_wide_shows_a_table_with_the_utc_time() {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);

        Cli.Result r = cli.run("tso", "query", "-o", "wide");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                TSO                  UTC                        LOCAL                      PHYSICAL        LOGICAL
                450835120160243717   2024-07-01T02:05:00.123Z   2024-07-01T02:05:00.123Z   1719799500123   5
                """, r.out(), r::toString);
    }

    @Test
    void query_failure_in_pd_exits_1_with_the_server_message() {
        server.onError("POST", "/api/v2/tso", 500, "CDC:ErrInternalServerError",
                "internal server error: context deadline exceeded");

        Cli.Result r = cli.run("tso", "query");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: internal server error: context deadline exceeded (CDC:ErrInternalServerError)\n",
                r.err(), r::toString);
    }

    // ---- tso decode (offline)

    @Test
    void decode_shows_utc_local_physical_and_logical_without_a_server() {
        Cli.Result r = new Cli().run("tso", "decode", "450835120160243717");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                TSO                  UTC                        LOCAL                      PHYSICAL        LOGICAL
                450835120160243717   2024-07-01T02:05:00.123Z   2024-07-01T02:05:00.123Z   1719799500123   5
                """, r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void decode_never_touches_the_server_settings() {
        Cli.Result r = new Cli().env("TICDCCTL_SERVER", "ftp://not-a-server").run("tso", "decode",
                "450835120160243717", "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("450835120160243717   2024-07-01T02:05:00.123Z"), r::toString);
    }

    @Test
    void decode_shows_the_local_time_in_the_local_zone() {
        Cli.Result r = new Cli().zone(ZoneId.of("Asia/Shanghai")).run("tso", "decode", "450835120160243717",
                "--no-headers");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("450835120160243717   2024-07-01T02:05:00.123Z   2024-07-01T10:05:00.123+08:00   1719799500123"
                + "   5\n", r.out(), r::toString);
    }

    @Test
    void decode_json_has_the_tso_its_parts_and_both_times() {
        Cli.Result r = new Cli().run("tso", "decode", "450835120160243717", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                {
                  "tso": 450835120160243717,
                  "physical": 1719799500123,
                  "logical": 5,
                  "utc": "2024-07-01T02:05:00.123Z",
                  "local": "2024-07-01T02:05:00.123Z"
                }
                """, r.out(), r::toString);
    }

    @Test
    void decode_jq_prints_one_field() {
        Cli.Result r = new Cli().run("tso", "decode", "450835120160243717", "--jq", ".utc");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("2024-07-01T02:05:00.123Z\n", r.out(), r::toString);
    }

    @Test
    void decode_of_zero_is_the_unix_epoch() {
        Cli.Result r = new Cli().run("tso", "decode", "0", "--jq", ".utc");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("1970-01-01T00:00:00Z\n", r.out(), r::toString);
    }

    @Test
    void decode_of_the_largest_tso_keeps_every_bit() {
        Cli.Result r = new Cli().run("tso", "decode", String.valueOf(Long.MAX_VALUE), "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"tso\": 9223372036854775807,"), r::toString);
        assertTrue(r.out().contains("\"physical\": " + (Long.MAX_VALUE >>> 18) + ","), r::toString);
        assertTrue(r.out().contains("\"logical\": 262143,"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "1.5", "18446744073709551616", ""})
    void decode_of_something_that_is_not_a_tso_exits_2(String input) {
        Cli.Result r = new Cli().run("tso", "decode", input);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains("'" + input + "' is not a TSO (a non-negative 64-bit integer)"), r::toString);
        assertTrue(r.err().contains("Try 'ticdcctl tso decode --help' for more information."), r::toString);
    }

    @Test
    void decode_without_an_argument_is_a_usage_error() {
        Cli.Result r = new Cli().run("tso", "decode");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: Missing required parameter: 'TSO'"), r::toString);
    }
}
