package dev.ticdcctl.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.SandboxTest;
import dev.ticdcctl.testing.VirtualScreen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticdcctl shell}, driven through a JLine terminal over in-memory streams: keys in, screen out. */
class ShellTest extends SandboxTest {
    private static final int WIDTH = 100;

    @TempDir
    Path state;

    private PipedOutputStream keys;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private org.jline.terminal.Terminal terminal;
    private CompletableFuture<Cli.Result> shell;

    /** Starts {@code ticdcctl --server SANDBOX [startArgs] shell} on a fresh terminal. */
    private void start(String... startArgs) {
        start(cli, startArgs);
    }

    private void start(Cli base, String... startArgs) {
        keys = new PipedOutputStream();
        try {
            terminal = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keys, 1 << 16), written,
                    StandardCharsets.UTF_8);
            terminal.setSize(new Size(WIDTH, 30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cli shellCli = base.console(new TerminalConsole(terminal)).terminal(new Terminal(true, true, true, WIDTH, 30))
                .env("XDG_STATE_HOME", state.toString()).args(startArgs);
        shell = CompletableFuture.supplyAsync(() -> shellCli.run("shell"));
        awaitScreen(s -> s.endsWith("]>"));
    }

    private void type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String raw() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private VirtualScreen screen() {
        return VirtualScreen.of(raw(), WIDTH);
    }

    private void awaitScreen(Predicate<String> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(screen().toString())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; the screen shows:\n" + screen() + "\nRAW:" + raw().replace("\u001b", "ESC").replace("\u0007", "BEL"));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Cli.Result leave() {
        type("\u0004");
        try {
            return shell.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the shell did not end; the screen shows:\n" + screen(), e);
        }
    }

    @AfterEach
    void closeTerminal() throws IOException {
        if (shell != null && !shell.isDone()) {
            keys.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    /** The last line on screen, where the prompt and what is typed show. */
    private String lastLine() {
        List<String> lines = screen().lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Types a line and waits until it ran: a fresh prompt follows it. */
    private void runLine(String line) {
        int prompts = prompts();
        type(line + "\r");
        awaitScreen(s -> prompts() > prompts);
    }

    private int prompts() {
        return (int) screen().lines().stream().filter(l -> l.contains(PROMPT)).count();
    }

    private static final String PROMPT = "ticdcctl[";

    private Cli.Result exitWith(String how) {
        type(how);
        try {
            return shell.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the shell did not end; the screen shows:\n" + screen(), e);
        }
    }

    private void createChangefeed(String id) {
        Cli.Result r = cli.run("changefeed", "create", id, "--sink-uri", "blackhole://");
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void commands_run_against_the_server_until_ctrl_d_leaves_with_0() {
        createChangefeed("cf-a");
        start();

        runLine("changefeed list");
        Cli.Result r = exitWith("\u0004");

        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = screen().lines();
        String server = sandbox.url().toString();
        assertEquals("ticdcctl shell on " + server + " (flag --server)", lines.get(0), screen()::toString);
        assertEquals("Ctrl-C cancels a running command; Ctrl-D or 'exit' leaves.", lines.get(2));
        String prompt = "ticdcctl[" + sandbox.url().getAuthority() + "]> ";
        assertEquals(prompt + "changefeed list", lines.get(3), screen()::toString);
        assertTrue(lines.get(4).matches("ID +STATE +CHECKPOINT +LAG +ERROR"), screen()::toString);
        assertTrue(lines.get(5).matches("cf-a +normal .*"), screen()::toString);
        assertEquals(prompt.strip(), lines.get(6), screen()::toString);
    }

    @Test
    void exit_leaves_too_and_a_pasted_program_name_is_ignored() {
        createChangefeed("cf-a");
        start();

        runLine("ticdcctl changefeed list");
        Cli.Result r = exitWith("exit\r");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(screen().toString().contains("\ncf-a "), screen()::toString);
    }

    @Test
    void tab_completes_commands_and_the_changefeed_ids_of_the_server() {
        createChangefeed("orders");
        createChangefeed("payments");
        start();

        type("changefeed pa\t");
        awaitScreen(s -> lastLine().endsWith("> changefeed pause"));
        type("or\t");
        awaitScreen(s -> lastLine().endsWith("> changefeed pause orders"));
        type("--ti\t");
        awaitScreen(s -> lastLine().endsWith("> changefeed pause orders --timeout"));
        type("\u0003");
        awaitScreen(s -> lastLine().equals(PROMPT + sandbox.url().getAuthority() + "]>"));
        // 'shell' is refused inside the shell, so Tab does not offer it: the line runs as typed.
        type("she\t\r");
        awaitScreen(s -> s.contains("[exit 2]") && lastLine().equals(PROMPT + sandbox.url().getAuthority() + "]>"));
        assertTrue(screen().toString().contains("unknown command 'she'"), screen()::toString);

        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void with_sandbox_one_embedded_sandbox_serves_every_line(@TempDir Path sandboxState) {
        start(new Cli().clock(clock).env("TICDCCTL_SANDBOX_DIR", sandboxState.toString()), "--sandbox");

        runLine("status --debug -q");
        runLine("status --debug -q");

        // The debug trace names the address each request went to: an embedded sandbox per line would change it.
        List<String> requests = screen().toString().lines().filter(l -> l.startsWith("> GET ")).toList();
        assertEquals(2, requests.size(), screen()::toString);
        assertEquals(requests.get(0), requests.get(1), screen()::toString);
        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void a_failed_command_shows_its_exit_code_and_the_shell_goes_on() {
        start();

        runLine("changefeed get missing");
        runLine("changefeed lsit");
        runLine("tso decode 450835120160243717");

        String text = screen().toString();
        assertTrue(text.contains("\nError: " + notFoundError("missing") + "\n"), text);
        assertTrue(text.contains("\n[exit 3]\n"), text);
        assertTrue(text.contains("\n[exit 2]\n"), text);
        assertTrue(raw().contains("\u001b[31m[exit 3]"), "red on a terminal");
        assertTrue(text.contains("2024-07-01"), text);
        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void options_given_at_start_apply_to_every_line_and_one_typed_replaces_them() {
        createChangefeed("cf-a");
        start("-o", "json");

        runLine("changefeed list");
        runLine("changefeed list -o table");

        String text = screen().toString();
        assertTrue(text.contains("\"id\": \"cf-a\""), text);
        assertTrue(text.matches("(?s).*\nID +STATE +CHECKPOINT.*"), text);
        assertFalse(text.contains("[exit"), text);
        exitWith("\u0004");
    }

    @Test
    void ctrl_c_cancels_the_running_command_and_the_shell_stays() {
        createChangefeed("cf-a");
        // Each pause between polls takes a real minute here, so that a command is surely still running when Ctrl-C
        // comes, however slow the machine; the interrupt ends the pause at once.
        cli.sleeper(d -> {
            clock.sleep(d);
            Thread.sleep(60_000);
        });
        start();

        type("changefeed list --watch\r");
        awaitScreen(s -> s.contains("Ctrl-C to stop"));
        int prompts = prompts();
        type("\u0003");
        awaitScreen(s -> prompts() > prompts);
        assertFalse(screen().toString().contains("[exit"), "a watch ends with 0:\n" + screen());

        type("changefeed wait cf-a --for state=failed\r");
        // Ctrl-C once the command runs (its first output), not while the line is still being read.
        awaitScreen(s -> s.contains("changefeed \"cf-a\": normal"));
        int before = prompts();
        type("\u0003");
        awaitScreen(s -> prompts() > before);

        // The terminal echoes ^C as the key is pressed; this test terminal's echo may land a little later.
        String text = screen().toString().replace("^C", "");
        assertTrue(text.matches("(?s).*\nError: interrupted\n\n?\\[exit 130]\n.*"), text);
        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void a_confirmation_is_asked_at_the_terminal() {
        createChangefeed("cf-a");
        start();

        type("changefeed delete cf-a\r");
        awaitScreen(s -> s.endsWith("[y/N]"));
        type("n\r");
        awaitScreen(s -> s.contains("[exit 7]"));
        type("changefeed delete cf-a\r");
        awaitScreen(s -> s.endsWith("[y/N]"));
        runLine("y");

        String text = screen().toString();
        assertTrue(text.contains("\nchangefeed \"cf-a\" deleted"), text);
        assertEquals(1, text.split("\\[exit", -1).length - 1, text);
        exitWith("\u0004");
    }

    @Test
    void the_shell_stays_on_its_context_when_another_process_switches_and_follows_a_switch_typed_in_it(
            @TempDir Path home) {
        try (Sandbox other = start(Sandbox.Options.defaults()
                .withClock(clock))) {
            Cli elsewhere = new Cli().clock(clock).env("HOME", home.toString());
            assertEquals(0, elsewhere.run("config", "set-context", "a", "--server", sandbox.url().toString(), "--use")
                    .exitCode());
            assertEquals(0, elsewhere.run("config", "set-context", "b", "--server", other.url().toString())
                    .exitCode());
            createChangefeed("on-a");
            assertEquals(0, new Cli().clock(clock).run("--server", other.url().toString(), "changefeed", "create",
                    "on-b", "--sink-uri", "blackhole://").exitCode());
            start(new Cli().clock(clock).env("HOME", home.toString()));

            Cli.Result moved = elsewhere.run("config", "use-context", "b");
            runLine("changefeed list");

            assertEquals(0, moved.exitCode(), moved::toString);
            String text = screen().toString();
            assertTrue(text.contains("\non-a "), text);
            assertFalse(text.contains("\non-b "), text);
            assertEquals("ticdcctl[a]>", lastLine(), text);

            runLine("config use-context b");
            runLine("changefeed list");
            type("changefeed delete on-b\r");
            awaitScreen(s -> s.endsWith("[y/N]"));

            text = screen().toString();
            assertTrue(text.contains("\non-b "), text);
            assertTrue(text.contains("\nticdcctl[b]> changefeed list"), text);
            assertTrue(text.contains("Delete changefeed \"on-b\" in namespace default of cluster b (" + other.url()
                    + ")? It is normal"), text);
            runLine("n");
            assertEquals(0, exitWith("\u0004").exitCode());
        }
    }

    @Test
    void the_password_prompt_does_not_echo() {
        try (Sandbox secured = start(Sandbox.Options.defaults()
                .withAuth("root", "s3cret-pw").withClock(clock))) {
            start(new Cli().clock(clock), "--server", secured.url().toString(), "--user", "root");

            type("changefeed pause cf-x\r");
            awaitScreen(s -> s.endsWith("Password for root:"));
            runLine("s3cret-pw");

            String text = screen().toString();
            assertTrue(text.contains("Error: changefeed not exists"), "authenticated, then not found:\n" + text);
            assertFalse(raw().contains("s3cret"), text);
            exitWith("\u0004");
        }
    }

    @Test
    void a_sink_uri_read_with_dash_is_typed_without_echo() {
        start();

        type("changefeed create cf-s --sink-uri - --no-wait\r");
        awaitScreen(s -> s.endsWith("Sink URI (not echoed):"));
        runLine("mysql://root:s3cret@127.0.0.1:3306/");

        String text = screen().toString();
        assertTrue(text.contains("\nchangefeed \"cf-s\" created"), text);
        assertFalse(raw().contains("s3cret"), text);
        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void no_process_list_warning_for_a_secret_typed_in_the_shell() {
        start();

        runLine("changefeed create cf-p --sink-uri mysql://root:s3cret@127.0.0.1:3306/ --no-wait");
        tick(); // listed once the owner has loaded it
        runLine("changefeed list --password hunter2");

        String text = screen().toString();
        assertTrue(text.contains("\nchangefeed \"cf-p\" created"), text);
        assertTrue(text.contains("\ncf-p "), text);
        assertFalse(text.contains("process list"), text);
        assertFalse(text.contains("[exit"), text);
        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void history_is_kept_without_secrets_and_comes_back_next_time() throws IOException {
        start();
        runLine("tso decode 1");
        runLine("changefeed list --password hunter2");
        exitWith("\u0004");

        Path history = state.resolve("ticdcctl").resolve("history");
        String kept = Files.readString(history);
        assertTrue(kept.contains("tso decode 1"), kept);
        assertFalse(kept.contains("hunter2"), kept);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(history)));

        written.reset();
        start();
        type("\u001bOA"); // Up, as xterm sends it in the editor's application mode
        awaitScreen(s -> lastLine().endsWith("> tso decode 1"));
        type("\u0003");
        awaitScreen(s -> lastLine().endsWith("]>"));
        exitWith("\u0004");
    }

    @Test
    void the_shell_is_not_started_inside_itself() {
        start();

        runLine("shell");

        String text = screen().toString();
        assertTrue(text.contains("\nError: already in the shell\nHint: type the command itself, e.g. 'changefeed"
                + " list'\n[exit 2]"), text);
        assertEquals(0, exitWith("\u0004").exitCode());
    }

    @Test
    void off_a_terminal_the_shell_is_refused() {
        Cli.Result r = cli.run("shell");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: the shell needs a terminal\nHint: run commands directly, e.g. 'ticdcctl changefeed"
                + " list'\n", r.err(), r::toString);
    }
}
