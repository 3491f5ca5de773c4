package dev.ticdcctl.cli;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The exit codes scripts rely on, each with its meaning and its rank among the results of a bulk action: the one
 * source of {@link ErrorReporter}'s codes, bulk ranking, {@code ticdcctl help exit-codes}, the man page's EXIT STATUS
 * and the README's table (a test holds the README to it). Picocli takes an int: commands return {@code code()}.
 */
public enum ExitCode {
    OK(0, 0, "success, including a no-op such as pausing a stopped changefeed"),
    FAILED(1, 3, "the operation failed: an error reported by the server, an answer the command cannot use (empty,"
            + " not JSON, missing fields; the error names the route), or an unexpected failure; also when the output"
            + " could not be written (a full disk, a closed stdout), but not when its reader went away (| head)"),
    USAGE(2, Rank.NONE, "usage error or invalid input (unknown flag, bad ID, malformed file, an input file or stdin"
            + " larger than 16 MiB, a closed stdin, --yes needed off a terminal); nothing was sent"),
    NOT_FOUND(3, 1, "not found (CDC:ErrChangeFeedNotExists, CDC:ErrCaptureNotExist), decided by the server's"
            + " error_code, not its HTTP status (TiCDC answers not-found with 400)"),
    UNAUTHORIZED(4, 4, "authentication or authorization failed (HTTP 401 or 403, CDC:ErrCredentialNotFound,"
            + " CDC:ErrUnauthorized)"),
    UNREACHABLE(5, 5, "the server could not be reached or its answer did not arrive whole (connection refused,"
            + " unknown host, TLS handshake, connect or request timeout, an answer cut short or not complete within"
            + " --timeout)"),
    WAIT_TIMEOUT(6, 2, "a wait ended by its timeout before the condition held"),
    DECLINED(7, Rank.NONE, "the user declined a confirmation prompt"),
    DRIFT(8, Rank.NONE, "the cluster differs from the specs (changefeed diff): a changefeed to create, update or"
            + " delete, or one the specs cannot bring in line"),
    INTERRUPTED(130, Rank.NONE, "interrupted (Ctrl-C)");

    /** Outside the bulk ranking: such a code, should a part of a bulk action end with it, counts as the most severe. */
    private static final class Rank {
        static final int NONE = Integer.MAX_VALUE;
    }

    private final int code;
    private final int bulkRank;
    private final String meaning;

    ExitCode(int code, int bulkRank, String meaning) {
        this.code = code;
        this.bulkRank = bulkRank;
        this.meaning = meaning;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }

    /** What it means, as one unwrapped line of {@code help exit-codes}. */
    public String meaning() {
        return meaning;
    }

    /** The most severe of {@code codes} (OK when there are none). */
    public static ExitCode worst(Collection<ExitCode> codes) {
        return codes.stream().max(Comparator.comparingInt(c -> c.bulkRank)).orElse(OK);
    }

    /** The codes a part of a bulk action ends with, least severe first. */
    public static List<ExitCode> bulkRanking() {
        return Arrays.stream(values()).filter(c -> c.bulkRank != Rank.NONE)
                .sorted(Comparator.comparingInt(c -> c.bulkRank)).toList();
    }
}
