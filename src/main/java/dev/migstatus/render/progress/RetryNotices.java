package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.watch.WatchListener;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells the user about trouble without flooding a log: one line when a streak of failures
 * starts, saying what is retried and for how long at most, one every 30 s while it lasts (a CI log
 * must never go silent), and one when the portal answers again. Each attempt is only shown with
 * {@code --verbose}.
 */
public final class RetryNotices implements WatchListener {

    private final Messages messages;
    private final String host;
    private final Duration retryFor;
    private final Duration timeout;
    private Instant deadline;
    private Instant streakStart;
    private Instant lastNotice;

    /**
     * @param retryFor how long a streak of failures is ridden out ({@code --retry-for})
     * @param timeout  the whole run's limit ({@code --timeout}), or null
     */
    public RetryNotices(Messages messages, String host, Duration retryFor, Duration timeout) {
        this.messages = messages;
        this.host = host;
        this.retryFor = retryFor;
        this.timeout = timeout;
    }

    @Override
    public void started(Instant at) {
        deadline = timeout == null ? null : at.plus(timeout);
    }

    @Override
    public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        if (attempt == 1) {
            streakStart = at;
            lastNotice = at;
            messages.warning(cause.getMessage() + "; retrying for up to " + budget(at) + ", next try in "
                    + Durations.format(delay) + "…");
        } else if (Duration.between(lastNotice, at).compareTo(ProgressView.HEARTBEAT) >= 0) {
            lastNotice = at;
            messages.warning("still failing after " + Durations.format(Duration.between(streakStart, at)) + " ("
                    + Formats.count(attempt, "attempt", "attempts") + "): " + cause.getMessage()
                    + "; retrying in " + Durations.format(delay) + "…");
        }
    }

    /** How long the streak may go on: {@code 5m (--retry-for)}, or less when the time limit (--timeout, the demo's own) comes first. */
    private String budget(Instant at) {
        if (deadline != null && Duration.between(at, deadline).compareTo(retryFor) < 0) {
            return Durations.format(Duration.between(at, deadline)) + " (the time limit)";
        }
        return Durations.format(retryFor) + " (--retry-for)";
    }

    @Override
    public void recovered(Instant at, Duration outage, int failures) {
        messages.info(host + " answers again after " + Durations.format(outage) + " ("
                + Formats.count(failures, "failed attempt", "failed attempts") + ")");
    }
}
