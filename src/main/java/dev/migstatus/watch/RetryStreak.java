package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.UnavailableException;

import java.time.Duration;
import java.time.Instant;

/**
 * A run of failed requests and the budget it may use up: transient failures are worth another try
 * until {@code retryFor} has passed since the first of them. Tells the listener about each retry
 * it announces and about the recovery; a success ends the streak.
 */
final class RetryStreak {

    private final Duration retryFor;
    private final Instant deadline;
    private final Backoff backoff;
    private final WatchListener listener;
    private Instant start;
    private int failures;
    private ApiException last;
    private boolean answeredBefore;

    /** @param deadline when everything must end, or null */
    RetryStreak(Duration retryFor, Instant deadline, Backoff backoff, WatchListener listener) {
        this.retryFor = retryFor;
        this.deadline = deadline;
        this.backoff = backoff;
        this.listener = listener;
    }

    /** How long to wait before trying again, or null when {@code error} is final: not transient, or out of budget. */
    Duration failed(ApiException error, Instant now) {
        last = error;
        if (start == null) {
            start = now;
        }
        failures++;
        Instant budgetEnd = start.plus(retryFor);
        if (!error.isTransient() || !now.isBefore(budgetEnd) || typoInTheAddress(error)) {
            return null;
        }
        Duration delay = backoff.delay(failures, error.retryAfter(), now);
        // The last try lands when the budget ends, not after it.
        Duration toBudgetEnd = Duration.between(now, budgetEnd);
        if (delay.compareTo(toBudgetEnd) > 0) {
            delay = toBudgetEnd;
        }
        // A request cut short by the deadline, or a retry the deadline would overtake, is the
        // deadline's doing: announcing a retry that will never happen would blame the portal.
        if (deadline == null || now.plus(delay).isBefore(deadline)) {
            listener.retrying(now, error, delay, failures);
        }
        return delay;
    }

    /**
     * A name that does not resolve before the portal ever answered is a mistake in --host, not an
     * outage: minutes of retries would only hide it. Once it has answered, DNS trouble is ridden out.
     */
    private boolean typoInTheAddress(ApiException error) {
        return !answeredBefore && error instanceof UnavailableException u && u.reason() == UnavailableException.Reason.UNKNOWN_HOST;
    }

    void succeeded(Instant now) {
        answeredBefore = true;
        if (failures > 0) {
            listener.recovered(now, Duration.between(start, now), failures);
        }
        start = null;
        failures = 0;
        last = null;
    }

    /** The failure of the streak going on now, or null when the last request succeeded. */
    ApiException lastError() {
        return last;
    }
}
