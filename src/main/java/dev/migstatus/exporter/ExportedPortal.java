package dev.migstatus.exporter;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.StatusAnswer;
import dev.migstatus.docspace.StatusFields;
import dev.migstatus.fleet.FleetMember;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.watch.LeanPolls;
import dev.migstatus.watch.StatusSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One portal as the exporter polls it: for ever, every {@code interval}, each poll published as a
 * {@link PortalSnapshot}. A portal that stops answering is polled on as before, not with backoff
 * (the next scrape wants fresh news of it), but a {@code Retry-After} it sends is respected.
 * Only changes between answering and not are logged, so a portal down for a day is two lines.
 * Polls are lean as a watch's are ({@link LeanPolls}): the user lists of a big tenant are tens of
 * megabytes, so the list sizes come from the last full answer, the rest from every answer.
 */
public final class ExportedPortal implements FleetMember<ExportedPortal.Polled, Void> {

    /** One poll's outcome: {@code reply} null when the portal did not answer, {@code error} null when it did. */
    public record Polled(StatusAnswer reply, ApiException error, Instant at, Duration took) {
    }

    private final String portal;
    private final StatusSource source;
    private final MigrationMetrics metrics;
    private final Duration interval;
    private final Duration timeLimit;
    private final Clock clock;
    private final Consumer<String> log;
    private final LeanPolls leanPolls;
    private Boolean answering;

    /**
     * @param portal    the base URL, the {@code portal} label
     * @param timeLimit the most one poll may take
     * @param fullEvery the longest it polls lean before it asks for the whole status again
     * @param log       one line when the portal stops or starts answering
     */
    public ExportedPortal(String portal, StatusSource source, MigrationMetrics metrics, Duration interval, Duration timeLimit,
                          Duration fullEvery, Clock clock, Consumer<String> log) {
        this.portal = portal;
        this.source = source;
        this.metrics = metrics;
        this.interval = interval;
        this.timeLimit = timeLimit;
        this.clock = clock;
        this.log = log;
        this.leanPolls = LeanPolls.endless(fullEvery);
    }

    @Override
    public Step<Polled, Void> next(Instant now) {
        StatusFields fields = leanPolls.next(now);
        return new Ask<>(() -> poll(fields));
    }

    /** On a pool thread: never throws, a failure is an outcome. */
    private Polled poll(StatusFields fields) {
        Instant start = clock.instant();
        try {
            StatusAnswer reply = source.fetch(fields, timeLimit);
            return new Polled(reply, null, start, Duration.between(start, clock.instant()));
        } catch (ApiException e) {
            return new Polled(null, e, start, Duration.between(start, clock.instant()));
        }
    }

    @Override
    public Step<Polled, Void> answered(Polled polled, Instant now) {
        boolean ok = polled.error() == null;
        if (ok && leanPolls.setAside(polled.reply())) {
            // A lean answer showing a new state: the full one asked at once publishes it, lists and all.
            return new Wait<>(Duration.ZERO);
        }
        if (ok) {
            Optional<MigrationStatus> status = leanPolls.status(polled.reply(), now);
            metrics.record(PortalSnapshot.answer(portal, status, polled.at(), polled.took()));
        } else {
            metrics.record(PortalSnapshot.noAnswer(portal, polled.at(), polled.took()));
        }
        if (answering == null ? !ok : answering != ok) {
            log.accept(ok ? portal + ": answers again" : portal + ": no answer: " + polled.error().getMessage());
        }
        answering = ok;
        Duration wait = interval;
        if (!ok) {
            Duration asked = polled.error().retryAfter().map(r -> r.waitFrom(now)).orElse(Duration.ZERO);
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return new Wait<>(wait);
    }

    @Override
    public Void stopped(Instant now) {
        return null;
    }
}
