package dev.ticdcctl.build;

import dev.ticdcctl.Main;
import dev.ticdcctl.cli.completion.CompletionShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that writes the completion scripts (to {@code target/generated/completions}); the committed copies
 * in {@code completions/} must match them. Each script is what {@code ticdcctl completion SHELL} prints: the command
 * tree of this build as tables, and the logic that walks them.
 */
public final class CompletionScripts {
    private CompletionScripts() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScripts OUTPUT_DIRECTORY");
        }
        Path directory = Files.createDirectories(Path.of(args[0]));
        for (CompletionShell shell : CompletionShell.values()) {
            Files.writeString(directory.resolve(shell.fileName()), script(shell), StandardCharsets.UTF_8);
        }
    }

    /** The script as the command prints it. */
    public static String script(CompletionShell shell) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "completion", shell.name());
        if (code != 0) {
            throw new IllegalStateException("ticdcctl completion " + shell + " failed: " + err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
