package dev.ticdcctl.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Requirements;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code ticdcctl completion SHELL}, the scripts the build generates, and the copies committed in completions/. */
class CompletionScriptsTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final String REGENERATE = "run 'mvn -B process-test-classes -Pregenerate' and commit completions/";

    private static String printed(CompletionShell shell) {
        Cli.Result r = new Cli().run("completion", shell.name());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r.out();
    }

    @ParameterizedTest
    @EnumSource(CompletionShell.class)
    void the_committed_script_is_the_one_the_command_prints(CompletionShell shell) throws IOException {
        Path committed = PROJECT.resolve("completions").resolve(shell.fileName());

        assertTrue(Files.isRegularFile(committed), () -> committed + " is missing: " + REGENERATE);
        assertEquals(printed(shell), Files.readString(committed, StandardCharsets.UTF_8),
                () -> committed + " is stale: " + REGENERATE);
    }

    @ParameterizedTest
    @EnumSource(CompletionShell.class)
    void the_build_generates_the_script(CompletionShell shell) throws IOException {
        Path generated = PROJECT.resolve("target/generated/completions").resolve(shell.fileName());

        assertTrue(Files.isRegularFile(generated), () -> generated + " is missing: run 'mvn -B process-classes'");
        assertEquals(printed(shell), Files.readString(generated, StandardCharsets.UTF_8), generated::toString);
    }

    @ParameterizedTest
    @EnumSource(CompletionShell.class)
    void each_script_says_how_to_install_it_and_calls_the_ticdcctl_on_path(CompletionShell shell) {
        String script = printed(shell);
        String header = script.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");

        assertTrue(header.contains("Install it"), header);
        assertTrue(header.contains("ticdcctl completion " + shell.name()), header);
        assertTrue(script.contains("command ticdcctl __complete "), script);
        assertTrue(script.contains("'changefeed pause ") || script.contains(" pause "), "no command tree in the script");
        assertTrue(!script.contains(PROJECT.toString()), "a build path in the script");
    }

    @Test
    void an_unknown_shell_is_a_usage_error() {
        Cli.Result r = new Cli().run("completion", "tcsh");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("Error: Invalid value for positional parameter at index 0 (SHELL): expected one"
                + " of [bash, zsh, fish]"), r::toString);
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), r::toString);
    }

    @Test
    void the_bash_script_parses() throws Exception {
        assertParses(CompletionShell.bash, "bash", "-n");
    }

    @Test
    void the_zsh_script_parses() throws Exception {
        assertParses(CompletionShell.zsh, "zsh", "-n");
    }

    @Test
    void the_fish_script_parses() throws Exception {
        assertParses(CompletionShell.fish, "fish", "--no-execute");
    }

    /** Checks the syntax with the shell itself; skipped where that shell is not installed, failed so in CI. */
    private static void assertParses(CompletionShell shell, String... command) throws Exception {
        Requirements.requireProgram(command[0]);
        Path script = Files.createTempFile("ticdcctl-completion", "." + shell.name());
        try {
            Files.writeString(script, printed(shell));
            Process process = new ProcessBuilder(Stream.concat(Stream.of(command), Stream.of(script.toString()))
                    .toList()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no answer from " + command[0]);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertEquals("", output);
        } finally {
            Files.delete(script);
        }
    }

    /** The three scripts, one per shell, named as the shells look them up. */
    @Test
    void the_scripts_are_named_as_the_shells_look_them_up() {
        assertEquals(List.of("ticdcctl.bash", "_ticdcctl", "ticdcctl.fish"),
                Stream.of(CompletionShell.values()).map(CompletionShell::fileName).toList());
    }

    /**
     * A TAB on a command, an option or a fixed value starts no JVM: a fake {@code ticdcctl} first on PATH notes each
     * call (and offers a changefeed); it is called, with the words of the line, only for a live value.
     */
    @ParameterizedTest
    @EnumSource(CompletionShell.class)
    void only_live_values_run_ticdcctl(CompletionShell shell, @TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("calls");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = bin.resolve("ticdcctl");
        Files.writeString(fake, "#!/bin/sh\nprintf '[%s]' \"$@\" >> '" + log + "'\necho >> '" + log + "'\n"
                + "printf 'cf-fake\\tnormal\\n:0\\n'\n");
        assertTrue(fake.toFile().setExecutable(true));
        Path script = tmp.resolve(shell.fileName());
        Files.writeString(script, printed(shell));

        assertEquals(List.of("pause"), tab(shell, tmp, script, "changefeed", "p"));
        assertEquals(List.of("stopped"), tab(shell, tmp, script, "changefeed", "list", "--state", "st"));
        assertEquals(List.of("toml"), tab(shell, tmp, script, "changefeed", "export", "-o", "t"));
        assertEquals(List.of("--namespace"), tab(shell, tmp, script, "changefeed", "list", "--names"));
        assertTrue(!Files.exists(log), () -> "ticdcctl ran for static values: " + read(log));

        assertEquals(List.of("cf-fake"), tab(shell, tmp, script, "changefeed", "pause", ""));
        assertEquals(List.of("cf-fake"), tab(shell, tmp, script, "processor", "get", ""));
        // what the word is when the tables say it (a changefeed ID), not when it depends on the options given
        assertEquals("[__complete][--live=changefeed][--][changefeed][pause][]\n"
                + "[__complete][--][processor][get][]\n", read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The values (without descriptions) a TAB offers after {@code ticdcctl WORDS} in the shell, the last word being
     * completed, by calling the script's completion function with the line as the shell would set it up.
     */
    private static List<String> tab(CompletionShell shell, Path tmp, Path script, String... words) throws Exception {
        Requirements.requireProgram(shell.name());
        List<String> command = new ArrayList<>(switch (shell) {
            case bash -> List.of("bash", "--norc", "--noprofile", "-c", """
                    source "$1"; shift
                    COMP_WORDS=(ticdcctl "$@"); COMP_CWORD=$#; COMP_LINE="ticdcctl $*"; COMP_POINT=${#COMP_LINE}
                    _ticdcctl
                    (( ${#COMPREPLY[@]} == 0 )) || printf '%s\\n' "${COMPREPLY[@]}"
                    """, "bash");
            case zsh -> List.of("zsh", "-f", "-c", """
                    compdef() { :; }
                    _describe() { print -r -l -- "${(@P)4}"; }
                    _files() { print -r -- FILES; }
                    source "$1"; shift
                    words=(ticdcctl "$@"); CURRENT=$(( $# + 1 )); PREFIX=${argv[-1]}
                    _ticdcctl
                    """, "zsh");
            case fish -> List.of("fish", "--no-config", "-c",
                    "source $argv[1]; complete -C (string join ' ' -- ticdcctl $argv[2..])");
        });
        command.add(script.toString());
        command.addAll(List.of(words));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", tmp.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no answer from " + shell);
        assertEquals(0, process.exitValue(), output);
        // zsh's candidates are VALUE:DESCRIPTION, fish's VALUE<TAB>DESCRIPTION
        return output.lines().map(l -> l.replaceFirst(shell == CompletionShell.zsh ? ":.*" : "\t.*", "")).toList();
    }
}
