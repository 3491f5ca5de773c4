package dev.ticdcctl.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The exit codes scripts rely on; see {@code ticdcctl help exit-codes}. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int UNAUTHORIZED = 4;
    public static final int UNREACHABLE = 5;
    public static final int WAIT_TIMEOUT = 6;
    public static final int DECLINED = 7;
    public static final int INTERRUPTED = 130;

    /** The exit codes of parts of a run (bulk actions), least severe first: a run exits with the worst it saw. */
    private static final List<Integer> SEVERITY = List.of(OK, NOT_FOUND, WAIT_TIMEOUT, FAILED, UNAUTHORIZED, UNREACHABLE);

    private ExitCode() {}

    /** The most severe of {@code codes} (0 when there are none); codes not ranked count as the most severe. */
    public static int worst(Collection<Integer> codes) {
        return codes.stream().max(Comparator.comparingInt(ExitCode::rank)).orElse(OK);
    }

    private static int rank(int code) {
        int rank = SEVERITY.indexOf(code);
        return rank < 0 ? SEVERITY.size() : rank;
    }
}
