package dev.migstatus.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the {@link FleetDriver} waits for the next due turn or the next answer, whichever comes
 * first. Tests substitute one that moves a fake clock, so an hour of a fleet runs in milliseconds.
 */
public interface Waiter {

    /**
     * Returns at {@code deadline} (never, when null) or as soon as {@link #wake()} is called, or was
     * called since the last return; it may also return early for no reason.
     */
    void waitUntil(Instant deadline) throws InterruptedException;

    /** An answer arrived: from any thread. */
    void wake();

    /** Real time, read from {@code clock}. */
    static Waiter of(Clock clock) {
        return new Waiter() {
            private boolean woken;

            @Override
            public synchronized void waitUntil(Instant deadline) throws InterruptedException {
                while (!woken) {
                    if (deadline == null) {
                        wait();
                        continue;
                    }
                    long nanos = Duration.between(clock.instant(), deadline).toNanos();
                    if (nanos <= 0) {
                        break;
                    }
                    // Rounded up: waking a fraction of a millisecond early would only spin the driver.
                    wait((nanos + 999_999) / 1_000_000);
                }
                woken = false;
            }

            @Override
            public synchronized void wake() {
                woken = true;
                notifyAll();
            }
        };
    }
}
