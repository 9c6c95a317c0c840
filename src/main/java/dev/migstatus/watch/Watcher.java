package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.StatusFields;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives one {@link WatchSession} on this thread: polls, then sleeps as the session says, until it
 * is over, the user stops it or the deadline passes. Time comes only from the injected clock and
 * passes only through the injected sleeper, so a watch of hours is tested in milliseconds.
 */
public final class Watcher {

    private final StatusSource source;
    private final WatchSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Cancellation cancellation;
    private final WatchListener listener;
    private final HeapTrim heap;

    public Watcher(StatusSource source, WatchSettings settings, Clock clock, Sleeper sleeper, Backoff backoff,
                   Cancellation cancellation, WatchListener listener) {
        this(source, settings, clock, sleeper, backoff, cancellation, listener, null);
    }

    /** @param heap keeps a long watch's memory flat, or null */
    public Watcher(StatusSource source, WatchSettings settings, Clock clock, Sleeper sleeper, Backoff backoff,
                   Cancellation cancellation, WatchListener listener, HeapTrim heap) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.cancellation = cancellation;
        this.listener = listener;
        this.heap = heap;
    }

    public WatchResult run() {
        WatchSession session = WatchSession.start(settings, backoff, listener, clock.instant());
        WatchSession.Step step = new WatchSession.PollAfter(Duration.ZERO);
        while (step instanceof WatchSession.PollAfter next) {
            Pause.until(clock, sleeper, cancellation, next.delay(), session.deadline());
            step = poll(session, next.fields());
            if (heap != null && step instanceof WatchSession.PollAfter) {
                heap.afterPoll();
            }
        }
        return ((WatchSession.Done) step).result();
    }

    private WatchSession.Step poll(WatchSession session, StatusFields fields) {
        if (cancellation.isCancelled()) {
            return session.stopped(Ending.INTERRUPTED, clock.instant());
        }
        if (session.expired(clock.instant())) {
            return session.stopped(Ending.TIMED_OUT, clock.instant());
        }
        try {
            return session.answered(source.fetch(fields, session.timeLimit(clock.instant())), clock.instant());
        } catch (ApiException e) {
            Instant now = clock.instant();
            return cancellation.isCancelled() ? session.stopped(Ending.INTERRUPTED, now) : session.failed(e, now);
        }
    }
}
