package dev.ticdcctl.build;

import dev.ticdcctl.cli.Environment;
import dev.ticdcctl.cli.GlobalOptions;
import dev.ticdcctl.cli.Session;
import dev.ticdcctl.cli.root.PrerenderedUsage;
import dev.ticdcctl.cli.sandbox.EmbeddedSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the root's usage, as printed off a terminal, into the classes directory {@code args[0]} before the jar is
 * packed: {@link PrerenderedUsage} prints it from there. Runs at build time only.
 */
public final class RootUsage {
    private RootUsage() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).resolve(PrerenderedUsage.class.getPackageName().replace('.', '/'))
                .resolve(PrerenderedUsage.RESOURCE);
        StringWriter discarded = new StringWriter();
        try (Session session = new Session(Environment.offline(), new PrintWriter(discarded),
                new PrintWriter(discarded), new GlobalOptions(), EmbeddedSandbox::start)) {
            Files.writeString(file, PrerenderedUsage.render(session), StandardCharsets.UTF_8);
        }
    }
}
