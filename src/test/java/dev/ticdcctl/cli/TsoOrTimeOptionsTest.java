package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Options that take a TSO take an ISO-8601 time with a zone too: {@link TsoConverter}. */
class TsoOrTimeOptionsTest extends StubServerTest {
    private static final String CF = "/api/v2/changefeeds/cf-1";

    @TempDir
    Path dir;

    @Test
    void create_sends_the_tsos_of_the_given_times() {
        server.on("POST", "/api/v2/verify_table", 200, "{\"eligible_tables\":[]}");
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://",
                "--start-ts", "2024-07-01T10:05:00.123+08:00", "--target-ts", "2024-07-01T03:00:00Z", "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"namespace\":\"default\",\"changefeed_id\":\"cf-1\",\"start_ts\":450835120160243712,"
                + "\"target_ts\":450835985203200000,\"sink_uri\":\"blackhole://\"}",
                server.last("POST", "/api/v2/changefeeds").body());
    }

    @Test
    void update_sends_the_tso_of_the_target_time() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("PUT", CF, 200, Fixtures.changefeed("cf-1", "stopped"));

        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--target-ts", "2024-07-02T00:00:00Z", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"target_ts\":450855803289600000}", server.last("PUT", CF).body());
    }

    @Test
    void resume_overwrites_the_checkpoint_with_the_tso_of_the_time() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "stopped"));
        server.on("POST", CF + "/resume", 200, "{}");

        Cli.Result r = cli.run("changefeed", "resume", "cf-1", "--overwrite-checkpoint-ts", "2024-07-01T02:05:00.123Z",
                "--yes", "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"overwrite_checkpoint_ts\":450835120160243712}", server.last("POST", CF + "/resume").body());
    }

    @Test
    void waiting_for_a_checkpoint_takes_a_time() {
        server.on("GET", CF, 200, Fixtures.changefeed("cf-1", "normal"));

        Cli.Result r = cli.run("changefeed", "wait", "cf-1", "--for", "checkpoint=1970-01-01T00:00:01Z");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("at or past"), r::toString);
    }

    @Test
    void resolve_lock_sends_the_tso_of_the_time() {
        server.on("POST", "/api/v2/unsafe/resolve_lock", 200, "{}");

        Cli.Result r = cli.run("unsafe", "resolve-lock", "--region", "7", "--ts", "2024-07-01T02:05:00.123Z", "--yes");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"region_id\":7,\"ts\":450835120160243712}",
                server.last("POST", "/api/v2/unsafe/resolve_lock").body());
    }

    @Test
    void a_time_without_a_zone_is_a_usage_error_with_a_hint_and_nothing_is_sent() {
        Cli.Result r = cli.run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://",
                "--start-ts", "2024-07-01T10:05:00");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: Invalid value for option '--start-ts': '2024-07-01T10:05:00' has no"
                + " time zone, so the time it means is ambiguous\n"
                + "Hint: add Z for UTC or an offset such as +08:00, e.g. 2024-07-01T10:05:00Z\n"
                + "Usage: ticdcctl changefeed create "), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "abc                  | 'abc' is neither a TSO (e.g. 450835120160243717) nor an ISO-8601 time with a zone",
        "-5                   | '-5' is not a TSO (a non-negative 64-bit integer)",
        "0                    | a TSO must be positive",
        "1970-01-01T00:00:00Z | a TSO must be positive",
        "1969-12-31T23:59:59Z | 1969-12-31T23:59:59Z is before the Unix epoch",
        "9999-01-01T00:00:00Z | 9999-01-01T00:00:00Z is after 3084-12-12T12:41:28.831Z",
    })
    void a_bad_value_is_a_usage_error_and_nothing_is_sent(String value, String message) {
        Cli.Result r = cli.run("changefeed", "update", "cf-1", "--target-ts", value, "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: Invalid value for option '--target-ts': " + message), r::toString);
        assertFalse(r.err().contains("Hint:"), r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void the_converter_reads_tsos_and_times_for_code_that_calls_it_directly() {
        TsoConverter converter = new TsoConverter();

        assertEquals(Fixtures.CHECKPOINT_TSO, converter.convert("450835120160243717").value());
        assertEquals(450835120160243712L, converter.convert("2024-07-01T10:05:00.123+08:00").value());
        TsoConverter.HintedConversionException e = assertThrows(TsoConverter.HintedConversionException.class,
                () -> converter.convert("2024-07-01 10:05:00.123"));
        assertEquals("add Z for UTC or an offset such as +08:00, e.g. 2024-07-01T10:05:00.123Z", e.hint());
    }

    // ---- spec files (-f) take the same times, as strings or as TOML/YAML date-times

    static Stream<Arguments> specsWithTimes() {
        return Stream.of(Arguments.of("cf.toml", """
                        id = "cf-1"
                        sink-uri = "blackhole://"
                        start-ts = 2024-07-01T10:05:00.123+08:00
                        target-ts = "2024-07-01T03:00:00Z"
                        """),
                Arguments.of("cf.yaml", """
                        id: cf-1
                        sink_uri: blackhole://
                        start_ts: 2024-07-01T10:05:00.123+08:00
                        target_ts: 450835985203200000
                        """),
                Arguments.of("cf.json", """
                        {"id": "cf-1", "sink_uri": "blackhole://", "start_ts": "2024-07-01T02:05:00.123Z",
                         "target_ts": "2024-07-01T03:00:00Z"}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specsWithTimes")
    void a_spec_file_takes_times_for_its_tsos(String name, String text) throws Exception {
        Path spec = dir.resolve(name);
        Files.writeString(spec, text);

        Cli.Result r = cli.run("changefeed", "create", "-f", spec.toString(), "--dry-run");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"start_ts\" : 450835120160243712,\n  \"target_ts\" : 450835985203200000,"),
                r::toString);
        assertTrue(server.requests().isEmpty(), () -> server.requests().toString());
    }

    @Test
    void a_time_without_a_zone_in_a_spec_file_exits_2_naming_the_file_and_key() throws Exception {
        Path spec = dir.resolve("cf.toml");
        Files.writeString(spec, "id = \"cf-1\"\nsink-uri = \"blackhole://\"\nstart-ts = 2024-07-01T10:05:00\n");

        Cli.Result r = cli.run("changefeed", "create", "-f", spec.toString(), "--dry-run");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: " + spec + ": 'start-ts': '2024-07-01T10:05:00' has no time zone, so the time it means"
                + " is ambiguous; add Z for UTC or an offset such as +08:00, e.g. 2024-07-01T10:05:00Z\n", r.err(),
                r::toString);
    }


    static Stream<Arguments> specsStartingNow() {
        return Stream.of(Arguments.of("cf.toml", "id = \"cf-1\"\nsink-uri = \"blackhole://\"\nstart-ts = 0\n"),
                Arguments.of("cf.toml", "id = \"cf-1\"\nsink-uri = \"blackhole://\"\nstart-ts = \"now\"\n"),
                Arguments.of("cf.yaml", "id: cf-1\nsink_uri: blackhole://\nstart_ts: now\n"),
                Arguments.of("cf.json", "{\"id\": \"cf-1\", \"sink_uri\": \"blackhole://\", \"start_ts\": 0}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("specsStartingNow")
    void start_ts_0_or_now_in_a_spec_file_starts_now_as_the_flag_does(String name, String text) throws Exception {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", "/api/v2/verify_table", 200, "{\"eligible_tables\":[]}");
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));
        Path spec = dir.resolve(name);
        Files.writeString(spec, text);

        Cli.Result r = cli.run("changefeed", "create", "-f", spec.toString(), "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(server.last("POST", "/api/v2/changefeeds").body().contains("start_ts"),
                () -> server.last("POST", "/api/v2/changefeeds").body());
    }
}
