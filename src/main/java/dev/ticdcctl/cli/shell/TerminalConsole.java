package dev.ticdcctl.cli.shell;

import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.cli.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Questions asked on a JLine terminal: the answer is edited as on any line, a password is not echoed at all, and
 * neither enters the shell's history. The shell hands its own to the commands it runs, so that their questions
 * work while it owns the terminal.
 */
public final class TerminalConsole implements Environment.Console {
    private final Terminal terminal;
    private LineReader reader;
    private volatile Consumer<String> contextChanges;

    public TerminalConsole(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The process's terminal, asking on stderr as every prompt does (stdout carries data). */
    public static TerminalConsole system() {
        return new TerminalConsole(open(TerminalBuilder.builder().systemOutput(TerminalBuilder.SystemOutput.SysErr)));
    }

    /**
     * The process's terminal for the shell, on stdout. Ctrl-C is left to the shell: between commands it is ignored,
     * while one runs it cancels that one, never the process.
     */
    static TerminalConsole systemForShell() {
        return new TerminalConsole(open(TerminalBuilder.builder().signalHandler(Terminal.SignalHandler.SIG_IGN)));
    }

    /** The system terminal through {@code stty}: the jar carries none of JLine's native libraries. */
    private static Terminal open(TerminalBuilder builder) {
        try {
            return builder.name("ticdcctl").system(true).providers("exec").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JLine terminal the questions are asked on, for a command that takes the whole screen. */
    public Terminal terminal() {
        return terminal;
    }

    /** The process's terminal on stdout, for a command that takes the whole screen; the caller closes it. */
    public static Terminal systemScreen() {
        return open(TerminalBuilder.builder());
    }

    /** Whether a shell is reading commands from this terminal: one cannot start another inside it. */
    @Override
    public boolean insideShell() {
        return contextChanges != null;
    }

    /** Marks the shell running, told of every change of the current context made by its commands; null: ended. */
    void shellRunning(Consumer<String> contextChanges) {
        this.contextChanges = contextChanges;
    }

    @Override
    public void currentContextChanged(String name) {
        Consumer<String> listener = contextChanges;
        if (listener != null) {
            listener.accept(name);
        }
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader().readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public char[] readPassword(String prompt) {
        try {
            return reader().readLine(prompt, LineReaderImpl.NULL_MASK).toCharArray();
        } catch (UserInterruptException | EndOfFileException e) {
            throw new CliException.Declined("no password given");
        }
    }

    private LineReader reader() {
        if (reader == null) {
            reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.DISABLE_HISTORY, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        }
        return reader;
    }
}
