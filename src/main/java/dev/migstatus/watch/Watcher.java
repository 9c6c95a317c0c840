package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
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
        private final Retrier retrier;
        private MigrationStatus last;
        private Phase phase = Phase.NONE;
        private boolean polledBefore;
        private int emptyAnswers;
        private int unconfirmedEnds;
        private boolean sawItRun;

        Run(Instant startedAt) {
            this.startedAt = startedAt;
            Instant deadline = settings.timeout() == null ? null : startedAt.plus(settings.timeout());
            // --once asks once: a script calling it in a loop retries on its own terms.
            Duration retryFor = settings.once() ? Duration.ZERO : settings.retryFor();
            this.retrier = new Retrier(retryFor, deadline, clock, sleeper, backoff, cancellation, listener);
        }

        WatchResult loop() {
            while (true) {
                Retrier.Attempt<Optional<MigrationStatus>> attempt = retrier.call(source::fetch);
                if (attempt instanceof Retrier.Stopped<Optional<MigrationStatus>> stopped) {
                    return end(stopped.ending(), stopped.lastError());
                }
                if (attempt instanceof Retrier.Failure<Optional<MigrationStatus>> failure) {
                    return end(Ending.REQUEST_FAILED, failure.error());
                }
                Optional<MigrationStatus> answer = ((Retrier.Success<Optional<MigrationStatus>>) attempt).value();
                Optional<Ending> ending = answered(answer, clock.instant());
                if (ending.isPresent()) {
                    return end(ending.get(), null);
                }
                retrier.pause(settings.interval());
            }
        }

        private Optional<Ending> answered(Optional<MigrationStatus> answer, Instant now) {
            Phase previous = polledBefore ? phase : null;
            phase = Phase.of(answer);
            polledBefore = true;
            answer.ifPresent(s -> last = s);
            listener.polled(new Poll(now, Duration.between(startedAt, now), answer, phase, previous == null ? phase : previous));
            if (answer.isEmpty()) {
                emptyAnswers++;
                unconfirmedEnds = 0;
                boolean believed = settings.once() || emptyAnswers > settings.emptyRechecks();
                // Once an operation was seen, its disappearing (cancelled, cleared) ends a --until migrated watch too.
                boolean gone = settings.once() || settings.until() == Until.COMPLETED || last != null;
                return believed && gone ? Optional.of(Ending.NO_MIGRATION) : Optional.empty();
            }
            emptyAnswers = 0;
            if (!settings.until().isEnd(answer.get())) {
                sawItRun = true;
                unconfirmedEnds = 0;
                return settings.once() ? Optional.of(Ending.RUNNING) : Optional.empty();
            }
            // A finished operation stays on the server for a day, and right after a new start the status may
            // still show the old one: an end seen before any running state is asked again, as an empty answer is.
            if (!sawItRun && !settings.once() && unconfirmedEnds < settings.emptyRechecks()) {
                unconfirmedEnds++;
                return Optional.empty();
            }
            return Optional.of(Ending.COMPLETED);
        }

        private WatchResult end(Ending ending, ApiException error) {
            return new WatchResult(ending, last, phase, error, startedAt, clock.instant(), sawItRun);
        }
    }
}
