package dev.ticdcctl.cli.completion;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The shells {@code ticdcctl completion} writes a script for. A script carries the command tree as
 * {@link CompletionTables}, so commands, options and fixed values complete without starting Java; for live values
 * (changefeed and capture IDs, contexts) it passes the words of the line to {@code ticdcctl __complete} (the
 * {@code ticdcctl} on PATH) and shows what it prints. The build writes them to {@code target/generated/completions},
 * named as {@link #fileName()}.
 */
public enum CompletionShell {
    bash("ticdcctl.bash", BashScript.TEMPLATE, "        ", "\n", CompletionShell::posixQuoted),
    zsh("_ticdcctl", ZshScript.TEMPLATE, "        ", "\n", CompletionShell::posixQuoted),
    fish("ticdcctl.fish", FishScript.TEMPLATE, "    ", " \\\n", CompletionShell::fishQuoted);

    private final String fileName;
    private final String template;
    private final String indent;
    private final String separator;
    private final UnaryOperator<String> quote;

    CompletionShell(String fileName, String template, String indent, String separator, UnaryOperator<String> quote) {
        this.fileName = fileName;
        this.template = template;
        this.indent = indent;
        this.separator = separator;
        this.quote = quote;
    }

    /** The name the script is installed under, and its name in {@code completions/}. */
    public String fileName() {
        return fileName;
    }

    /** The script for the command tree {@code root} (the whole tree: the script answers for every command). */
    public String script(CommandLine root) {
        CompletionTables tables = new CompletionTables(root);
        return template.replace("%NODES%", items(tables.nodes)).replace("%OPTIONS%", items(tables.options))
                .replace("%COMMANDS%", items(tables.commands)).replace("%SHARED%", BashScript.SHARED);
    }

    /** The records as the words of an array, one a line. */
    private String items(List<String> records) {
        return records.stream().map(r -> indent + quote.apply(r)).collect(Collectors.joining(separator));
    }

    private static String posixQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String fishQuoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
