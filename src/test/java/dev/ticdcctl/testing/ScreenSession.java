package dev.ticdcctl.testing;

import dev.ticdcctl.cli.shell.TerminalConsole;
import dev.ticdcctl.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The CLI running on a JLine terminal over in-memory streams, as a person would use it: keys typed in, the screen read
 * back through a {@link VirtualScreen}, the terminal resized. For the commands that take the whole screen.
 */
public final class ScreenSession implements AutoCloseable {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ExternalTerminal terminal;
    private CompletableFuture<Cli.Result> run;
    private int width;

    /** A terminal of this size, showing {@code before} (a shell prompt, say) on its normal screen. */
    public ScreenSession(int width, int height, String before) {
        this.width = width;
        try {
            terminal = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keys, 1 << 16), written,
                    StandardCharsets.UTF_8);
            terminal.setSize(new Size(width, height));
            written.write(before.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code args} with {@code cli} on this terminal, in the background. */
    public ScreenSession start(Cli cli, String... args) {
        Size size = terminal.getSize();
        Cli onTerminal = cli.console(new TerminalConsole(terminal))
                .terminal(new Terminal(true, true, true, size.getColumns(), size.getRows()));
        run = CompletableFuture.supplyAsync(() -> onTerminal.run(args));
        return this;
    }

    public void type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes the terminal's size and tells the program, as a terminal emulator does (SIGWINCH). */
    public void resize(int columns, int rows) {
        width = Math.max(width, columns);
        terminal.setSize(new Size(columns, rows));
        terminal.raise(org.jline.terminal.Terminal.Signal.WINCH);
    }

    /** Everything written to the terminal so far. */
    public String raw() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** The screen as it is now, as wide as the widest the terminal was. */
    public VirtualScreen screen() {
        return VirtualScreen.of(raw(), width);
    }

    /** Waits (at most 10s) until the screen shows what {@code condition} looks for; returns that screen. */
    public VirtualScreen await(Predicate<VirtualScreen> condition) {
        return await(condition, () -> { });
    }

    /** As {@link #await(Predicate)}, doing {@code meanwhile} between looks (a step of the clock, say). */
    public VirtualScreen await(Predicate<VirtualScreen> condition, Runnable meanwhile) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            VirtualScreen screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; the screen shows:\n" + screen);
            }
            meanwhile.run();
            LockSupport.parkNanos(2_000_000); // the program draws on its own threads
        }
    }

    /** Waits (at most 10s) for the program to end. */
    public Cli.Result result() {
        try {
            return run.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the program did not end; the screen shows:\n" + screen(), e);
        }
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }
}
