package dev.ticdcctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.client.ApiResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The one place that prints. stdout carries data only: resources (table, JSON, YAML, or jq results) and the
 * one-line results of mutations. Progress, warnings, errors and hints go to stderr. Secrets in structured output
 * (sink-URI passwords, secret-named config fields) are masked.
 */
public final class Output {
    /** How the user asked for output; {@code color} is already resolved against the terminal and NO_COLOR. */
    public record Options(Format format, String jq, boolean noHeaders, boolean color, boolean quiet) {}

    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final Options options;
    private final Times times;
    private final Printer printer;
    private StatusLine statusLine;

    public Output(PrintWriter out, PrintWriter err, Terminal terminal, Options options, Supplier<ObjectMapper> mapper,
            Clock clock) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.options = options;
        this.times = new Times(clock, terminal.stdout());
        this.printer = Printer.of(options, terminal, mapper);
    }

    public Format format() {
        return options.format();
    }

    public Times times() {
        return times;
    }

    /** True when the user asked for machine output (json, yaml or a jq filter) instead of tables and messages. */
    public boolean machineReadable() {
        return printer.machineReadable();
    }

    /**
     * Prints a resource given as the answer received: plain JSON output is copied from the body, secrets masked on
     * the way, without building a tree; everything else as {@link #resource(JsonNode, Supplier)}.
     */
    public void resource(ApiResult<?> answer, Supplier<Table> table) {
        out.print(printer.resource(answer, table));
        out.flush();
    }

    /** Prints a resource: as received for json/yaml/jq, or as the table the supplier builds ({@code json} may then be null). */
    public void resource(JsonNode json, Supplier<Table> table) {
        resource(json, table, false);
    }

    /** As {@link #resource(JsonNode, Supplier)}; with {@code keepSecrets} nothing is masked (--show-secrets). */
    public void resource(JsonNode json, Supplier<Table> table, boolean keepSecrets) {
        out.print(printer.resource(json, table, false, keepSecrets));
        out.flush();
    }

    /**
     * True when a resource shows its own {@link Page} rather than a table: stdout is a terminal and the output is the
     * default table, with headers. Piped output, {@code -o wide|json|yaml}, {@code --jq} and {@code --no-headers} keep
     * their tables and documents, which scripts read.
     */
    public boolean showsPages() {
        return terminal.stdout() && options.format() == Format.table && options.jq() == null && !options.noHeaders();
    }

    /** Prints a page fitted to the terminal; what it quotes is masked unless {@code keepSecrets} (--show-secrets). */
    public void page(Page page, boolean keepSecrets) {
        out.print(page.render(terminal.width(), options.color(), !keepSecrets));
        out.flush();
    }

    /**
     * Prints the result of a mutation: the message line (unless {@code -q}), or for machine output the resulting
     * resource.
     */
    public void result(String message, JsonNode resource) {
        if (!machineReadable()) {
            if (!options.quiet()) {
                out.println(TerminalText.line(message));
            }
        } else if (resource != null) {
            out.print(printer.document(resource, false, false));
        } else {
            progress(message); // keeps stdout parseable when there is no resource to print
        }
        out.flush();
    }

    /**
     * Prints a document as JSON or YAML, following {@code -o}; with {@code keepSecrets} the secret masking of
     * structured output is skipped (for exports the user asked to hold secrets).
     */
    public void text(JsonNode json, boolean keepSecrets) {
        if (!keepSecrets) {
            Secrets.maskTree(json);
        }
        out.print(printer.text(json));
        out.flush();
    }

    /** A document as {@link #text} prints it, nothing masked: for a file that a command writes with what it chose. */
    public String textOf(JsonNode json) {
        return printer.text(json);
    }

    /**
     * Prints a JSON document that has no table view, such as a raw API answer: filtered by {@code --jq}, YAML with
     * {@code -o yaml}, else JSON; secrets are masked unless {@code keepSecrets}.
     */
    public void document(JsonNode json, boolean keepSecrets) {
        out.print(printer.document(json, keepSecrets, false));
        out.flush();
    }

    /**
     * Prints a line of plain data, such as a TSO, that a script captures; {@code -q} does not hide data. On a terminal
     * control characters are shown escaped, since the line may be a server's raw answer.
     */
    public void data(String line) {
        out.println(terminal.stdout() ? TerminalText.lines(line) : line); // a raw answer may hold escapes
        out.flush();
    }

    /** Prints the body of a request that {@code --dry-run} does not send: pretty JSON, secrets masked. */
    public void requestBody(JsonNode body) {
        JsonNode shown = body.deepCopy();
        Secrets.maskTree(shown);
        data(shown.toPrettyString());
    }

    /** Progress for the person watching, on stderr; hidden by {@code -q}. */
    public void progress(String message) {
        if (!options.quiet()) {
            errLine(TerminalText.messages(message));
        }
    }

    /** An error that does not end the command, such as one changefeed's failure in a bulk action; never hidden. */
    public void error(String message) {
        errLine("Error: " + TerminalText.message(message));
    }

    public void warn(String message) {
        errLine("Warning: " + TerminalText.message(message));
    }

    /** A line of stderr, printed above the status line of a wait when one is shown. */
    private void errLine(String line) {
        Runnable print = () -> {
            err.println(line);
            err.flush();
        };
        if (statusLine == null) {
            print.run(); // no wait has drawn one, and none needs the terminal's width asked
        } else {
            statusLine.above(print);
        }
    }

    /**
     * Shows no status line from now on: when several waits run at once (a bulk action), their result lines on stdout
     * tell the progress, and a line rewritten by several threads would garble them.
     */
    public void withoutStatusLine() {
        statusLine = StatusLine.OFF;
    }

    /**
     * The line on stderr where a wait shows how it is going: live when stderr is a terminal that can clear a line and
     * {@code -q} was not given, else {@link StatusLine#OFF}.
     */
    public StatusLine statusLine() {
        if (statusLine == null) {
            boolean live = terminal.stderr() && LiveScreen.drives(terminal.type()) && !options.quiet();
            statusLine = live ? new StatusLine(err, terminal.stderrWidth()) : StatusLine.OFF;
        }
        return statusLine;
    }

    /** Whether colour is on: {@code --color}, resolved against the terminal and {@code NO_COLOR}. */
    public boolean color() {
        return options.color();
    }

    /** Emphasis for message text on stdout, honouring {@code --color}. */
    public String style(Style style, String text) {
        return options.color() ? style.apply(text) : text;
    }

    /**
     * A resource as the text {@link #resource} prints, for views that place it themselves; with {@code oneLine}
     * every JSON document takes one line (JSON Lines), for snapshots appended to a pipe.
     */
    public String render(JsonNode json, Supplier<Table> table, boolean oneLine) {
        return printer.resource(json, table, oneLine, false);
    }

    /**
     * Where a watch shows its snapshots. On a terminal they are redrawn in place under a status line. Otherwise
     * they are appended: tables separated by a blank line, JSON one document per line, YAML documents separated by
     * {@code ---}; the status line is left out and failed refreshes are warnings on stderr.
     */
    public WatchView watchView() {
        if (terminal.stdout() && LiveScreen.drives(terminal.type())) {
            return new LiveScreen(out, terminal.type(), terminal.width(), terminal.height());
        }
        return new AppendedSnapshots();
    }

    /** Snapshots one after another on stdout, for a pipe or a file. */
    private final class AppendedSnapshots implements WatchView {
        private boolean first = true;

        @Override
        public boolean appends() {
            return true;
        }

        @Override
        public void show(String status, String snapshot) {
            if (!first) {
                out.print(printer.snapshotSeparator());
            }
            first = false;
            out.print(snapshot);
            out.flush();
        }

        @Override
        public void problem(String status, String message) {
            warn(message);
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
