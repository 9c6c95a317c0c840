package dev.migstatus.fleet;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.watch.Ending;
import dev.migstatus.watch.StatusSource;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.WatchSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One portal of a fleet: its {@link WatchSession} (the same decisions a single watch makes, with
 * its own retries and deadline) as a member the {@link FleetDriver} can schedule.
 */
public final class WatchedPortal implements FleetMember<WatchedPortal.Answer, WatchResult> {

    /** What one request brought: a status (empty when nothing runs), or the failure. */
    public record Answer(Optional<MigrationStatus> status, ApiException error) {
    }

    private final WatchSession session;
    private final StatusSource source;
    private final Clock clock;

    /** @param session started when the fleet starts, so every portal's elapsed time counts from then */
    public WatchedPortal(WatchSession session, StatusSource source, Clock clock) {
        this.session = session;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public Step<Answer, WatchResult> next(Instant now) {
        if (session.expired(now)) {
            return new Done<>(session.stopped(Ending.TIMED_OUT, now).result());
        }
        return new Ask<>(this::ask);
    }

    /** On a pool thread: the session is not touched here. */
    private Answer ask() {
        try {
            return new Answer(source.fetch(session.timeLimit(clock.instant())), null);
        } catch (ApiException e) {
            return new Answer(Optional.empty(), e);
        }
    }

    @Override
    public Step<Answer, WatchResult> answered(Answer answer, Instant now) {
        WatchSession.Step step = answer.error() == null ? session.answered(answer.status(), now) : session.failed(answer.error(), now);
        if (step instanceof WatchSession.Done done) {
            return new Done<>(done.result());
        }
        Duration delay = ((WatchSession.PollAfter) step).delay();
        Instant deadline = session.deadline();
        if (deadline != null && now.plus(delay).isAfter(deadline)) {
            // No wait runs past --timeout: the turn at the deadline ends the watch.
            delay = Duration.between(now, deadline);
        }
        return new Wait<>(delay.isNegative() ? Duration.ZERO : delay);
    }

    @Override
    public WatchResult stopped(Instant now) {
        return session.stopped(Ending.INTERRUPTED, now).result();
    }
}
