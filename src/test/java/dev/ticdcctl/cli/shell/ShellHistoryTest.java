package dev.ticdcctl.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history keeps no line with a secret; two shells share one file: lines are appended whole, and trimming the
 * file drops no new line.
 */
class ShellHistoryTest {
    private static final int KEPT = 4;
    private static final int LINES = 300;

    @TempDir
    Path state;

    /** A shell's history as the shell sets it up, on a terminal that is not used. */
    private ShellHistory history(Path file) throws IOException {
        Terminal terminal = TerminalBuilder.builder().dumb(true).system(false)
                .streams(InputStream.nullInputStream(), OutputStream.nullOutputStream()).build();
        ShellHistory history = new ShellHistory();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(history)
                .variable(LineReader.HISTORY_FILE, file).variable(LineReader.HISTORY_FILE_SIZE, KEPT).build();
        history.attach(reader); // as the first readLine does
        return history;
    }

    @Test
    void two_shells_entering_lines_at_once_keep_the_newest_lines_of_both_whole() throws Exception {
        Path file = state.resolve("ticdcctl/history");
        ShellHistory.create(file);
        List<ShellHistory> shells = List.of(history(file), history(file));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            ShellHistory shell = shells.get(s);
            String name = "shell-" + s;
            running.add(threads.submit(() -> {
                for (int i = 0; i < LINES; i++) {
                    together.await(10, TimeUnit.SECONDS);
                    shell.add(Instant.now(), "changefeed get " + name + "-line-" + i); // saved at once, then trimmed
                }
                return null;
            }));
        }
        for (Future<?> run : running) {
            run.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().allMatch(l -> l.matches("\\d+:changefeed get shell-[01]-line-\\d+")), lines::toString);
        for (int s = 0; s < 2; s++) {
            for (int i = LINES - 1; i < LINES; i++) { // the newest line of each: never trimmed
                String line = "changefeed get shell-" + s + "-line-" + i;
                assertTrue(lines.stream().anyMatch(l -> l.endsWith(":" + line)), () -> line + " kept: " + lines);
            }
        }
        // Each shell counts only its own lines, so the file may grow to twice JLine's threshold before a trim.
        assertTrue(lines.size() <= 2 * (KEPT + KEPT / 4), lines::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "changefeed create x --sink-uri mysql://root:pw@db:3306/ | true",
        "changefeed create x --sink-uri 'mysql://root:p@ss@db:3306/' | true",
        "changefeed update x --sink-uri \"kafka://k:9092/t?protocol=canal-json&sasl-password=pw\" | true",
        "changefeed create x --sink-uri s3://b/p?secret-access-key=s | true",
        "changefeed create x --sink-uri s3://b/p?access-key=a | true",
        "changefeed list --password hunter2 | true",
        "changefeed list --password=hunter2 | true",
        "sandbox --auth root:pw | true",
        "api log -H 'Authorization: Bearer t' | true",
        "api log -H 'X-Auth-Token: t' | true",
        "api log -H 'X-Api-Key: k' | true",
        "api log -H 'Cookie: session=abc' | true",
        "`api log --input - -H \"Proxy-Authorization: Basic eDp5\"` | true",
        "config set-context prod --server https://u:pw@cdc:8300 | true",
        "changefeed create x --sink-uri mysql://root@db:3306/ | false",
        "changefeed create x --sink-uri kafka://k:9092/t?sasl-user=alice@corp | false",
        "api log -H 'X-Request-Id: 42' | false",
        "changefeed list --server http://127.0.0.1:8300 | false",
        "tso decode 1 | false",
    })
    void a_line_holding_a_secret_is_not_kept(String line, boolean secret) {
        assertEquals(secret, ShellHistory.holdsSecret(line));
    }
}
