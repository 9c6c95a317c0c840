package dev.migstatus.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for the poll loop: once cancelled, the loop stops at its next step, a pending
 * {@link #sleeper() sleep} returns at once and what was asked to {@link #whenCancelled} runs (a
 * request's body still arriving is cut off), so the user gets the prompt back within a second.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    public void cancel() {
        cancelled.countDown();
        actions.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code action} when this is cancelled, on the thread that cancels; at once if it already is. */
    public void whenCancelled(Runnable action) {
        actions.add(action);
        if (isCancelled()) {
            action.run();
        }
    }

    /** A real-time sleeper that wakes early when this is cancelled. */
    public Sleeper sleeper() {
        return duration -> cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
