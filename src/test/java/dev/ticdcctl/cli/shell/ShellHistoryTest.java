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

/** Two shells share one history file: lines are appended whole, and trimming the file drops no new line. */
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
        List<Future<?>> running = new java.util.ArrayList<>();
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
}
