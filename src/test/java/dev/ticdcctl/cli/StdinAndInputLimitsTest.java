package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wherever the CLI reads stdin or an input file: a closed stdin and an input beyond the cap are usage errors. */
class StdinAndInputLimitsTest {
    /** Every way of reading stdin; "FILE" marks where a file name goes in the file variants. */
    private static final String[] READERS = {
        "changefeed create cf-1 --sink-uri - --dry-run",
        "changefeed create cf-1 --sink-uri blackhole:// -f FILE --dry-run",
        "changefeed create cf-1 --sink-uri blackhole:// --config FILE --dry-run",
        "changefeed update cf-1 -f FILE",
        "changefeed update cf-1 --config FILE",
        "changefeed apply -f FILE",
        "api log --input FILE",
        "--user root --password-stdin changefeed list",
        "--user root --password-stdin config set-context dev --store-password",
    };

    @TempDir
    Path dir;

    private final StubServer server = new StubServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli cli() {
        return Cli.against(server).env("HOME", dir.toString());
    }

    private static String[] args(String reader, String file) {
        return reader.replace("FILE", file).split(" ");
    }

    /** Zeros without end, as /dev/zero gives; counts what was read. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 0);
            read += len;
            return len;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void a_closed_stdin_is_a_usage_error_and_nothing_is_sent(int reader) {
        Cli.Result r = cli().stdinClosed().run(args(READERS[reader], "-"));

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: standard input is closed\n", r.err(), r::toString);
        assertEquals(List.of(), server.requests(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void an_endless_stdin_is_refused_after_the_cap_without_reading_on(int reader) {
        Endless zeros = new Endless();

        Cli.Result r = cli().stdin(zeros).run(args(READERS[reader], "-"));

        assertEquals(2, r.exitCode(), r::toString);
        String what = READERS[reader].contains("FILE") ? "standard input" : "the line on standard input";
        assertEquals("Error: " + what + " is larger than 16 MiB\n", r.err(), r::toString);
        assertTrue(zeros.read <= Inputs.LIMIT + 8192, "read " + zeros.read + " bytes");
        assertEquals(List.of(), server.requests(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void a_file_beyond_the_cap_is_named_and_refused(int reader) throws IOException {
        Path big = dir.resolve("spec.toml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(Inputs.LIMIT + 1L); // sparse: no disk used
        }

        Cli.Result r = cli().run(args(READERS[reader], big.toString()));

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: " + big + " is larger than 16 MiB\n", r.err(), r::toString);
        assertEquals(List.of(), server.requests(), r::toString);
    }

    @Test
    void a_file_at_the_cap_is_read_whole() throws IOException {
        server.on("POST", "/api/v2/log", 200, "{}");
        byte[] body = new byte[Inputs.LIMIT];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[1] = '}';
        Path atCap = Files.write(dir.resolve("body.json"), body);

        Cli.Result r = cli().run("api", "log", "--input", atCap.toString());

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(Inputs.LIMIT, server.last("POST", "/api/v2/log").body().length());
    }
}
