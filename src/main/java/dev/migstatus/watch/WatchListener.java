package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.health.StallEvent;

import java.time.Duration;
import java.time.Instant;

/** Hears what the poll loop sees as it happens: the live display, the event stream. */
public interface WatchListener {

    default void started(Instant at) {
    }

    default void polled(Poll poll) {
    }

    /**
     * A request failed and will be tried again after {@code delay}.
     *
     * @param attempt 1 for the first failure of a streak
     */
    default void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
    }

    /** The first success after a streak of {@code failures} failures that lasted {@code outage}. */
    default void recovered(Instant at, Duration outage, int failures) {
    }

    /** The running operation showed no change for {@code --stall-after}; said once per plateau. */
    default void stalled(StallEvent event) {
    }

    /** It changed again after {@link #stalled}. */
    default void resumed(StallEvent event) {
    }

    default void finished(WatchResult result) {
    }
}
