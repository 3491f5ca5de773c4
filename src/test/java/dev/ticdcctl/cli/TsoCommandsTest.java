package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import dev.ticdcctl.testing.StubServerTest;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tso query} (POST /api/v2/tso, tiflow cdc/api/v2/tso.go QueryTso) and the offline {@code tso decode} and {@code encode}. */
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

    // ---- tso encode (offline)

    /** 2024-07-01T02:05:00.123Z: the physical part of {@link Fixtures#CHECKPOINT_TSO}, logical 0. */
    private static final String AT_CHECKPOINT = "450835120160243712";

    @Test
    void encode_prints_the_tso_of_a_time_as_a_bare_number() {
        Cli.Result r = new Cli().run("tso", "encode", "2024-07-01T02:05:00.123Z");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(AT_CHECKPOINT + "\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-07-01T02:05:00.123Z", "2024-07-01t02:05:00.123z", "2024-07-01T10:05:00.123+08:00",
        "2024-06-30T21:05:00.123-05:00", "2024-07-01 10:05:00.123+08:00", "2024-07-01T02:05:00.123+00:00"})
    void encode_takes_any_zone_and_gives_the_tso_of_the_instant(String time) {
        Cli.Result r = new Cli().run("tso", "encode", time);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(AT_CHECKPOINT + "\n", r.out(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-07-01T02:05:00.123456Z", "2024-07-01T02:05:00.123999999Z"})
    void encode_drops_digits_finer_than_a_millisecond(String time) {
        Cli.Result r = new Cli().run("tso", "encode", time);

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(AT_CHECKPOINT + "\n", r.out(), r::toString);
    }

    @Test
    void encode_then_decode_gives_the_same_instant() {
        Cli.Result encoded = new Cli().run("tso", "encode", "2024-07-01T10:05:00.123+08:00");
        Cli.Result decoded = new Cli().run("tso", "decode", encoded.out().strip(), "--jq", ".utc");

        assertEquals(0, decoded.exitCode(), decoded::toString);
        assertEquals("2024-07-01T02:05:00.123Z\n", decoded.out(), decoded::toString);
    }

    @Test
    void decode_then_encode_with_the_logical_part_gives_the_same_tso() {
        Cli.Result encoded = new Cli().run("tso", "encode", "2024-07-01T02:05:00.123Z", "--logical", "5");

        assertEquals(0, encoded.exitCode(), encoded::toString);
        assertEquals(Fixtures.CHECKPOINT_TSO + "\n", encoded.out(), encoded::toString);
    }

    @Test
    void encode_now_reads_the_clock() {
        Cli.Result r = new Cli().run("tso", "encode", "now", "--jq", ".tso, .utc");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("450835122781683712\n2024-07-01T02:05:10.123Z\n", r.out(), r::toString);
        assertEquals(Cli.NOW, Instant.parse(r.out().lines().toList().get(1)));
    }

    @Test
    void encode_json_has_the_shape_of_decode_json() {
        Cli.Result r = new Cli().zone(ZoneId.of("Asia/Shanghai")).run("tso", "encode",
                "2024-07-01T10:05:00.123+08:00", "--logical", "5", "-o", "json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                {
                  "tso": 450835120160243717,
                  "physical": 1719799500123,
                  "logical": 5,
                  "utc": "2024-07-01T02:05:00.123Z",
                  "local": "2024-07-01T10:05:00.123+08:00"
                }
                """, r.out(), r::toString);
    }

    @Test
    void encode_wide_shows_the_decode_table() {
        Cli.Result r = new Cli().run("tso", "encode", "2024-07-01T02:05:00.123Z", "-o", "wide");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                TSO                  UTC                        LOCAL                      PHYSICAL        LOGICAL
                450835120160243712   2024-07-01T02:05:00.123Z   2024-07-01T02:05:00.123Z   1719799500123   0
                """, r.out(), r::toString);
    }

    @Test
    void encode_covers_the_whole_range_of_a_tso() {
        Cli.Result first = new Cli().run("tso", "encode", "1970-01-01T00:00:00Z");
        Cli.Result last = new Cli().run("tso", "encode", "3084-12-12T12:41:28.831999Z", "--logical", "262143");

        assertEquals("0\n", first.out(), first::toString);
        assertEquals(Long.MAX_VALUE + "\n", last.out(), last::toString);
    }

    @Test
    void encode_needs_no_server() {
        Cli.Result r = new Cli().env("TICDCCTL_SERVER", "ftp://not-a-server")
                .run("--server", "http://127.0.0.1:1", "tso", "encode", "2024-07-01T02:05:00.123Z");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(AT_CHECKPOINT + "\n", r.out(), r::toString);
        assertFalse(dev.ticdcctl.cli.root.Cli.mayUseServer("tso", "encode", "now"), "prepares no HTTP client");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-07-01T10:05:00     | 2024-07-01T10:05:00Z",
        "2024-07-01 10:05:00.123 | 2024-07-01T10:05:00.123Z",
        "2024-07-01              | 2024-07-01T00:00:00Z",
    })
    void encode_of_a_time_without_a_zone_exits_2_with_a_hint(String time, String suggested) {
        Cli.Result r = new Cli().run("tso", "encode", time);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("Error: '" + time + "' has no time zone, so the time it means is ambiguous\n"
                + "Hint: add Z for UTC or an offset such as +08:00, e.g. " + suggested + "\n", r.err(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "abc                          | 'abc' is not an ISO-8601 time with a zone (e.g. 2024-07-01T10:05:00Z",
        "450835120160243717           | '450835120160243717' is not an ISO-8601 time with a zone",
        "2024-13-01T00:00:00Z         | Invalid value for MonthOfYear (valid values 1 - 12): 13",
        "1969-12-31T23:59:59.999Z     | 1969-12-31T23:59:59.999Z is before the Unix epoch",
        "1970-01-01T07:59:59+08:00    | 1969-12-31T23:59:59Z is before the Unix epoch",
        "3084-12-12T12:41:28.832Z     | is after 3084-12-12T12:41:28.831Z, the last time a TSO can hold",
        "+12024-07-01T00:00:00Z       | +12024-07-01T00:00:00Z is after 3084-12-12T12:41:28.831Z",
    })
    void encode_of_what_is_not_an_encodable_time_exits_2(String time, String message) {
        Cli.Result r = new Cli().run("tso", "encode", time);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
        assertTrue(r.err().contains(message), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @ParameterizedTest(name = "--logical {0}")
    @ValueSource(strings = {"-1", "262144"})
    void encode_with_a_logical_part_out_of_range_exits_2(String logical) {
        Cli.Result r = new Cli().run("tso", "encode", "now", "--logical", logical);

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: the logical part of a TSO is 0..262143, not " + logical + "\n", r.err(), r::toString);
    }
}
