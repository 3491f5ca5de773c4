package dev.ticdcctl.cli;

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

    private ExitCode() {}
}
