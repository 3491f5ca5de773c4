package dev.ticdcctl.client;

import dev.ticdcctl.pem.PemFiles;
import dev.ticdcctl.util.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Tells the user what became of an exchange that gave no whole answer: which phase failed or was late, at which
 * server or route, with a hint; failures that another try may mend are {@link TransientFailure}s.
 */
final class TransportFailures {
    private final HttpTransport.Settings settings;

    TransportFailures(HttpTransport.Settings settings) {
        this.settings = settings;
    }

    /** No headers came from {@code path} (without its query) within the timeout. */
    UnreachableException noResponse(String path) {
        return new UnreachableException("no response from " + route(path) + " within "
                + Durations.format(settings.timeout()) + " (request timed out)",
                "a slow server may need a longer --timeout", null);
    }

    /** The headers came but the body did not complete within the timeout. */
    UnreachableException incomplete(String path) {
        return new UnreachableException("the answer from " + route(path) + " did not complete within "
                + Durations.format(settings.timeout()), "a slow server may need a longer --timeout", null);
    }

    /**
     * The exchange of {@code method path} failed with {@code cause}: {@code budget} is what the try had left of the
     * timeout (in nanoseconds); {@code answered}, whether the headers came.
     */
    ClientException failed(Throwable cause, String method, String path, long budget, boolean answered) {
        if (hasCause(cause, CappedBody.TooLarge.class)) {
            return new UnexpectedResponseException("the answer to " + method + " " + path
                    + " is larger than the limit of " + settings.maxResponseSize() + "; stopped reading it",
                    "raise the limit with --max-response-size or TICDCCTL_MAX_RESPONSE_SIZE");
        }
        if (cause instanceof IOException io) {
            return unreachable(io, path, budget, answered);
        }
        return new UnreachableException("cannot reach " + settings.baseUri() + ": " + rootMessage(cause), null,
                cause);
    }

    private UnreachableException unreachable(IOException e, String path, long budget, boolean answered) {
        String server = settings.baseUri().toString();
        boolean https = settings.baseUri().getScheme().equals("https");
        if (e instanceof HttpConnectTimeoutException) {
            // The connect timeout, unless the whole timeout had less left: then that one ran out.
            Duration limit = settings.connectTimeout().toNanos() < budget ? settings.connectTimeout()
                    : settings.timeout();
            String phase = https ? " (connect or TLS handshake timed out)" : " (connect timed out)";
            return new TransientFailure("cannot connect to " + server + ": no answer within " + Durations.format(limit)
                    + phase, null, new ConnectException(e.getMessage()), "connect timed out", true);
        }
        if (e instanceof HttpTimeoutException) {
            return noResponse(path);
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new UnreachableException("cannot resolve host '" + settings.baseUri().getHost() + "' of " + server,
                    null, e);
        }
        if (hasCause(e, SSLException.class) || https && !answered
                && rootMessage(e).toLowerCase(Locale.ROOT).contains("reset")) {
            return new UnreachableException("TLS handshake with " + server + " failed: "
                    + PemFiles.describeHandshakeFailure(e), null, e);
        }
        if (e instanceof ConnectException || hasCause(e, ConnectException.class)) {
            return new TransientFailure("cannot connect to " + server + ": connection refused", null,
                    new ConnectException("connection refused"), "connection refused", true);
        }
        boolean reset = rootMessage(e).toLowerCase(Locale.ROOT).contains("reset");
        if (answered) {
            return new TransientFailure("the answer from " + route(path) + " was cut short: " + rootMessage(e),
                    "the server, a proxy or the network broke the connection; try again", e,
                    reset ? "connection reset" : "answer cut short", false);
        }
        // What a port that is not a TiCDC server answers is not shown: it may hold anything, control characters too.
        if (hasCause(e, ProtocolException.class)) {
            return new UnreachableException("the server at " + server + " did not answer HTTP", null, e);
        }
        return new TransientFailure("the server at " + server + " closed the connection before answering", null, e,
                reset ? "connection reset" : "connection closed before any answer", false);
    }

    private String route(String path) {
        return settings.baseUri() + path;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
