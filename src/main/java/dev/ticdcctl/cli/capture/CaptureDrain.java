package dev.ticdcctl.cli.capture;

import dev.ticdcctl.cli.CaptureRef;
import dev.ticdcctl.cli.Services;
import dev.ticdcctl.cli.Waiter;
import dev.ticdcctl.client.ApiResult;
import dev.ticdcctl.model.DrainResult;
import dev.ticdcctl.util.Durations;
import java.time.Duration;

/**
 * Repeats a drain until the capture holds no tables. TiCDC moves tables away over the owner's next ticks and each
 * drain request answers with the count still held, so the request itself is the poll.
 */
final class CaptureDrain {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Services services;

    CaptureDrain(Services services) {
        this.services = services;
    }

    /** The last drain's answer, once it counts 0 tables; the count is shown on stderr each time it changes. */
    ApiResult<DrainResult> untilEmpty(CaptureRef.Target target) throws InterruptedException {
        String name = target.label();
        Duration timeout = services.waitTimeout(DEFAULT_TIMEOUT);
        int[] last = {-1};
        Waiter.Goal goal = new Waiter.Goal("capture " + name + " to hand over its tables",
                () -> last[0] < 0 ? null : tables(last[0]) + " left");
        return services.waiter().until(timeout, goal, () -> {
            ApiResult<DrainResult> result = services.client().drainCapture(target.id());
            int left = result.value().currentTableCount();
            if (left != last[0]) {
                services.output().progress("capture " + name + ": " + tables(left) + " left");
                last[0] = left;
            }
            return left == 0 ? result : null;
        }, () -> "capture " + name + " still holds " + tables(last[0]) + " after " + Durations.format(timeout));
    }

    static String tables(int count) {
        return count + " table" + (count == 1 ? "" : "s");
    }
}
