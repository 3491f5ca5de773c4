package dev.ticdcctl.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A changefeed ID given as the first argument or, as {@code cdc cli} spells it, with {@code -c}. */
public final class ChangefeedRef {
    private static final Pattern ID = Pattern.compile("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$");
    private static final int MAX_LENGTH = 128;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The changefeed ID.")
    String positional;

    /** First in every command's help: before options without an order (-1), such as --help. */
    @Option(names = {"-c", "--changefeed-id"}, paramLabel = "ID", order = -100,
            description = "The changefeed ID (cdc cli spelling).")
    String option;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The ID, checked against the server's rule; a usage error when missing, twice given or invalid. */
    public String id() {
        String id = optionalId();
        if (id == null) {
            throw new ParameterException(spec.commandLine(), "missing changefeed ID: give it as the first argument"
                    + " or with -c/--changefeed-id");
        }
        return id;
    }

    /** The ID when given (checked), or null. */
    public String optionalId() {
        if (positional != null && option != null && !positional.equals(option)) {
            throw new ParameterException(spec.commandLine(), "two changefeed IDs given ('" + positional + "' and '"
                    + option + "'): give one");
        }
        String id = positional != null ? positional : option;
        if (id != null) {
            check(id);
        }
        return id;
    }

    /** Applies the server's ID rule, with a message that states it (the server's own does not). */
    public static void check(String id) {
        if (id.length() > MAX_LENGTH || !ID.matcher(id).matches()) {
            throw new CliException.InvalidInput("invalid changefeed ID '" + id + "': use letters, digits and single"
                    + " hyphens between them (^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$), at most " + MAX_LENGTH + " characters",
                    null);
        }
    }
}
