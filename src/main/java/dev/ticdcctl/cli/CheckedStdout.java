package dev.ticdcctl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Stdout whose failed writes are noticed. PrintStream and PrintWriter swallow write errors, so a full disk, /dev/full
 * or a closed stdout would end in exit 0 with the output lost (a truncated export committed to Git). This remembers
 * the first failure, drops what follows, and turns it into {@code Error: cannot write the output: ...} and exit 1.
 * A reader that went away (a broken pipe, as with {@code | head -1}) is not an error: the user stopped reading.
 */
public final class CheckedStdout extends OutputStream {
    /** Set by the launcher when the shell started it with stdout closed ({@code >&-}). */
    static final String CLOSED_PROPERTY = "ticdcctl.stdout.closed";

    private final PrintStream target;
    private IOException failure;

    public CheckedStdout(PrintStream target) {
        this.target = target;
    }

    /** The process's stdout, as a stream that keeps the cause of its first failure for {@link #report}. */
    public static PrintStream system() {
        OutputStream fd = Boolean.getBoolean(CLOSED_PROPERTY) ? new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("standard output is closed");
            }
        } : new FileOutputStream(FileDescriptor.out);
        return remembering(fd);
    }

    /** A PrintStream over {@code target} that keeps the cause of its first failure for {@link #report}. */
    static PrintStream remembering(OutputStream target) {
        return new Remembering(target);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        target.write(bytes, offset, length);
        check();
    }

    @Override
    public void flush() throws IOException {
        if (failure == null) {
            check();
        }
    }

    /** Flushes the target and asks whether it failed: PrintStream only says so through checkError. */
    private void check() throws IOException {
        if (target.checkError()) {
            failure = target instanceof Remembering r && r.memo.failure != null ? r.memo.failure
                    : new IOException("the write failed");
            throw failure;
        }
    }

    /** The exit code once the command returned {@code code}: 1 after a failed write, reported on {@code err}. */
    public int report(int code, PrintWriter err) {
        if (failure == null || isBrokenPipe(failure)) {
            return code;
        }
        err.println("Error: cannot write the output: " + failure.getMessage());
        err.flush();
        return code == ExitCode.OK.code() ? ExitCode.FAILED.code() : code;
    }

    private static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** A PrintStream that keeps the first exception its stream threw. */
    private static final class Remembering extends PrintStream {
        private final Memo memo;

        Remembering(OutputStream fd) {
            this(new Memo(fd));
        }

        private Remembering(Memo memo) {
            super(memo, false);
            this.memo = memo;
        }
    }

    private static final class Memo extends FilterOutputStream {
        private IOException failure;

        Memo(OutputStream fd) {
            super(fd);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
