package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.StatusAnswer;
import dev.migstatus.docspace.StatusFields;
import dev.migstatus.health.EtaEstimator;
import dev.migstatus.health.StallDetector;
import dev.migstatus.health.StallEvent;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One portal's watch as decisions, without waiting or threads: given what a poll brought (an
 * answer or a failure) and the time, it says when to poll next or that the watch is over, and
 * tells the listener what happened. {@link Watcher} drives one session on a thread with a sleeper;
 * a fleet drives many from a scheduler with the same decisions.
 */
public final class WatchSession {

    /** What to do next. */
    public sealed interface Step permits PollAfter, Done {
    }

    /** Poll again after this long ({@link Duration#ZERO}: at once), asking for these members. */
    public record PollAfter(Duration delay, StatusFields fields) implements Step {

        /** A full poll. */
        public PollAfter(Duration delay) {
            this(delay, StatusFields.ALL);
        }
    }

    /** The watch is over. */
    public record Done(WatchResult result) implements Step {
    }

    private static final Duration NO_LIMIT = Duration.ofDays(365);

    private final WatchSettings settings;
    private final WatchListener listener;
    private final Instant startedAt;
    private final Instant deadline;
    private final RetryStreak retries;
    private final StallDetector stalls;
    private final EtaEstimator eta = new EtaEstimator();
    private final LeanPolls leanPolls;
    private StatusFields next = StatusFields.ALL;
    private MigrationStatus last;
    private Phase phase = Phase.NONE;
    private boolean polledBefore;
    private int emptyAnswers;
    private int unconfirmedEnds;
    private boolean sawItRun;

    private WatchSession(WatchSettings settings, Backoff backoff, WatchListener listener, Instant startedAt) {
        this.settings = settings;
        this.listener = listener;
        this.startedAt = startedAt;
        this.deadline = settings.timeout() == null ? null : startedAt.plus(settings.timeout());
        // --once asks once: a script calling it in a loop retries on its own terms.
        Duration retryFor = settings.once() ? Duration.ZERO : settings.retryFor();
        this.retries = new RetryStreak(retryFor, deadline, backoff, listener);
        this.stalls = new StallDetector(settings.stallAfter());
        this.leanPolls = new LeanPolls(!settings.once(), settings.fullEvery(), settings.until());
    }

    /** A watch that starts now; its first poll is due at once. */
    public static WatchSession start(WatchSettings settings, Backoff backoff, WatchListener listener, Instant now) {
        WatchSession session = new WatchSession(settings, backoff, listener, now);
        listener.started(now);
        return session;
    }

    /** When the watch must end ({@code --timeout}), or null. */
    public Instant deadline() {
        return deadline;
    }

    /** The most the next request may take: what is left before the deadline. */
    public Duration timeLimit(Instant now) {
        if (deadline == null) {
            return NO_LIMIT;
        }
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the deadline has passed: then the driver stops it with {@link Ending#TIMED_OUT}. */
    public boolean expired(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    /** The portal answered in full; empty when it runs no migration. */
    public Step answered(Optional<MigrationStatus> answer, Instant now) {
        return answered(new StatusAnswer(answer, StatusFields.ALL, StatusAnswer.Shape.WHOLE), now);
    }

    /**
     * The portal answered what the last {@link PollAfter} asked for. A lean answer that shows a new
     * state is not shown: a full one is asked for at once, so that every state is seen whole.
     */
    public Step answered(StatusAnswer reply, Instant now) {
        retries.succeeded(now);
        if (leanPolls.setAside(reply)) {
            next = StatusFields.ALL;
            return new PollAfter(Duration.ZERO, next);
        }
        Optional<MigrationStatus> answer = leanPolls.status(reply, now);
        Phase previous = polledBefore ? phase : null;
        phase = Phase.of(answer);
        polledBefore = true;
        answer.ifPresent(s -> last = s);
        eta.observe(now, answer);
        listener.polled(new Poll(now, Duration.between(startedAt, now), answer, phase, previous == null ? phase : previous,
                eta.remaining(now)));
        Optional<StallEvent> stall = stalls.observe(now, answer);
        stall.ifPresent(this::tell);
        Optional<Ending> ending = ending(answer);
        if (ending.isPresent()) {
            return done(ending.get(), null, now);
        }
        if (settings.failOnStall() && stall.isPresent() && stall.get().kind() == StallEvent.Kind.STALLED) {
            return done(Ending.STALLED, null, now, stall.get().unchangedFor());
        }
        next = leanPolls.next(now.plus(settings.interval()));
        return new PollAfter(settings.interval(), next);
    }

    private void tell(StallEvent event) {
        if (event.kind() == StallEvent.Kind.STALLED) {
            listener.stalled(event);
        } else {
            listener.resumed(event);
        }
    }

    /** A request failed: retried after a backoff while the budget lasts, else the end of the watch. */
    public Step failed(ApiException error, Instant now) {
        Duration delay = retries.failed(error, now);
        return delay == null ? done(Ending.REQUEST_FAILED, error, now) : new PollAfter(delay, next);
    }

    /** The user stopped it, or the deadline passed. */
    public Done stopped(Ending ending, Instant now) {
        return done(ending, retries.lastError(), now);
    }

    private Optional<Ending> ending(Optional<MigrationStatus> answer) {
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

    private Done done(Ending ending, ApiException error, Instant now) {
        return done(ending, error, now, null);
    }

    private Done done(Ending ending, ApiException error, Instant now, Duration stalledFor) {
        WatchResult result = new WatchResult(ending, last, phase, error, startedAt, now, sawItRun, stalledFor, polledBefore);
        listener.finished(result);
        return new Done(result);
    }
}
