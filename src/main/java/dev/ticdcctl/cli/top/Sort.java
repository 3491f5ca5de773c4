package dev.ticdcctl.cli.top;

import dev.ticdcctl.model.ChangefeedState;
import java.time.Duration;
import java.util.Comparator;

/** The orders of the changefeed list, in the order {@code s} cycles through them. */
enum Sort {
    WORST("worst first", Comparator.comparingInt(Sort::severity).thenComparing(Orders.LAG)),
    LAG("lag", Orders.LAG),
    STATE("state", Comparator.comparing((TopModel.Row r) -> r.changefeed().state(),
            Comparator.nullsLast(Comparator.naturalOrder()))),
    ID("ID", (a, b) -> 0);

    final String label;
    private final Comparator<TopModel.Row> order;

    Sort(String label, Comparator<TopModel.Row> order) {
        this.label = label;
        this.order = order;
    }

    /** This order, the ID last so that equal rows keep their places between refreshes. */
    Comparator<TopModel.Row> comparator() {
        return order.thenComparing(r -> r.changefeed().id());
    }

    Sort next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** Built before the constants that use it: an enum's own static fields come after its constants. */
    private static final class Orders {
        /** The largest lag first; a changefeed that cannot lag (finished) as none. */
        static final Comparator<TopModel.Row> LAG =
                Comparator.comparing((TopModel.Row r) -> r.lag() == null ? Duration.ZERO : r.lag()).reversed();
    }

    /** Broken first, then degraded, unknown, paused, healthy, and finished last. */
    private static int severity(TopModel.Row row) {
        return switch (ChangefeedState.healthOf(row.changefeed().state())) {
            case BROKEN -> 0;
            case DEGRADED -> 1;
            case UNKNOWN -> 2;
            case PAUSED -> 3;
            case HEALTHY -> 4;
            case ENDED -> 5;
        };
    }
}
