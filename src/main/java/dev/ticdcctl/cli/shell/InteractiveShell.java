package dev.ticdcctl.cli.shell;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.Program;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.completion.CompletionEngine;
import dev.ticdcctl.cli.completion.Completions;
import dev.ticdcctl.cli.completion.ServerLookups;
import dev.ticdcctl.output.Style;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * Reads command lines on the terminal and runs each through {@link Program#run}, as if typed after {@code ticdcctl} and
 * the options the shell started with, until Ctrl-D or {@code exit}. A failed command shows its exit code and the
 * shell goes on; Ctrl-C clears the line being edited, or interrupts the command running, which then ends as an
 * interrupted command does (a watch with 0, others with 130).
 */
final class InteractiveShell {
    private static final List<String> LEAVE = List.of("exit", "quit");

    private final TerminalConsole console;
    private final Terminal terminal;
    private final Session session;
    private final Program program;
    private final StartOptions startOptions;
    private final CompletionEngine completion;
    /** What the prompt names: the context, else the server's address. */
    private String label;

    InteractiveShell(TerminalConsole console, Session session, Program program, CommandLine tree,
            List<String> startArgs) {
        this.console = console;
        this.terminal = console.terminal();
        this.session = session;
        this.program = program;
        this.startOptions = new StartOptions(tree.getCommandSpec(), startArgs);
        // The engine of the completion scripts, with the start options in front of every line it completes.
        this.completion = new CompletionEngine(tree, new ServerLookups(session.environment(), session.sandboxes()));
        // The context is read once: a 'config use-context' elsewhere must not move this shell to another cluster.
        String context = session.options().sandbox() ? null : session.settings().context.value();
        if (context != null) {
            startOptions.set("--context", context);
        }
        this.label = label();
    }

    int run() {
        LineReader reader = reader();
        PrintWriter screen = terminal.writer();
        screen.println(banner());
        screen.flush();
        console.shellRunning(this::useContext);
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine("ticdcctl[" + label + "]> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C while editing: a fresh line
                } catch (EndOfFileException e) {
                    screen.println();
                    break;
                }
                List<String> words = words(reader.getParsedLine().words());
                if (words.isEmpty()) {
                    continue;
                }
                if (words.size() == 1 && LEAVE.contains(words.get(0))) {
                    break;
                }
                int code = execute(words);
                if (code != 0) {
                    screen.println(session.output().style(Style.RED, "[exit " + code + "]"));
                    screen.flush();
                }
            }
        } finally {
            console.shellRunning(null);
            saveHistory(reader);
        }
        return 0;
    }

    private LineReader reader() {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("ticdcctl")
                .parser(new DefaultParser())
                .completer(this::complete)
                .history(new ShellHistory())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is common in jq filters
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
        Path history = ShellHistory.file(session.environment());
        try {
            ShellHistory.create(history);
            builder.variable(LineReader.HISTORY_FILE, history);
        } catch (IOException e) {
            session.output().warn("history is not kept: cannot create " + history + ": " + e.getMessage());
        }
        return builder.build();
    }

    private void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = words(line.words().subList(0, line.wordIndex()));
        String partial = line.word().substring(0, line.wordCursor());
        Completions found = completion.complete(startOptions.before(before), partial);
        for (Completions.Candidate c : found.candidates()) {
            if (!(before.isEmpty() && c.value().equals("shell"))) { // refused inside the shell
                candidates.add(new Candidate(c.value(), c.value(), null, c.description(), null, null, true));
            }
        }
        if (before.isEmpty()) {
            LEAVE.stream().filter(word -> word.startsWith(partial))
                    .forEach(word -> candidates.add(new Candidate(word, word, null, "Leave the shell", null, null,
                            true)));
        }
        if (found.files()) {
            new Completers.FileNameCompleter().complete(reader, line, candidates);
        }
    }

    /** The words to run: a pasted leading {@code ticdcctl} dropped, as is JLine's empty word after a space. */
    private static List<String> words(List<String> parsed) {
        List<String> words = new ArrayList<>(parsed);
        if (words.size() > 1 && words.get(words.size() - 1).isEmpty()) {
            words.remove(words.size() - 1);
        }
        if (words.size() == 1 && words.get(0).isEmpty()) {
            return List.of();
        }
        if (!words.isEmpty() && words.get(0).equals("ticdcctl")) {
            words.remove(0);
        }
        return words;
    }

    /** Runs one line on this thread, which Ctrl-C interrupts. */
    private int execute(List<String> typed) {
        Thread runner = Thread.currentThread();
        AtomicBoolean cancelled = new AtomicBoolean();
        Terminal.SignalHandler previous = terminal.handle(Signal.INT, s -> {
            cancelled.set(true);
            runner.interrupt();
        });
        PrintStream out = new PrintStream(new Unclosed(terminal.output()), true, StandardCharsets.UTF_8);
        try {
            return program.run(commandEnvironment(), out, out, startOptions.before(typed).toArray(String[]::new));
        } finally {
            terminal.handle(Signal.INT, previous);
            Thread.interrupted(); // a Ctrl-C as the command ended must not cancel the next
            if (cancelled.get()) {
                out.println(); // after the terminal's ^C, so that what follows starts a line
            }
            out.flush();
        }
    }

    /** The shell's environment, with the terminal's current size and questions asked through the shell's console. */
    private Environment commandEnvironment() {
        Environment shell = session.environment();
        return new Environment(shell.variables(), InputStream.nullInputStream(),
                dev.ticdcctl.output.Terminal.interactive(terminal.getWidth(), terminal.getHeight(), terminal.getType()),
                shell.clock(), shell.sleeper(), console::readPassword, console);
    }

    /** The context the shell's server comes from, else its server's address. */
    private String label() {
        if (session.options().sandbox()) {
            return "sandbox";
        }
        String context = session.serverContext();
        return context != null ? context : session.server().getAuthority();
    }

    /**
     * A {@code config use-context} typed in this shell moves it there. A server given at start (--server,
     * TICDCCTL_SERVER) still wins over the context's, as on any command line, and the prompt keeps naming it.
     */
    private void useContext(String name) {
        startOptions.set("--context", name);
        if (!session.options().sandbox() && session.serverContext() != null) {
            label = name;
        }
    }

    private String banner() {
        String where = session.options().sandbox() ? "the embedded sandbox"
                : session.server() + " (" + session.settings().server.source() + ")";
        return "ticdcctl shell on " + where + "\n"
                + "Type commands without 'ticdcctl'; Tab completes, 'help' lists them.\n"
                + "Ctrl-C cancels a running command; Ctrl-D or 'exit' leaves.";
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            session.output().warn("cannot save the history: " + e.getMessage());
        }
    }

    /** The terminal's stream stays open when a command's writer is closed. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
