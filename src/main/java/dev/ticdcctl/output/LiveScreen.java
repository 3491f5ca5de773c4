package dev.ticdcctl.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.InfoCmp;

/**
 * Redraws a status line and a snapshot in place on the terminal, with JLine's {@link Display}: only what changed is
 * rewritten, and the last snapshot stays on screen when the watch ends. The only class that uses JLine, so no other
 * command loads it.
 *
 * <p>JLine drives stdout as given (a terminal type's escape sequences over a stream) rather than opening the system
 * terminal: the terminal stays in its normal mode, so Ctrl-C reaches the process as SIGINT, and tests see exactly
 * what a terminal would receive.
 */
final class LiveScreen implements WatchView {
    private static final String FALLBACK_TYPE = "xterm-256color";

    private final DumbTerminal terminal;
    private final Display display;
    private final int width;
    private final int height;
    private List<AttributedString> snapshot = List.of();
    private List<AttributedString> shown = List.of();

    LiveScreen(PrintWriter out, String type, int width, int height) {
        this.width = width > 0 ? width : 80;
        this.height = height;
        try {
            terminal = new DumbTerminal("ticdcctl", knownType(type), InputStream.nullInputStream(),
                    new WriterStream(out), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.setSize(new Size(this.width, Math.max(height, 1)));
        display = new Display(terminal, false);
        terminal.puts(Capability.cursor_invisible);
    }

    /** Whether a terminal of this {@code TERM} can be redrawn in place (a dumb one cannot move its cursor). */
    static boolean drives(String type) {
        return type == null || !type.startsWith("dumb");
    }

    /** The type's capabilities as JLine ships them; the nearest shipped relative for other types. */
    private static String knownType(String type) {
        if (type == null || InfoCmp.getLoadedInfoCmp(type) == null) {
            return type != null && (type.startsWith("screen") || type.startsWith("tmux")) ? "screen-256color"
                    : FALLBACK_TYPE;
        }
        return type;
    }

    @Override
    public boolean appends() {
        return false;
    }

    @Override
    public void show(String status, String text) {
        List<AttributedString> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(AttributedString.fromAnsi(line));
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).length() == 0) {
            lines.remove(lines.size() - 1);
        }
        snapshot = lines;
        draw(status);
    }

    @Override
    public void problem(String status, String message) {
        draw(status);
    }

    private void draw(String status) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(AttributedString.fromAnsi(status).columnSubSequence(0, width));
        // The cursor rests on the line below, so a full terminal shows one line less than its height.
        int room = height > 0 ? height - 1 : Integer.MAX_VALUE;
        if (snapshot.size() + 1 <= room) {
            lines.addAll(snapshot);
        } else {
            int kept = Math.max(room - 2, 0);
            lines.addAll(snapshot.subList(0, kept));
            lines.add(new AttributedString("… " + (snapshot.size() - kept) + " more lines"));
        }
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i).columnSubSequence(0, width));
        }
        display.resize(height > 0 ? height : lines.size() + 1, width);
        display.update(lines, -1);
        shown = lines;
    }

    @Override
    public void close() {
        // Below the last snapshot, which stays for the record, with the cursor shown again.
        display.update(shown, shown.size() * (width + 1));
        terminal.puts(Capability.cursor_normal);
        terminal.writer().print("\u001b[0m");
        terminal.flush();
    }

    /** JLine writes encoded bytes; they reach stdout's writer as whole characters, at each flush. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pending.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            out.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
