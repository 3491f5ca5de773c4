package dev.ticdcctl.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Which standard streams are terminals, how wide and how high the terminal is (0 = unknown), asked only when
 * needed.
 */
public final class Terminal {
    public static final Terminal NONE = new Terminal(false, false, false, 0);

    private final boolean stdin;
    private final boolean stdout;
    private final boolean stderr;
    private final IntSupplier width;
    private final IntSupplier height;
    private final String type;
    private int knownWidth = -1;
    private int knownHeight = -1;

    public Terminal(boolean stdin, boolean stdout, boolean stderr, int width) {
        this(stdin, stdout, stderr, width, 0);
    }

    /** A terminal of a known size, such as a test's. */
    public Terminal(boolean stdin, boolean stdout, boolean stderr, int width, int height) {
        this(stdin, stdout, stderr, () -> width, () -> height, null);
    }

    /** All three streams on a terminal of this size and {@code TERM} type, such as the interactive shell's. */
    public static Terminal interactive(int width, int height, String type) {
        return new Terminal(true, true, true, () -> width, () -> height, type);
    }

    private Terminal(boolean stdin, boolean stdout, boolean stderr, IntSupplier width, IntSupplier height,
            String type) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.width = width;
        this.height = height;
        this.type = type;
    }

    public boolean stdin() {
        return stdin;
    }

    public boolean stdout() {
        return stdout;
    }

    public boolean stderr() {
        return stderr;
    }

    /** The width in columns when stdout is a terminal, else 0. */
    public int width() {
        if (knownWidth < 0) {
            knownWidth = stdout ? width.getAsInt() : 0;
        }
        return knownWidth;
    }

    /** The width in columns when stderr is a terminal, else 0: for the status line of a wait, drawn there. */
    public int stderrWidth() {
        return stderr ? (stdout ? width() : width.getAsInt()) : 0;
    }

    /** The height in lines when stdout is a terminal, else 0. */
    public int height() {
        if (knownHeight < 0) {
            knownHeight = stdout ? height.getAsInt() : 0;
        }
        return knownHeight;
    }

    /** The terminal's type as {@code TERM} names it, or null when unknown. */
    public String type() {
        return type;
    }

    /** Probes the real process: /proc on Linux, {@code System.console()} elsewhere. */
    public static Terminal probe(Map<String, String> env) {
        boolean console = System.console() != null;
        boolean in = isTty(0, console);
        boolean out = isTty(1, console);
        boolean err = isTty(2, console);
        return new Terminal(in, out, err, () -> width(env), () -> height(env), env.get("TERM"));
    }

    private static boolean isTty(int fd, boolean fallback) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return fallback;
        }
    }

    private static int width(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", ""));
        } catch (NumberFormatException e) {
            return sttySize(1);
        }
    }

    private static int height(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("LINES", ""));
        } catch (NumberFormatException e) {
            return sttySize(0);
        }
    }

    /**
     * Asks the controlling terminal its size, lines (part 0) or columns (part 1); only done when stdout is a
     * terminal, or stderr for a wait's status line, so a person is waiting anyway.
     */
    private static int sttySize(int part) {
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor(1, TimeUnit.SECONDS);
            String[] parts = answer.split("\\s+");
            return parts.length == 2 ? Integer.parseInt(parts[part]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
