package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes one request succeed if it reasonably can: transient failures are retried with backoff
 * for as long as the retry budget allows (a streak starts at the first failure), never past the
 * deadline, and not at all once cancelled. It tells its listener about each retry and about the
 * recovery, and never looks at the wall clock.
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

    /** The deadline passed or the user cancelled; {@code lastError} is the failure seen last, if any. */
    public record Stopped<T>(Ending ending, ApiException lastError) implements Attempt<T> {
    }

    private static final Duration NO_LIMIT = Duration.ofDays(365);

    private final Duration retryFor;
    private final Instant deadline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Cancellation cancellation;
    private final WatchListener listener;

    /** @param deadline when everything must end, or null */
    public Retrier(Duration retryFor, Instant deadline, Clock clock, Sleeper sleeper, Backoff backoff,
                   Cancellation cancellation, WatchListener listener) {
        this.retryFor = retryFor;
        this.deadline = deadline;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.cancellation = cancellation;
        this.listener = listener;
    }

    public <T> Attempt<T> call(Request<T> request) {
        Instant streakStart = null;
        int failures = 0;
        ApiException last = null;
        while (true) {
            Attempt<T> stopped = stopped(last);
            if (stopped != null) {
                return stopped;
            }
            try {
                T value = request.send(timeLeft());
                if (failures > 0) {
                    Instant now = clock.instant();
                    listener.recovered(now, Duration.between(streakStart, now), failures);
                }
                return new Success<>(value);
            } catch (ApiException e) {
                last = e;
                if (cancellation.isCancelled()) {
                    return new Stopped<>(Ending.INTERRUPTED, e);
                }
                Instant now = clock.instant();
                if (streakStart == null) {
                    streakStart = now;
                }
                failures++;
                Instant budgetEnd = streakStart.plus(retryFor);
                if (!e.isTransient() || !now.isBefore(budgetEnd)) {
                    return new Failure<>(e);
                }
                Duration delay = backoff.delay(failures, e.retryAfter(), now);
                // The last try lands when the budget ends, not after it.
                Duration toBudgetEnd = Duration.between(now, budgetEnd);
                if (delay.compareTo(toBudgetEnd) > 0) {
                    delay = toBudgetEnd;
                }
                // A request cut short by the deadline, or a retry the deadline would overtake, is the
                // deadline's doing: announcing a retry that will never happen would blame the portal.
                if (deadline == null || now.plus(delay).isBefore(deadline)) {
                    listener.retrying(now, e, delay, failures);
                }
                pause(delay);
            }
        }
    }

    /** Sleeps, but never past the deadline; a cancellation cuts it short. */
    public void pause(Duration wanted) {
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

    /** INTERRUPTED or TIMED_OUT when it is time to stop, else null. */
    public <T> Stopped<T> stopped(ApiException lastError) {
        if (cancellation.isCancelled()) {
            return new Stopped<>(Ending.INTERRUPTED, lastError);
        }
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            return new Stopped<>(Ending.TIMED_OUT, lastError);
        }
        return null;
    }

    private Duration timeLeft() {
        if (deadline == null) {
            return NO_LIMIT;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
