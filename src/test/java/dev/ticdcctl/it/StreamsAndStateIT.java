package dev.ticdcctl.it;

import static dev.ticdcctl.it.Launches.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.it.Launches.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI under the shell's redirections and limits: stdout on a full disk, closed or cut short, stdin closed,
 * the contexts file written by ten processes at once and on a disk that refuses the write.
 */
class StreamsAndStateIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/ticdcctl");
    private static final Path BASH = Path.of("/bin/bash");

    @TempDir
    Path tmp;

    /** Runs a bash script in which {@code "$0"} is the launcher. */
    private Result shell(Map<String, String> env, String script) throws Exception {
        return Launches.run(tmp, BASH, env, "-c", script, LAUNCHER.toString());
    }

    private Result shell(String script) throws Exception {
        return shell(Map.of(), script);
    }

    private Map<String, String> withConfig() {
        return env("TICDCCTL_CONFIG", config().toString());
    }

    private Path config() {
        return tmp.resolve("conf/config.toml");
    }

    @Test
    void stdoutOnAFullDiskIsAnErrorWithExitOne() throws Exception {
        Result r = shell("\"$0\" tso decode 1 >/dev/full");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot write the output: No space left on device\n", r.err(), r::toString);
    }

    @Test
    void aClosedStdoutIsAnErrorWithExitOne() throws Exception {
        Result r = shell("\"$0\" tso decode 1 >&-");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot write the output: standard output is closed\n", r.err(), r::toString);
    }

    @Test
    void aReaderThatGoesAwayIsNotAnError() throws Exception {
        // The reader exits at once, long before the JVM has started: every write meets a broken pipe.
        Result r = shell("\"$0\" changefeed --help | exit 0; exit \"${PIPESTATUS[0]}\"");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void aClosedStdinIsAUsageErrorAndNotTheReadOfSomeOtherFile() throws Exception {
        for (String reader : List.of("--sink-uri -", "--sink-uri blackhole:// -f -")) {
            Result r = shell("\"$0\" changefeed create cf-1 " + reader + " --dry-run <&-");

            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertEquals("Error: standard input is closed\n", r.err(), r::toString);
        }
    }

    @Test
    void tenProcessesAddingAContextAtOnceAllSucceedAndAllContextsAreKept() throws Exception {
        Result writers = shell(withConfig(), """
                pids=()
                for i in 0 1 2 3 4 5 6 7 8 9; do
                    "$0" config set-context "ctx-$i" --server "h$i:8300" -q & pids+=($!)
                done
                failed=0
                for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
                exit "$failed"
                """);
        Result listed = shell(withConfig(), "\"$0\" config get-contexts -o json --jq '[.[].name] | sort | join(\" \")'");

        assertEquals(0, writers.exitCode(), writers::toString);
        assertEquals("", writers.err(), writers::toString);
        assertEquals("ctx-0 ctx-1 ctx-2 ctx-3 ctx-4 ctx-5 ctx-6 ctx-7 ctx-8 ctx-9\n", listed.out(), listed::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));
        assertEquals(List.of("config.toml", "config.toml.lock"), names(config().getParent()));
    }

    @Test
    void aWriteTheDiskRefusesLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        assertEquals(0, shell(withConfig(), "\"$0\" config set-context dev --server 127.0.0.1:8300 --use -q")
                .exitCode());
        String before = Files.readString(config());

        // A file size limit of 1 KiB: the JVM ignores SIGXFSZ, so the write fails with EFBIG, even for root.
        Result r = shell(env("TICDCCTL_CONFIG", config().toString(), "TICDCCTL_CDS", "off"),
                "ulimit -f 1; \"$0\" config set-context big --server \"$(printf 'h%.0s' {1..3000})\"");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("Error: cannot write the config file " + config() + ": File too large\n", r.err(), r::toString);
        assertEquals(before, Files.readString(config()));
        assertEquals(List.of("config.toml", "config.toml.lock"), names(config().getParent()));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
