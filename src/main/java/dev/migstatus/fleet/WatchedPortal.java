package dev.migstatus.fleet;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.StatusAnswer;
import dev.migstatus.docspace.StatusFields;
import dev.migstatus.watch.Ending;
import dev.migstatus.watch.StatusSource;
import dev.migstatus.watch.WatchResult;
import dev.migstatus.watch.WatchSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One portal of a fleet: its {@link WatchSession} (the same decisions a single watch makes, with
 * its own retries and deadline) as a member the {@link FleetDriver} can schedule.
 */
public final class WatchedPortal implements FleetMember<WatchedPortal.Answer, WatchResult> {

    /** What one request brought: the portal's answer, or the failure. */
    public record Answer(StatusAnswer reply, ApiException error) {
    }

    private final WatchSession session;
    private final StatusSource source;
    private final Clock clock;
    /** What the session asked for next: lean while an operation runs, in full when it matters. */
    private StatusFields fields = StatusFields.ALL;

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
            return new Answer(source.fetch(fields, session.timeLimit(clock.instant())), null);
        } catch (ApiException e) {
            return new Answer(null, e);
        }
    }

    @Override
    public Step<Answer, WatchResult> answered(Answer answer, Instant now) {
        WatchSession.Step step = answer.error() == null ? session.answered(answer.reply(), now) : session.failed(answer.error(), now);
        if (step instanceof WatchSession.Done done) {
            return new Done<>(done.result());
        }
        WatchSession.PollAfter next = (WatchSession.PollAfter) step;
        fields = next.fields();
        Duration delay = next.delay();
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
