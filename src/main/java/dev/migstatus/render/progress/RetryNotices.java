package dev.migstatus.render.progress;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.watch.WatchListener;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells the user about trouble without flooding a log: one line when a streak of failures
 * starts, one every 30 s while it lasts (a CI log must never go silent), and one when the portal
 * answers again. Each attempt is only shown with {@code --verbose}.
 */
public final class RetryNotices implements WatchListener {

    private final Messages messages;
    private final String host;
    private Instant streakStart;
    private Instant lastNotice;

    public RetryNotices(Messages messages, String host) {
        this.messages = messages;
        this.host = host;
    }

    @Override
    public void retrying(Instant at, ApiException cause, Duration delay, int attempt) {
        if (attempt == 1) {
            streakStart = at;
            lastNotice = at;
            messages.warning(cause.getMessage() + ", retrying in " + Durations.format(delay) + "…");
        } else if (Duration.between(lastNotice, at).compareTo(ProgressView.HEARTBEAT) >= 0) {
            lastNotice = at;
            messages.warning("still failing after " + Durations.format(Duration.between(streakStart, at)) + " ("
                    + Formats.count(attempt, "attempt", "attempts") + "): " + cause.getMessage()
                    + "; retrying in " + Durations.format(delay) + "…");
        }
    }

    @Override
    public void recovered(Instant at, Duration outage, int failures) {
        messages.info(host + " answers again after " + Durations.format(outage) + " ("
                + Formats.count(failures, "failed attempt", "failed attempts") + ")");
    }
}
