package dev.ticdcctl.cli.capture;

import dev.ticdcctl.cli.CaptureRef;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.client.TicdcClient;
import dev.ticdcctl.model.DrainResult;
import dev.ticdcctl.output.Output;
import dev.ticdcctl.util.Durations;
import java.time.Duration;

/**
 * Repeats a drain until the capture holds no tables. TiCDC moves tables away over the owner's next ticks and each
 * drain request answers with the count still held, so the request itself is the poll.
 */
final class CaptureDrain {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final TicdcClient client;
    private final Output output;
    private final Waiter waiter;
    private final Duration timeout;

    /** {@code timeout} bounds the whole drain: see {@link #DEFAULT_TIMEOUT}. */
    CaptureDrain(TicdcClient client, Output output, Waiter waiter, Duration timeout) {
        this.client = client;
        this.output = output;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    /** The last drain's answer, once it counts 0 tables; the count is shown on stderr each time it changes. */
    ApiResult<DrainResult> untilEmpty(CaptureRef.Target target) throws InterruptedException {
        String name = target.label();
        int[] last = {-1};
        Waiter.Goal goal = new Waiter.Goal("capture " + name + " to hand over its tables",
                () -> last[0] < 0 ? null : tables(last[0]) + " left");
        return waiter.until(timeout, goal, () -> {
            ApiResult<DrainResult> result = client.drainCapture(target.id());
            int left = result.value().currentTableCount();
            if (left != last[0]) {
                output.progress("capture " + name + ": " + tables(left) + " left");
                last[0] = left;
            }
            return left == 0 ? result : null;
        }, () -> "capture " + name + " still holds " + tables(last[0]) + " after " + Durations.format(timeout));
    }

    static String tables(int count) {
        return count + " table" + (count == 1 ? "" : "s");
    }
}
