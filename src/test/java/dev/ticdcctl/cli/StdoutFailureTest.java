package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A write to stdout that fails is never a silent success; a reader that went away is not an error. */
class StdoutFailureTest {
    private final StubServer server = new StubServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Accepts {@code room} bytes, then fails every write as a full disk does. */
    private static final class FullDisk extends OutputStream {
        private final ByteArrayOutputStream accepted = new ByteArrayOutputStream();
        private final int room;
        private final String error;

        FullDisk(int room, String error) {
            this.room = room;
            this.error = error;
        }

        @Override
        public void write(int b) throws IOException {
            if (accepted.size() >= room) {
                throw new IOException(error);
            }
            accepted.write(b);
        }

        String accepted() {
            return accepted.toString(StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("tso", "decode", "1"), 0),
                Arguments.of(List.of("tso", "decode", "1"), 40),
                Arguments.of(List.of("changefeed", "list"), 0),
                Arguments.of(List.of("changefeed", "get", "cf-1", "-o", "json"), 100),
                Arguments.of(List.of("changefeed", "--help"), 200),
                Arguments.of(List.of("config", "get-contexts", "-o", "yaml"), 0));
    }

    @ParameterizedTest(name = "{0} with room for {1} bytes")
    @MethodSource("commands")
    void a_full_disk_is_an_error_with_its_cause(List<String> args, int room) {
        server.on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());
        server.on("GET", "/api/v2/changefeeds/cf-1", 200, Fixtures.changefeed("cf-1", "normal"));
        FullDisk disk = new FullDisk(room, "No space left on device");

        Cli.Result r = Cli.against(server).env("HOME", "/nonexistent")
                .stdout(CheckedStdout.remembering(disk)).run(args.toArray(String[]::new));

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot write the output: No space left on device\n", r.err(), r::toString);
        assertTrue(disk.accepted().length() <= room, disk::accepted);
    }

    @Test
    void any_stream_that_reports_an_error_fails_the_run() {
        PrintStream failing = new PrintStream(new FullDisk(0, "Input/output error"), true, StandardCharsets.UTF_8);

        Cli.Result r = new Cli().stdout(failing).run("tso", "decode", "1");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot write the output: the write failed\n", r.err(), r::toString);
    }

    @Test
    void a_reader_that_went_away_is_not_an_error() {
        FullDisk pipe = new FullDisk(10, "Broken pipe");

        Cli.Result r = new Cli().stdout(CheckedStdout.remembering(pipe)).run("changefeed", "--help");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void a_quiet_run_that_writes_nothing_succeeds_on_a_full_disk(@TempDir Path home) {
        FullDisk disk = new FullDisk(0, "No space left on device");

        Cli.Result r = new Cli().env("HOME", home.toString()).stdout(CheckedStdout.remembering(disk))
                .run("config", "set-context", "dev", "--server", "127.0.0.1:8300", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
    }
}
