package dev.migstatus.watch;

import dev.migstatus.api.ApiException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The poll loop: asks the portal at each interval until the awaited operation completes, the
 * portal runs nothing, time runs out, the user stops it, or a request fails for good.
 * Time comes only from the injected clock and passes only through the injected sleeper, so a
 * watch of hours is tested in milliseconds.
 */
public final class Watcher {

    private final StatusSource source;
    private final WatchSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Cancellation cancellation;
    private final WatchListener listener;

    public Watcher(StatusSource source, WatchSettings settings, Clock clock, Sleeper sleeper, Backoff backoff,
                   Cancellation cancellation, WatchListener listener) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.cancellation = cancellation;
        this.listener = listener;
    }

    public WatchResult run() {
        Run run = new Run(clock.instant());
        listener.started(run.startedAt);
        WatchResult result = run.loop();
        listener.finished(result);
        return result;
    }

    /** The state of one watch, so that the loop reads top to bottom. */
    private final class Run {
        private final Instant startedAt;
        private final Instant deadline;
        private MigrationStatus last;
        private Phase phase = Phase.NONE;
        private boolean polledBefore;
        private int emptyAnswers;
        private Instant streakStart;
        private int streakFailures;
        private ApiException lastError;

        Run(Instant startedAt) {
            this.startedAt = startedAt;
            this.deadline = settings.timeout() == null ? null : startedAt.plus(settings.timeout());
        }

        WatchResult loop() {
            while (true) {
                if (cancellation.isCancelled()) {
                    return end(Ending.INTERRUPTED);
                }
                if (deadline != null && !clock.instant().isBefore(deadline)) {
                    return end(Ending.TIMED_OUT);
                }
                Optional<MigrationStatus> answer;
                try {
                    answer = source.fetch(timeLeft());
                } catch (ApiException e) {
                    lastError = e;
                    if (cancellation.isCancelled()) {
                        return end(Ending.INTERRUPTED);
                    }
                    Optional<WatchResult> ended = failed(e);
                    if (ended.isPresent()) {
                        return ended.get();
                    }
                    continue;
                }
                lastError = null;
                Instant now = clock.instant();
                if (streakStart != null) {
                    listener.recovered(now, Duration.between(streakStart, now), streakFailures);
                    streakStart = null;
                    streakFailures = 0;
                }
                Optional<WatchResult> ended = answered(answer, now);
                if (ended.isPresent()) {
                    return ended.get();
                }
                pause(settings.interval());
            }
        }

        private Optional<WatchResult> answered(Optional<MigrationStatus> answer, Instant now) {
            Phase previous = polledBefore ? phase : null;
            phase = Phase.of(answer);
            polledBefore = true;
            answer.ifPresent(s -> last = s);
            listener.polled(new Poll(now, Duration.between(startedAt, now), answer, phase, previous == null ? phase : previous));
            if (answer.isEmpty()) {
                emptyAnswers++;
                boolean believed = settings.once() || emptyAnswers > settings.emptyRechecks();
                if (settings.until() == Until.COMPLETED && believed) {
                    return Optional.of(end(Ending.NO_MIGRATION));
                }
                return settings.once() ? Optional.of(end(Ending.NO_MIGRATION)) : Optional.empty();
            }
            emptyAnswers = 0;
            if (settings.until().isEnd(answer.get())) {
                return Optional.of(end(Ending.COMPLETED));
            }
            return settings.once() ? Optional.of(end(Ending.RUNNING)) : Optional.empty();
        }

        private Optional<WatchResult> failed(ApiException e) {
            Instant now = clock.instant();
            if (!e.isTransient() || settings.once()) {
                return Optional.of(end(Ending.REQUEST_FAILED));
            }
            if (streakStart == null) {
                streakStart = now;
            }
            streakFailures++;
            Instant budgetEnd = streakStart.plus(settings.retryFor());
            if (!now.isBefore(budgetEnd)) {
                return Optional.of(end(Ending.REQUEST_FAILED));
            }
            Duration delay = backoff.delay(streakFailures, e.retryAfter(), now);
            // The last try lands when the budget ends, not after it.
            Duration toBudgetEnd = Duration.between(now, budgetEnd);
            if (delay.compareTo(toBudgetEnd) > 0) {
                delay = toBudgetEnd;
            }
            listener.retrying(now, e, delay, streakFailures);
            pause(delay);
            return Optional.empty();
        }

        /** Sleeps, but never past the deadline: the loop then ends the watch instead of polling. */
        private void pause(Duration wanted) {
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

        private Duration timeLeft() {
            if (deadline == null) {
                return Duration.ofDays(365);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** The watch's result; a request error is kept when it ended the watch or was the last thing seen. */
        private WatchResult end(Ending ending) {
            return new WatchResult(ending, last, lastError, startedAt, clock.instant());
        }
    }
}
