package dev.migstatus.watch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for the poll loop: once cancelled, the loop stops at its next step and a pending
 * {@link #sleeper() sleep} returns at once, so the user gets the prompt back within a second.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** A real-time sleeper that wakes early when this is cancelled. */
    public Sleeper sleeper() {
        return duration -> cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
