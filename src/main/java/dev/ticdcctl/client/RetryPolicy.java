package dev.ticdcctl.client;

import dev.ticdcctl.util.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures of which requests are tried again, and when. Reads and deletes (which TiCDC makes idempotent) are
 * tried again after a refused, dropped or reset connection and a 503; requests that change state only when the
 * connection was refused or never made, so that nothing of them was sent. No retry starts whose wait would pass the
 * deadline, which bounds all the tries together.
 */
final class RetryPolicy {
    /** Safe methods and DELETE, which TiCDC makes idempotent: sending them twice does no harm. */
    private static final Set<String> REPEATABLE = Set.of("GET", "HEAD", "OPTIONS", "DELETE");
    /**
     * The answer that says "not now, nothing done": TiCDC's "not ready" (tiflow cdc/api/middleware
     * CheckServerReadyMiddleware), or an overloaded proxy's. A gateway's 502 or 504 is reported at once: it says that
     * TiCDC failed or was slow, which waiting a second rarely mends.
     */
    private static final int RETRIED_STATUS = 503;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final int BACKOFF_FACTOR = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** One try of a request, bounded by what is left until {@code deadline} (a {@link System#nanoTime()}). */
    @FunctionalInterface
    interface Attempt {
        HttpTransport.Response send(long deadline) throws InterruptedException;
    }

    private final int retries;
    private final Duration timeout;
    private final HttpTransport.Pause pause;
    private final RequestTrace trace;

    RetryPolicy(HttpTransport.Settings settings, RequestTrace trace) {
        this.retries = settings.retries();
        this.timeout = settings.timeout();
        this.pause = settings.pause();
        this.trace = trace;
    }

    /** Tries {@code attempt} of a {@code method} request until it is answered or may not be tried again. */
    HttpTransport.Response send(String method, Attempt attempt) throws InterruptedException {
        boolean repeatable = REPEATABLE.contains(method);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int tries = 0; ; tries++) {
            HttpTransport.Response response = null;
            TransientFailure failure = null;
            String reason;
            try {
                response = attempt.send(deadline);
                if (!repeatable || response.status() != RETRIED_STATUS) {
                    return response;
                }
                reason = "HTTP " + response.status();
            } catch (TransientFailure e) {
                // A change is tried again only when none of it left: the connection was never made.
                if (!repeatable && !e.unsent) {
                    throw e;
                }
                failure = e;
                reason = e.reason;
            }
            Duration backoff = backoff(tries);
            boolean retry = tries < retries;
            if (retry && System.nanoTime() + backoff.toNanos() >= deadline) {
                trace.line("* no retry after " + reason + ": waiting " + seconds(backoff)
                        + " would pass the --timeout of " + Durations.format(timeout));
                retry = false;
            }
            if (!retry) {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }
            trace.line("* retry " + (tries + 1) + " of " + retries + " in " + seconds(backoff) + ": " + reason);
            pause.sleep(backoff);
        }
    }

    /**
     * The wait before retry {@code attempt + 1}: 0.2 s × 3^attempt (0.2, 0.6, 1.8 s…, at most 5 s), each ±25 % at
     * random so that clients that failed together do not come back in step.
     */
    static Duration backoff(int attempt) {
        double nominal = Math.min(FIRST_BACKOFF.toMillis() * Math.pow(BACKOFF_FACTOR, attempt), MAX_BACKOFF.toMillis());
        return Duration.ofMillis(Math.round(nominal * ThreadLocalRandom.current().nextDouble(0.75, 1.25)));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
