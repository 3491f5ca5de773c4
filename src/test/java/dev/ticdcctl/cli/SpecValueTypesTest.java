package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value of the wrong type in a JSON or YAML spec is a usage error found locally, as in TOML: exit 2, the file and
 * the key's path, never the value (it may be a secret), and nothing sent.
 */
class SpecValueTypesTest extends StubServerTest {
    private static final String SECRET = "s3cr3t-value";

    @TempDir
    Path dir;

    /** A spec's config member in JSON, its YAML twin, and the path the error must name. */
    static Stream<Arguments> wrongValues() {
        List<String[]> values = List.of(
                new String[] {"\"memory_quota\": \"" + SECRET + "\"", "memory_quota: \"" + SECRET + "\"",
                    "'config.memory_quota' must be an integer"},
                new String[] {"\"case_sensitive\": \"" + SECRET + "\"", "case_sensitive: \"" + SECRET + "\"",
                    "'config.case_sensitive' must be true or false"},
                new String[] {"\"memory_quota\": -1", "memory_quota: -1",
                    "'config.memory_quota' is out of range (0 to 18446744073709551615)"},
                new String[] {"\"filter\": {\"rules\": \"" + SECRET + "\"}", "filter:\n    rules: \"" + SECRET + "\"",
                    "'config.filter.rules' must be an array of strings"},
                new String[] {"\"sink\": {\"dispatchers\": [{\"matcher\": [1]}]}",
                    "sink:\n    dispatchers:\n      - matcher: [1]",
                    "'config.sink.dispatchers[0].matcher[0]' must be a string"},
                new String[] {"\"sink\": {\"protocol\": {\"a\": \"" + SECRET + "\"}}",
                    "sink:\n    protocol:\n      a: \"" + SECRET + "\"", "'config.sink.protocol' must be a string"},
                new String[] {"\"mounter\": 5", "mounter: 5", "'config.mounter' must be an object"});
        List<Arguments> cases = new ArrayList<>();
        for (String command : List.of("create", "update", "apply")) {
            for (String[] value : values) {
                cases.add(Arguments.of(command, "json", "{\"id\": \"cf-1\", \"sink_uri\": \"blackhole://\","
                        + " \"config\": {" + value[0] + "}}", value[2]));
                cases.add(Arguments.of(command, "yaml", "id: cf-1\nsink_uri: blackhole://\nconfig:\n  "
                        + value[1] + "\n", value[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -f {1}: {3}")
    @MethodSource("wrongValues")
    void a_value_of_the_wrong_type_exits_2_naming_the_file_and_the_key(String command, String format, String spec,
            String message) throws IOException {
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "stopped"));
        Path file = Files.writeString(dir.resolve("cf-1." + format), spec);

        Cli.Result r = cli.run("changefeed", command, "-f", file.toString(), "--yes");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: " + file + ": " + message + "\n", r.err());
        assertFalse(r.err().contains(SECRET), r::toString);
        assertEquals(List.of(), server.mutations(), "nothing sent");
    }

    @Test
    void keys_this_version_does_not_know_and_null_values_pass_to_the_server() throws IOException {
        server.on("POST", "/api/v2/tso", 200, Fixtures.TSO);
        server.on("POST", "/api/v2/verify_table", 200, "{}");
        server.on("POST", "/api/v2/changefeeds", 200, Fixtures.changefeed("cf-1", "normal"));
        Path file = Files.writeString(dir.resolve("cf-1.json"), "{\"id\": \"cf-1\", \"sink_uri\": \"blackhole://\","
                + " \"config\": {\"future_setting\": \"x\", \"memory_quota\": null, \"changefeed_error_stuck_duration\":"
                + " \"30m\", \"sink\": {\"future\": [1]}}}");

        Cli.Result r = cli.run("changefeed", "create", "-f", file.toString(), "--no-wait");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(server.last("POST", "/api/v2/changefeeds").body().contains("\"future_setting\":\"x\""),
                () -> server.requests().toString());
    }
}
