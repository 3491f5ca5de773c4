package dev.ticdcctl.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the CLI reads from files and stdin (specs, cdc-cli config files, {@code api --input}, sink URIs, passwords,
 * answers): never more than {@link #LIMIT}, so an endless stdin such as /dev/zero is refused instead of filling the
 * memory, and never from a closed stdin, where the launcher reports one.
 */
final class Inputs {
    /** The cap of every input; far above any changefeed spec. */
    static final int LIMIT = 16 << 20;
    static final String LIMIT_TEXT = "16 MiB";
    static final String STDIN = "standard input";

    private Inputs() {}

    /** The bytes of {@code file}, or of stdin for "-". */
    static byte[] read(Environment environment, String file) {
        boolean stdin = file.equals("-");
        String name = stdin ? STDIN : file;
        try (InputStream in = stdin ? open(environment) : Files.newInputStream(Path.of(file))) {
            byte[] bytes = in.readNBytes(LIMIT + 1);
            if (bytes.length > LIMIT) {
                throw tooLarge(name);
            }
            return bytes;
        } catch (IOException e) {
            throw new CliException.InvalidInput("cannot read " + name + ": " + e.getMessage(), null);
        }
    }

    /** One line of stdin without its line end, or null at its end; reads no further than the line. */
    static String readLine(Environment environment) {
        try {
            InputStream in = open(environment);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (line.size() == LIMIT) {
                    throw tooLarge("the line on " + STDIN);
                }
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new CliException.InvalidInput("cannot read " + STDIN + ": " + e.getMessage(), null);
        }
    }

    /** Stdin, unless the process was started with it closed. Not closed after use: it is the process's. */
    private static InputStream open(Environment environment) {
        if (environment.stdinClosed()) {
            throw new CliException.InvalidInput(STDIN + " is closed", null);
        }
        return new NotClosing(environment.stdin());
    }

    private static CliException.InvalidInput tooLarge(String name) {
        return new CliException.InvalidInput(name + " is larger than " + LIMIT_TEXT, null);
    }

    /** Stdin inside a try-with-resources that must leave it open. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the process's stdin stays open
        }
    }
}
