package dev.migstatus.watch;

import dev.migstatus.docspace.StatusAnswer;
import dev.migstatus.docspace.StatusFields;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.ParseResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses between a lean poll and a full one for one watch. While an operation runs, a lean poll
 * (a few hundred bytes) brings what moves: progress and the success and failure counts; the lists
 * come from the last full answer. A full answer is asked for first, whenever a lean one shows a
 * change of state (operation, completion, error: it is then set aside and a full one asked at
 * once), to confirm an end, after nothing ran, and at least every {@code fullEvery}. A server that
 * answers a lean request in full ignores {@code fields} (DocSpace before 3.2.1): it is not asked again.
 * A watch and the exporter share it; only what counts as an end differs.
 */
public final class LeanPolls {

    private final boolean enabled;
    private final Duration fullEvery;
    /** An end a watch stops at: seen whole, and every answer in full from then on (the watch's last). */
    private final Predicate<MigrationStatus> end;
    /** Null until an answer tells. */
    private Boolean honoured;
    /** The last full answer, empty when nothing ran; null before the first. */
    private Optional<MigrationStatus> whole;
    private Instant wholeAt;
    private boolean wholeNow;

    /** @param enabled false asks in full every time ({@code --once}: one answer must say everything) */
    LeanPolls(boolean enabled, Duration fullEvery, Until until) {
        this(enabled, fullEvery, until::isEnd);
    }

    private LeanPolls(boolean enabled, Duration fullEvery, Predicate<MigrationStatus> end) {
        this.enabled = enabled;
        this.fullEvery = fullEvery;
        this.end = end;
    }

    /**
     * For a poller that never stops (the exporter): an ended operation stays on a portal for up to
     * a day, so it is polled lean like a running one. Its end is still seen whole, as a change of state.
     */
    public static LeanPolls endless(Duration fullEvery) {
        return new LeanPolls(true, fullEvery, status -> false);
    }

    /**
     * Whether this answer must be set aside for a full one asked at once: a lean answer that
     * shows another state than the last full one, or an end.
     */
    public boolean setAside(StatusAnswer answer) {
        answer.honoursFields().ifPresent(h -> honoured = h);
        if (answer.complete()) {
            return false;
        }
        MigrationStatus lean = answer.status().orElseThrow();
        MigrationStatus last = whole == null ? null : whole.orElse(null);
        wholeNow = last == null || !sameState(lean, last) || end.test(lean);
        return wholeNow;
    }

    /** The status the answer stands for: a lean one completed with the last full answer's lists. */
    public Optional<MigrationStatus> status(StatusAnswer answer, Instant now) {
        if (answer.complete()) {
            whole = answer.status();
            wholeAt = now;
            wholeNow = false;
            return whole;
        }
        return Optional.of(merged(whole.orElseThrow(), answer.status().orElseThrow()));
    }

    /** What to ask for next. */
    public StatusFields next(Instant now) {
        boolean lean = enabled && !Boolean.FALSE.equals(honoured) && !wholeNow
                && whole != null && whole.isPresent() && !end.test(whole.get())
                && now.isBefore(wholeAt.plus(fullEvery));
        return lean ? StatusFields.LEAN : StatusFields.ALL;
    }

    /**
     * The members a lean answer carries that say which state the operation is in. Progress leaving
     * 0–1 counts: a migration starts at 1 with empty lists while the server parses the archive
     * again, and fills them when it moves on.
     */
    private static boolean sameState(MigrationStatus lean, MigrationStatus last) {
        return lean.isCompleted() == last.isCompleted()
                && lean.progressIndeterminate() == last.progressIndeterminate()
                && lean.error().equals(last.error())
                && Objects.equals(lean.parseResult().operationName(), last.parseResult().operationName())
                && Objects.equals(lean.parseResult().migratorName(), last.parseResult().migratorName());
    }

    private static MigrationStatus merged(MigrationStatus last, MigrationStatus lean) {
        ParseResult l = last.parseResult();
        ParseResult n = lean.parseResult();
        return new MigrationStatus(lean.progress(), lean.error(), lean.isCompleted(),
                new ParseResult(n.migratorName(), n.operationName(), l.failedArchives(), l.users(), l.withoutEmailUsers(),
                        l.existUsers(), l.groups(), n.successedUsers(), n.failedUsers(), l.files(), l.errors()));
    }
}
