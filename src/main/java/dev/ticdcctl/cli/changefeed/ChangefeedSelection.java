package dev.ticdcctl.cli.changefeed;

import dev.ticdcctl.cli.ChangefeedRef;
import dev.ticdcctl.cli.CliException;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.ChangefeedSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The changefeeds a bulk-capable command acts on: IDs (as arguments or repeated {@code -c}), {@code --all}, or
 * {@code --match REGEX}, within the namespace. One ID given alone is the single-changefeed case.
 */
final class ChangefeedSelection {
    static final int DEFAULT_PARALLEL = 8;
    static final int MAX_PARALLEL = 64;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "The changefeed IDs.")
    List<String> positional = new ArrayList<>();

    @Option(names = {"-c", "--changefeed-id"}, paramLabel = "ID",
            description = "A changefeed ID (cdc cli spelling); may be repeated.")
    List<String> options = new ArrayList<>();

    @Option(names = "--all", description = "Every changefeed of the namespace.")
    boolean all;

    @Option(names = "--match", paramLabel = "REGEX",
            description = "The changefeeds of the namespace whose ID contains a match of REGEX (a search, as grep;"
                    + " anchor it with ^...$ for whole IDs).")
    String match;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLEL,
            description = "Act on up to N changefeeds at once (1.." + MAX_PARALLEL + ", default: ${DEFAULT-VALUE}).")
    int parallel;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The IDs given, checked and without repeats, in the order given. */
    List<String> givenIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>(positional);
        ids.addAll(options);
        ids.forEach(ChangefeedRef::check);
        return List.copyOf(ids);
    }

    /**
     * Checks the selection before anything is sent: exactly one way of choosing, a valid regex, a sane bound;
     * usage errors otherwise.
     */
    void validate() {
        boolean byId = !positional.isEmpty() || !options.isEmpty();
        int ways = (byId ? 1 : 0) + (all ? 1 : 0) + (match != null ? 1 : 0);
        if (ways == 0) {
            throw new ParameterException(spec.commandLine(), "missing changefeed ID: give it as the first argument"
                    + " or with -c/--changefeed-id, or choose with --all or --match REGEX");
        }
        if (ways > 1) {
            throw new ParameterException(spec.commandLine(), "give changefeed IDs, --all or --match: only one of them");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new CliException.InvalidInput("invalid --parallel " + parallel + ": give 1 to " + MAX_PARALLEL,
                    null);
        }
        pattern();
        givenIds();
    }

    /** True when more than one changefeed may be touched: the confirmation lists them and results are per item. */
    boolean bulk() {
        return all || match != null || givenIds().size() > 1;
    }

    /** The one ID of a single-changefeed command line. */
    String singleId() {
        return givenIds().get(0);
    }

    /**
     * The changefeeds chosen, in order: the IDs as given, or the namespace's (sorted by ID, as the server lists
     * them) that {@code --all} or {@code --match} select. {@code listState} is the list's state filter: null for
     * the server's default (all but finished), "all" where finished ones matter.
     */
    List<String> resolve(Supplier<TicdcClient> client, String namespace, String listState)
            throws InterruptedException {
        if (!all && match == null) {
            return givenIds();
        }
        Pattern pattern = pattern();
        List<ChangefeedSummary> items = client.get().listChangefeeds(namespace, listState)
                .value().items();
        return items.stream().map(ChangefeedSummary::id)
                .filter(id -> pattern == null || pattern.matcher(id).find())
                .toList();
    }

    /** How the changefeeds were chosen, for the message of an empty selection. */
    String criterion() {
        return match != null ? "whose ID matches '" + match + "'" : null;
    }

    private Pattern pattern() {
        if (match == null) {
            return null;
        }
        try {
            return Pattern.compile(match);
        } catch (PatternSyntaxException e) {
            throw new CliException.InvalidInput("invalid --match regex '" + match + "': " + e.getDescription()
                    + " near index " + e.getIndex(), "the regex is Java's (like grep -E); quote it for the shell");
        }
    }
}
