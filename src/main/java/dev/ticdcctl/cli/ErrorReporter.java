package dev.ticdcctl.cli;

import dev.ticdcctl.client.ApiException;
import dev.ticdcctl.client.ClientException;
import dev.ticdcctl.client.NotFoundException;
import dev.ticdcctl.client.UnauthorizedException;
import dev.ticdcctl.client.UnexpectedResponseException;
import dev.ticdcctl.client.UnreachableException;
import dev.ticdcctl.config.ConfigException;
import dev.ticdcctl.output.JqFilter;
import dev.ticdcctl.output.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The one place where a failure becomes an {@code Error:} line, at most one {@code Hint:} line and an exit code.
 * Bulk commands use its message and exit code for each changefeed's result.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {
    private final Session session;

    public ErrorReporter(Session session) {
        this.session = session;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = session.err();
        session.out().flush();
        err.println("Error: " + message(ex));
        String hint = hint(ex);
        if (hint != null) {
            err.println("Hint: " + TerminalText.message(hint)); // it may name the server's URL, user-info and all
        }
        if (session.debug()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(TerminalText.messages(trace.toString())); // its messages may quote URIs and server text
        }
        err.flush();
        return exitCode(ex).code();
    }

    public static ExitCode exitCode(Throwable ex) {
        if (ex instanceof NotFoundException || ex instanceof CliException.NotFound) {
            return ExitCode.NOT_FOUND;
        }
        if (ex instanceof UnauthorizedException) {
            return ExitCode.UNAUTHORIZED;
        }
        if (ex instanceof UnreachableException) {
            return ExitCode.UNREACHABLE;
        }
        if (ex instanceof ConfigException.WriteFailed) {
            return ExitCode.FAILED;
        }
        if (ex instanceof CliException.InvalidInput || ex instanceof JqFilter.JqException
                || ex instanceof ConfigException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof CliException.WaitTimedOut) {
            return ExitCode.WAIT_TIMEOUT;
        }
        if (ex instanceof CliException.Declined) {
            return ExitCode.DECLINED;
        }
        if (ex instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.FAILED;
    }

    /**
     * The text of the {@code Error:} line: secrets masked (a server's message may quote a sink URI), on one line and
     * safe for a terminal whatever the server wrote.
     */
    public static String message(Exception ex) {
        return TerminalText.message(unmasked(ex));
    }

    private static String unmasked(Exception ex) {
        if (ex instanceof ApiException api) {
            return api.errorCode().isEmpty() ? api.getMessage() : api.getMessage() + " (" + api.errorCode() + ")";
        }
        if (ex instanceof ClientException || ex instanceof CliException || ex instanceof JqFilter.JqException
                || ex instanceof ConfigException) {
            return ex.getMessage();
        }
        if (ex instanceof InterruptedException) {
            return "interrupted";
        }
        return "unexpected failure: " + ex;
    }

    private String hint(Exception ex) {
        if (ex instanceof CliException cli) {
            return cli.hint();
        }
        if (ex instanceof ClientException client && client.hint() != null) {
            return client.hint();
        }
        if (ex instanceof NotFoundException nf && nf.errorCode().equals("CDC:ErrChangeFeedNotExists")
                && session.settings().keyspace.isSet()) {
            return "a changefeed is found only in its own keyspace, and this looked in '"
                    + session.settings().keyspace.value() + "' (from " + session.settings().keyspace.source()
                    + "): name another with -k NAME";
        }
        if (ex instanceof NotFoundException nf && nf.errorCode().equals("CDC:ErrChangeFeedNotExists")) {
            String source = session.settings().namespace.source();
            return "a changefeed is found only in its own namespace, and this looked in '" + session.namespace()
                    + "' (" + (source.equals("default") ? "the default" : "from " + source) + "): name another with"
                    + " -n NS; 'ticdcctl changefeed list -n NS --all' lists a namespace's changefeeds, finished too";
        }
        if (ex instanceof NotFoundException) {
            return "see the captures with 'ticdcctl capture list'";
        }
        if (ex instanceof UnauthorizedException) {
            String user = session.settings().user.value();
            String password = session.passwordOrigin();
            return user == null
                    ? "this cluster requires a TiDB user for changes: give --user with --password-stdin, set TICDC_USER"
                            + " and TICDC_PASSWORD, or keep them in a context ('ticdcctl config set-context')"
                    : password == null
                    ? "user '" + user + "' was sent without a password: give it with --password-stdin, TICDC_PASSWORD"
                            + " or a context, or type it at the prompt on a terminal"
                    : "check the password of user '" + user + "' (" + password + ") and that the cluster's"
                            + " security.client-allowed-user lists it";
        }
        if (ex instanceof UnreachableException) {
            return "is TiCDC running at " + session.server() + "? Set the address with --server or TICDCCTL_SERVER";
        }
        if (ex instanceof ApiException api) {
            return switch (api.errorCode()) {
                case "CDC:ErrServerIsNotReady" -> "the capture is starting or stopping; try again shortly";
                case "CDC:ErrChangeFeedAlreadyExists" -> "choose another ID, or change the existing changefeed "
                        + "with 'ticdcctl changefeed update'";
                case "CDC:ErrStartTsBeforeGC" -> "the data before the GC safepoint is gone; choose a later TSO";
                case "CDC:ErrSchedulerRequestFailed" -> api.getMessage().contains("cannot drain the owner")
                        ? CaptureRef.RESIGN_OWNER_FIRST : null;
                default -> null;
            };
        }
        if (ex instanceof UnexpectedResponseException || ex instanceof ConfigException
                || ex instanceof InterruptedException) {
            return null;
        }
        return session.debug() ? null : "run again with --debug for details";
    }
}
