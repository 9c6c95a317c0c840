package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Notices a running operation whose progress and counts have not changed for a set time. A job
 * killed by a server restart keeps {@code isCompleted: false} in the portal's cache for up to a
 * day, so "still running" alone cannot tell slow from dead. Fed every answer, it says so once per
 * plateau, and once more when anything changes after that.
 *
 * <p>An operation that is not running (parsed and waiting for the admin, finished, failed) cannot
 * stall: the clock starts again when one runs. An empty answer tells nothing either way (the
 * watch rechecks it, and ends if the operation is really gone), nor does an outage: time is
 * only what the answers carry.
 */
public final class StallDetector {

    private final Duration after;
    private ProgressMark mark;
    private Instant since;
    private boolean stalled;

    /** @param after how long nothing may change before it counts as a stall; zero turns detection off */
    public StallDetector(Duration after) {
        if (after.isNegative()) {
            throw new IllegalArgumentException("a stall cannot come after a negative time");
        }
        this.after = after;
    }

    public boolean enabled() {
        return !after.isZero();
    }

    /** Whether the last answer left the operation stalled (said and not yet resumed). */
    public boolean stalled() {
        return stalled;
    }

    /**
     * @param answer the portal's answer at {@code at}; empty when it runs no migration
     * @return what changed in the operation's health with this answer, if anything
     */
    public Optional<StallEvent> observe(Instant at, Optional<MigrationStatus> answer) {
        if (!enabled()) {
            return Optional.empty();
        }
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        MigrationStatus status = answer.get();
        ProgressMark now = Phase.of(status).running() ? ProgressMark.of(status) : null;
        // The first answer has nothing to compare with; it is also all a --once reads, and a record's
        // first equals() costs 15 ms of start-up (its method handles are made then).
        if (now != null && mark != null && now.equals(mark)) {
            Duration unchanged = Duration.between(since, at);
            if (!stalled && unchanged.compareTo(after) >= 0) {
                stalled = true;
                return Optional.of(new StallEvent(StallEvent.Kind.STALLED, at, unchanged, status));
            }
            return Optional.empty();
        }
        Optional<StallEvent> resumed = stalled
                ? Optional.of(new StallEvent(StallEvent.Kind.RESUMED, at, Duration.between(since, at), status))
                : Optional.empty();
        stalled = false;
        mark = now;
        since = at;
        return resumed;
    }
}
