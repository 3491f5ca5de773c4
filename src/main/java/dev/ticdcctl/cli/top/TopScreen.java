package dev.ticdcctl.cli.top;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal while top owns it: raw (each key at once, no echo; Ctrl-C a key rather than a signal, so that quitting
 * always restores the screen), on the alternate screen with the cursor hidden. {@link #close} puts everything back:
 * the screen as it was before, the cursor, the terminal's modes and the resize handler.
 */
final class TopScreen implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;
    private final Terminal.SignalHandler previousResize;
    private final NonBlockingReader reader;

    private TopScreen(Terminal terminal, Runnable onResize) {
        this.terminal = terminal;
        saved = terminal.enterRawMode();
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ISIG), false);
        terminal.setAttributes(raw);
        previousResize = terminal.handle(Terminal.Signal.WINCH, signal -> onResize.run());
        reader = terminal.reader();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.cursor_invisible);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
    }

    /** Takes over {@code terminal}; {@code onResize} is called (on a signal thread) when its size changes. */
    static TopScreen open(Terminal terminal, Runnable onResize) {
        return new TopScreen(terminal, onResize);
    }

    /** The size now: columns and rows, never below 1. */
    Size size() {
        Size size = terminal.getSize();
        return new Size(Math.max(size.getColumns(), 1), Math.max(size.getRows(), 1));
    }

    /** A character typed, waiting at most {@code millis}; see {@link Key.Source}. */
    int read(long millis) throws IOException {
        return reader.read(millis);
    }

    /** Writes every line at its place, clearing what each leaves of its row; the cursor stays hidden. */
    void draw(List<String> lines) {
        StringBuilder frame = new StringBuilder();
        for (int row = 0; row < lines.size(); row++) {
            // cursor addressing, as the terminal's type writes it, then the line, then clear to its end
            frame.append(Curses.tputs(terminal.getStringCapability(Capability.cursor_address), row, 0))
                    .append(lines.get(row)).append("\u001b[0m\u001b[K");
        }
        terminal.writer().write(frame.toString());
        terminal.flush();
    }

    @Override
    public void close() {
        terminal.puts(Capability.exit_ca_mode);
        terminal.puts(Capability.cursor_normal);
        terminal.flush();
        terminal.setAttributes(saved);
        terminal.handle(Terminal.Signal.WINCH, previousResize);
    }
}
