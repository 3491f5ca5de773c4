package dev.ticdcctl.cli.root;

import dev.ticdcctl.cli.ExitCode;
import dev.ticdcctl.config.EnvironmentVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Help topics printed by {@code ticdcctl help TOPIC}. The exit codes, variables and files are kept as entries so that
 * the man page ({@link ManPages}) shows the same ones in its EXIT STATUS, ENVIRONMENT and FILES sections.
 */
public final class HelpTopics {
    /** Something a topic explains (an exit code, a variable, a file) and what it means, as one unwrapped line. */
    public record Entry(String name, String meaning) {}

    private static final int WIDTH = 96;

    public static final List<Entry> EXIT_CODES = Arrays.stream(ExitCode.values())
            .map(c -> new Entry(String.valueOf(c.code()), c.meaning())).toList();

    public static final String BULK_EXIT_CODES = "Bulk actions (changefeed pause, resume and delete with several IDs, --all"
            + " or --match) report each changefeed and exit with the worst result, ranked from best to worst: "
            + ExitCode.bulkRanking().stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                    + c.code()).collect(Collectors.joining(", "))
            + ". An --all or --match that selects nothing succeeds (" + ExitCode.OK.code() + "); a declined"
            + " confirmation is " + ExitCode.DECLINED.code() + ". Ctrl-C stops one: the results so far are printed,"
            + " then what became of the rest (\"interrupted: 24 requests sent, 16 confirmed paused, 176 not sent\"),"
            + " and the exit code is " + ExitCode.INTERRUPTED.code() + ".";

    /** The variables of {@link EnvironmentVariable#ALL}, the one list of them. */
    public static final List<Entry> ENVIRONMENT = EnvironmentVariable.ALL.stream()
            .map(v -> new Entry(v.name(), v.meaning())).toList();

    public static final List<Entry> FILES = List.of(
            new Entry("$XDG_CONFIG_HOME/ticdcctl/config.toml", "the contexts file (default"
                    + " ~/.config/ticdcctl/config.toml; elsewhere with --config-file or TICDCCTL_CONFIG): TOML,"
                    + " written by the config commands with mode 0600"),
            new Entry("~/.ticdc/credentials", "TiCDC's own credentials file, as cdc cli configure-credentials writes it"
                    + " (ticdc_user, ticdc_password, ca_path, cert_path, key_path); read after flags, the"
                    + " environment and the selected context"),
            new Entry("$XDG_STATE_HOME/ticdcctl/history", "the history of ticdcctl shell (default"
                    + " ~/.local/state/ticdcctl/history)"),
            new Entry("$XDG_STATE_HOME/ticdcctl/sandbox", "the state of the simulated cluster of --sandbox (default"
                    + " ~/.local/state/ticdcctl/sandbox; elsewhere with TICDCCTL_SANDBOX_DIR)"));

    static final String FORMATTING = """
            Formatting the output of ticdcctl.

            stdout carries data only; progress, warnings, hints and errors go to stderr.

            -o, --output FORMAT
              table  the default: UPPERCASE headers, the ID first, one row per resource, - for empty
              wide   the table with more columns
              json   the server's response as received: every field, 64-bit numbers (TSOs) exact
              yaml   the same as YAML
              toml   changefeed export only: a spec that changefeed apply -f re-creates

            A command's --help names the formats it supports; another one is a usage error (exit 2).

            --jq EXPR      filter the JSON response in-process with a jq expression (jq 1.7 syntax);
                           strings print raw, so the result feeds a shell variable directly
            --no-headers   tables without the header line, for scripts
            --color WHEN   auto (default), always or never; auto colours states only on a terminal
                           and never when NO_COLOR is set
            -q, --quiet    no confirmation lines or progress; data and errors still print

            On a terminal, tables show local times and ages ("12s ago") and fit the width: the widest
            columns shrink first, long IDs are cut in the middle (orders-…-eu-west), while headers, states,
            error codes and times are never cut. -o wide is not fitted. Off a terminal (piped or
            redirected) they have no colour, no truncation and absolute ISO-8601 UTC times, always with
            milliseconds (2024-07-01T02:05:00.000Z). A finished changefeed shows LAG -.

            While a command waits (changefeed create, pause, resume, update --restart, delete and wait,
            capture drain --wait, owner resign --wait), a terminal shows one status line on stderr: what
            it waits for, for how long so far, and what it saw last (state, checkpoint lag). It is
            rewritten in place and erased when the wait ends. Off a terminal, with -q and with --debug
            there is none, so stderr stays as a script reads it.

            Secrets are masked as xxxxx in every output (tables, json, yaml, toml, --jq input, dry-run
            bodies, update reviews, warnings and errors): the password of any URI (user:password@), query
            parameters such as sasl-password, secret-access-key or token, and fields named like a password,
            secret, token or access key, wherever they appear; so are the values that a spec's
            ${env:NAME} and ${file:PATH} references resolved to. changefeed export writes secrets as
            ${env:NAME} references. Only changefeed export --show-secrets, unsafe metadata
            --show-secrets and api --show-secrets print them in clear.

            A mutation prints one line such as: changefeed "orders" paused
            With -o json, -o yaml or --jq it prints the resulting resource instead.

            Examples:
              ticdcctl changefeed list -o wide
              ticdcctl changefeed list --state failed --jq '.items[].id'
              ticdcctl changefeed get orders -o yaml
              ticdcctl changefeed export orders -o toml > orders.toml
              ts=$(ticdcctl tso query)
            """;

    /** Each topic's text, from the command tree (whose global options one topic describes). */
    static final Map<String, Function<CommandLine, String>> TOPICS = new LinkedHashMap<>();

    static {
        String exitCodes = "Exit codes of ticdcctl (stable; scripts may rely on them):\n\n"
                + table(EXIT_CODES) + "\n" + wrap(BULK_EXIT_CODES, "", WIDTH);
        String environment = "Environment variables read by ticdcctl (a flag always wins over its variable):\n\n"
                + table(ENVIRONMENT);
        TOPICS.put("exit-codes", root -> exitCodes);
        TOPICS.put("environment", root -> environment);
        TOPICS.put("formatting", root -> FORMATTING);
        TOPICS.put(HelpLayout.TOPIC, HelpLayout::topic);
    }

    private HelpTopics() {}

    /** Two columns: the names padded to the longest, the meanings wrapped under themselves. */
    private static String table(List<Entry> entries) {
        int nameWidth = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0) + 2;
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            String indent = " ".repeat(2 + nameWidth);
            String first = "  " + entry.name() + " ".repeat(nameWidth - entry.name().length());
            text.append(first).append(wrap(entry.meaning(), indent, WIDTH).substring(indent.length()));
        }
        return text.toString();
    }

    /** {@code text} in lines of at most {@code width} characters, each starting with {@code indent}. */
    private static String wrap(String text, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines) + "\n";
    }
}
