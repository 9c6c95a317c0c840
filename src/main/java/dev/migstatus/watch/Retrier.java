package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes one request succeed if it reasonably can, for commands that ask once (the log): transient
 * failures are retried with backoff while the retry budget lasts, never past the deadline, and not
 * at all once the user stopped the run.
 */
public final class Retrier {

    /** One request; {@code timeLimit} is what is left before the deadline. */
    @FunctionalInterface
    public interface Request<T> {
        T send(Duration timeLimit) throws ApiException;
    }

    /** How a call ended: with a value, with an error worth reporting, or stopped by time or the user. */
    public sealed interface Attempt<T> {
    }

    public record Success<T>(T value) implements Attempt<T> {
    }

    public record Failure<T>(ApiException error) implements Attempt<T> {
    }

    /** The deadline passed or the user stopped it; {@code lastError} is the failure seen last, if any. */
    public record Stopped<T>(Ending ending, ApiException lastError) implements Attempt<T> {
    }

    private final Duration retryFor;
    private final Duration timeLimit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Cancellation cancellation;
    private final WatchListener listener;

    /** @param timeLimit how long the whole call may take, retries included, or null for no limit */
    public Retrier(Duration retryFor, Duration timeLimit, Clock clock, Sleeper sleeper, Backoff backoff,
                   Cancellation cancellation, WatchListener listener) {
        this.retryFor = retryFor;
        this.timeLimit = timeLimit;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.cancellation = cancellation;
        this.listener = listener;
    }

    public <T> Attempt<T> call(Request<T> request) {
        Instant deadline = timeLimit == null ? null : clock.instant().plus(timeLimit);
        RetryStreak streak = new RetryStreak(retryFor, deadline, backoff, listener);
        while (true) {
            if (cancellation.isCancelled()) {
                return new Stopped<>(Ending.INTERRUPTED, streak.lastError());
            }
            Instant now = clock.instant();
            if (deadline != null && !now.isBefore(deadline)) {
                return new Stopped<>(Ending.TIMED_OUT, streak.lastError());
            }
            try {
                T value = request.send(deadline == null ? Duration.ofDays(365) : Duration.between(now, deadline));
                streak.succeeded(clock.instant());
                return new Success<>(value);
            } catch (ApiException e) {
                if (cancellation.isCancelled()) {
                    return new Stopped<>(Ending.INTERRUPTED, e);
                }
                Duration delay = streak.failed(e, clock.instant());
                if (delay == null) {
                    return new Failure<>(e);
                }
                Pause.until(clock, sleeper, cancellation, delay, deadline);
            }
        }
    }
}
