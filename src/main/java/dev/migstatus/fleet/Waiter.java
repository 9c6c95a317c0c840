package dev.migstatus.fleet;

import dev.migstatus.watch.Sleeper;

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
     *
     * @param answersPending requests are on their way, and each will {@link #wake()} it when it ends
     */
    void waitUntil(Instant deadline, boolean answersPending) throws InterruptedException;

    /** An answer arrived: from any thread. */
    void wake();

    /**
     * Time passes in {@code sleeper} while no request is on its way, and answers wake it at once:
     * with the real clock and a real sleeper it waits in real time; with a fake clock and a sleeper
     * that only moves it, a fleet runs hours in milliseconds, its requests taking no fake time.
     */
    static Waiter of(Clock clock, Sleeper sleeper) {
        return new Waiter() {
            private boolean woken;

            @Override
            public void waitUntil(Instant deadline, boolean answersPending) throws InterruptedException {
                if (!answersPending) {
                    synchronized (this) {
                        if (woken) {
                            woken = false;
                            return;
                        }
                    }
                    if (deadline == null) {
                        throw new IllegalStateException("nothing to wait for: no turn is due and no answer is pending");
                    }
                    Duration left = Duration.between(clock.instant(), deadline);
                    if (!left.isNegative() && !left.isZero()) {
                        sleeper.sleep(left);
                    }
                    return;
                }
                awaitAnswer(deadline);
            }

            private synchronized void awaitAnswer(Instant deadline) throws InterruptedException {
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
