package dev.ticdcctl.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.Requirements;
import dev.ticdcctl.testing.StubServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed completion scripts in the shells, calling the packaged launcher as {@code ticdcctl} on PATH: what a
 * user gets after installing them.
 */
class CompletionIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path BASH_SCRIPT = PROJECT.resolve("completions/ticdcctl.bash");
    private static final Path FISH_SCRIPT = PROJECT.resolve("completions/ticdcctl.fish");

    private final StubServer server = new StubServer()
            .on("GET", "/api/v2/changefeeds", 200, Fixtures.changefeedList());

    @TempDir
    Path tmp;

    private Path bin;

    @BeforeEach
    void putTheLauncherOnPath() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("ticdcctl"), PROJECT.resolve("bin/ticdcctl"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        Files.delete(bin.resolve("ticdcctl")); // before JUnit walks into the link's target
    }

    record Outcome(int exitCode, List<String> out, String err) {}

    private Outcome shell(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", tmp.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = pb.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), () -> "no answer from " + List.of(command));
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** COMPREPLY after bash's completion function ran on {@code words} (as bash splits them), the last completed. */
    private List<String> bash(String... words) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "-c", """
                source "$1"; shift
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                _ticdcctl
                (( ${#COMPREPLY[@]} == 0 )) || printf '%s\\n' "${COMPREPLY[@]}"
                """, "bash", BASH_SCRIPT.toString()));
        command.addAll(List.of(words));
        Outcome outcome = shell(command.toArray(String[]::new));
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("", outcome.err(), outcome::toString);
        return outcome.out();
    }

    @Test
    void bash_completes_commands() throws Exception {
        assertEquals(List.of("pause"), bash("ticdcctl", "changefeed", "p"));
        assertTrue(bash("ticdcctl", "").containsAll(List.of("changefeed", "capture", "completion", "help")));
    }

    @Test
    void bash_completes_option_values_also_after_an_equals_sign() throws Exception {
        assertEquals(List.of("auto", "always", "never"), bash("ticdcctl", "changefeed", "list", "--color", ""));
        // bash splits '--output=j' at '=' and replaces only what follows it
        assertEquals(List.of("json"), bash("ticdcctl", "--output", "=", "j"));
        assertEquals(List.of("stopped"), bash("ticdcctl", "changefeed", "list", "--state", "=", "st"));
    }

    @Test
    void bash_completes_file_paths_for_file_options() throws Exception {
        Files.writeString(tmp.resolve("changefeed.toml"), "");

        assertEquals(List.of("changefeed.toml"), bash("ticdcctl", "changefeed", "create", "--config", "chan"));
    }

    @Test
    void bash_completes_the_changefeed_ids_of_the_server_on_the_line() throws Exception {
        String port = server.url().substring(server.url().lastIndexOf(':') + 1);

        // '--server 127.0.0.1:PORT' as bash splits it, at ':'
        assertEquals(List.of("cf-kafka", "cf-mysql"),
                bash("ticdcctl", "--server", "127.0.0.1", ":", port, "changefeed", "pause", ""));
        assertEquals(List.of("cf-mysql"),
                bash("ticdcctl", "--server", "127.0.0.1", ":", port, "changefeed", "get", "cf-m"));
    }

    @Test
    void bash_offers_nothing_and_prints_nothing_when_the_server_is_down() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertEquals(List.of(),
                bash("ticdcctl", "--server", "127.0.0.1", ":", Integer.toString(closedPort), "changefeed", "pause", ""));
    }

    @Test
    void fish_completes_commands_values_and_changefeed_ids() throws Exception {
        Requirements.requireProgram("fish");

        assertEquals(List.of("pause\tPause changefeeds and wait until they are stopped"), fish("ticdcctl changefeed p"));
        assertEquals(List.of("always", "auto", "never"), fish("ticdcctl --color "));
        assertEquals(List.of("cf-kafka\tnormal", "cf-mysql\tfailed"),
                fish("ticdcctl --server " + server.url() + " changefeed pause "));
    }

    /** What fish offers for the line (fish sorts the candidates). */
    private List<String> fish(String line) throws Exception {
        Outcome outcome = shell("fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]",
                FISH_SCRIPT.toString(), line);
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("", outcome.err(), outcome::toString);
        return outcome.out();
    }
}
