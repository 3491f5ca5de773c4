package dev.ticdcctl.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The states of a changefeed as TiCDC names them on the wire (tiflow cdc/model/changefeed.go, the FeedState
 * constants), with what the owner lets happen in each: the one list of states that options, completion, colours and
 * waits use. The records keep the state as the server sent it, since a newer server may send one this list does not
 * know: {@link #of} reads it, and an unknown state has none of the properties below.
 *
 * <p>{@code error} is v7.1's: an error the owner retries with back-off, which v7.3 split into {@code pending}
 * (retrying) and {@code warning} (tiflow#9358); pause and resume both act on it (v7.1
 * cdc/owner/feed_state_manager.go handleAdminJob), and an update is refused.
 *
 * <p>The order is the one operators read them in: running, degraded, stopped, failed, done.
 */
public enum ChangefeedState {
    NORMAL(Health.HEALTHY),
    WARNING(Health.DEGRADED),
    PENDING(Health.DEGRADED),
    ERROR(Health.DEGRADED),
    STOPPED(Health.PAUSED),
    FAILED(Health.BROKEN),
    FINISHED(Health.ENDED),
    REMOVED(Health.ENDED);

    /** How a state reads to an operator; the output maps each to a colour. */
    public enum Health { HEALTHY, DEGRADED, PAUSED, BROKEN, ENDED, UNKNOWN }

    /** By wire name: a list of 10,000 changefeeds asks for each row's state several times. */
    private static final Map<String, ChangefeedState> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(s -> s.wire, s -> s));

    private final String wire;
    private final Health health;

    ChangefeedState(Health health) {
        this.wire = name().toLowerCase(Locale.ROOT);
        this.health = health;
    }

    /** The state named by the server's text, exactly as it spells it; empty for any other text or null. */
    public static Optional<ChangefeedState> of(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
    }

    /** The health of a state as the server sent it, {@link Health#UNKNOWN} for one this list does not know. */
    public static Health healthOf(String wire) {
        return of(wire).map(s -> s.health).orElse(Health.UNKNOWN);
    }

    /** The states a server reports: all but {@code removed}, which is deleted at once and never shows. */
    public static List<ChangefeedState> reported() {
        return Arrays.stream(values()).filter(s -> s != REMOVED).toList();
    }

    /** Whether the server's text names a state that {@code predicate} holds for; false for an unknown one. */
    public static boolean matches(String wire, Predicate<ChangefeedState> predicate) {
        return of(wire).filter(predicate).isPresent();
    }

    /** Whether the server's text names this state. */
    public boolean is(String wire) {
        return this.wire.equals(wire);
    }

    /** The name as TiCDC sends and accepts it: {@code normal}, {@code stopped}, ... */
    public String wire() {
        return wire;
    }

    public Health health() {
        return health;
    }

    /**
     * Replicating: the checkpoint advances, and the server has processors for it (tiflow cdc/model/changefeed.go
     * FeedState.IsRunning).
     */
    public boolean isRunning() {
        return this == NORMAL || this == WARNING;
    }

    /**
     * Scheduled by the owner, running or retrying: a pause stops it, a resume has nothing to do (tiflow
     * cdc/owner/feed_state_manager.go handleAdminJob, AdminStop).
     */
    public boolean isActive() {
        return isRunning() || this == PENDING || this == ERROR;
    }

    /**
     * Stopped by a pause, an error or its target-ts, or retrying on v7.1: a resume runs it again (handleAdminJob,
     * AdminResume).
     */
    public boolean isResumable() {
        return this == STOPPED || this == FAILED || this == FINISHED || this == ERROR;
    }

    /** Whose config TiCDC lets an update change (tiflow cdc/api/v2/changefeed.go updateChangefeed). */
    public boolean isUpdatable() {
        return this == STOPPED || this == FAILED;
    }

    /**
     * Whether its checkpoint can lag: a finished changefeed reached its target-ts and keeps it as its checkpoint
     * while the clock runs on, without being behind.
     */
    public boolean canLag() {
        return this != FINISHED;
    }

    /** Whether the server reports the changefeed's error in this state: it is failing, or retrying one. */
    public boolean hasError() {
        return this == FAILED || this == WARNING || this == PENDING || this == ERROR;
    }

    /**
     * Listed without a state filter (tiflow cdc/model/changefeed.go FeedState.IsNeeded with an empty filter): every
     * state but finished and removed; v7.1 listed only normal, stopped and failed, so not its error.
     */
    public boolean isListedByDefault() {
        return this != FINISHED && this != REMOVED && this != ERROR;
    }

    @Override
    public String toString() {
        return wire;
    }
}
