package dev.migstatus.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A wait between requests: never past the deadline, cut short when the user stops the run. */
final class Pause {

    private Pause() {
    }

    /** @param deadline when everything must end, or null */
    static void until(Clock clock, Sleeper sleeper, Cancellation cancellation, Duration wanted, Instant deadline) {
        if (wanted.isZero() || cancellation.isCancelled()) {
            return;
        }
        Duration wait = wanted;
        if (deadline != null) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(wait) < 0) {
                wait = left.isNegative() ? Duration.ZERO : left;
            }
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
        }
    }
}
