package dev.ticdcctl.cli;

import dev.ticdcctl.config.Paths;
import dev.ticdcctl.output.Terminal;
import dev.ticdcctl.util.SystemClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the process gets from outside: environment variables, stdin, terminals, time. Tests supply their own. The
 * console is null off a terminal: questions are then read from stdin.
 */
public record Environment(Map<String, String> variables, InputStream stdin, Terminal terminal, Clock clock,
        Sleeper sleeper, Passwords passwords, Console console) {

    /** Without a console: questions and answers go through stderr and stdin. */
    public Environment(Map<String, String> variables, InputStream stdin, Terminal terminal, Clock clock,
            Sleeper sleeper, Passwords passwords) {
        this(variables, stdin, terminal, clock, sleeper, passwords, null);
    }

    /** Waits between polls; a seam so that waiting is not tied to the wall clock in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Reads a password without echoing it (on the terminal). */
    @FunctionalInterface
    public interface Passwords {
        char[] read(String prompt);
    }

    /**
     * Asks the person at the terminal through a line editor (JLine), which also works inside the interactive shell,
     * where the editor owns the terminal.
     */
    public interface Console {
        /** Shows the prompt and returns the line typed, or null when none was (Ctrl-C, Ctrl-D). */
        String readLine(String prompt);

        /** Shows the prompt and reads a password without echoing it; Ctrl-C declines. */
        char[] readPassword(String prompt);

        /** Whether the interactive shell runs the command: its lines are passed in-process, never on a command line. */
        default boolean insideShell() {
            return false;
        }

        /** A command made {@code name} the current context; a shell running it moves to that context. */
        default void currentContextChanged(String name) {
        }
    }

    /** Whether the command was typed in the interactive shell rather than given to a process. */
    public boolean insideShell() {
        return console != null && console.insideShell();
    }

    /**
     * Set by the launcher when the shell started it with stdin closed ({@code <&-}). Java cannot tell by itself: the
     * JVM's first open file takes the free descriptor 0, and System.in would read that file.
     */
    static final String STDIN_CLOSED_PROPERTY = "ticdcctl.stdin.closed";

    /** A stdin that was closed: every read of it is refused (exit 2). */
    public static InputStream closedStdin() {
        return new ClosedStdin();
    }

    public boolean stdinClosed() {
        return stdin instanceof ClosedStdin;
    }

    private static final class ClosedStdin extends InputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("standard input is closed");
        }
    }

    /** The process's own environment; {@code terminalConsole} opens the terminal when a question is first asked. */
    public static Environment system(Supplier<Console> terminalConsole) {
        Map<String, String> env = System.getenv();
        Terminal terminal = Terminal.probe(env);
        Console console = terminal.stdin() && terminal.stderr() ? new SystemConsole(terminalConsole) : null;
        InputStream stdin = Boolean.getBoolean(STDIN_CLOSED_PROPERTY) ? closedStdin() : System.in;
        return new Environment(env, stdin, terminal, new SystemClock(),
                d -> Thread.sleep(d.toMillis()), console != null ? console::readPassword
                        : Environment::readPasswordFromConsole, console);
    }

    /** No variables, an empty stdin, no terminal and no waiting: where the build's generators run the command tree. */
    public static Environment offline() {
        return new Environment(Map.of(), InputStream.nullInputStream(), Terminal.NONE, Clock.systemUTC(), d -> { },
                prompt -> new char[0]);
    }

    private static char[] readPasswordFromConsole(String prompt) {
        java.io.Console console = System.console();
        char[] password = console == null ? null : console.readPassword("%s", prompt);
        return password == null ? new char[0] : password;
    }

    /** Where ticdcctl's files are, from these variables; the JVM's home only when {@code $HOME} is unset. */
    public Paths paths() {
        return new Paths(variables, System.getProperty("user.home"));
    }

    /** This environment without the variables {@code names}, for settings that something else decides. */
    public Environment without(Collection<String> names) {
        Map<String, String> kept = new HashMap<>(variables);
        kept.keySet().removeAll(names);
        return new Environment(Map.copyOf(kept), stdin, terminal, clock, sleeper, passwords, console);
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The process's terminal as a console, opened on first question so that other commands never load JLine. */
    private static final class SystemConsole implements Console {
        private final Supplier<Console> open;
        private Console opened;

        SystemConsole(Supplier<Console> open) {
            this.open = open;
        }

        private Console opened() {
            if (opened == null) {
                opened = open.get();
            }
            return opened;
        }

        @Override
        public String readLine(String prompt) {
            return opened().readLine(prompt);
        }

        @Override
        public char[] readPassword(String prompt) {
            return opened().readPassword(prompt);
        }
    }
}
