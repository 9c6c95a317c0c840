package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.UnavailableException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.ParseResult;
import dev.migstatus.testing.FakeClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poll loop's decisions where a real portal cannot be made to misbehave on cue: DNS. */
class WatcherTest {

    private static final WatchSettings SETTINGS = new WatchSettings(Duration.ofSeconds(2), null, Until.COMPLETED, false,
            Duration.ofMinutes(5), WatchSettings.DEFAULT_EMPTY_RECHECKS, Duration.ZERO, false);

    private static final UnavailableException NOT_FOUND = new UnavailableException(UnavailableException.Reason.UNKNOWN_HOST,
            "portal.example.com unreachable (host name not found)", "host name not found", null, true, null);

    private static MigrationStatus migration(double progress, boolean completed) {
        ParseResult result = new ParseResult("Nextcloud", "migration", List.of(), List.of(), List.of(), List.of(), List.of(),
                0, 0, List.of(), List.of());
        return new MigrationStatus(progress, "", completed, result);
    }

    /** Answers in turn; an exception in the list is thrown instead. */
    private static WatchResult watch(Object... answers) {
        FakeClock clock = new FakeClock();
        List<Object> left = new ArrayList<>(List.of(answers));
        StatusSource source = limit -> {
            Object next = left.size() > 1 ? left.remove(0) : left.get(0);
            if (next instanceof ApiException e) {
                throw e;
            }
            return Optional.of((MigrationStatus) next);
        };
        return new Watcher(source, SETTINGS, clock, clock::advance, new Backoff(SETTINGS.interval(), () -> 0.5),
                new Cancellation(), WatchListeners.of()).run();
    }

    @Test
    void aNameThatStopsResolvingAfterTheFirstAnswerIsAnOutageAndRiddenOut() {
        WatchResult result = watch(migration(40, false), NOT_FOUND, NOT_FOUND, migration(100, true));
        assertEquals(Ending.COMPLETED, result.ending());
        assertTrue(result.answered());
    }

    @Test
    void aNameThatNeverResolvedEndsTheWatchAtTheFirstTry() {
        WatchResult result = watch(NOT_FOUND, migration(100, true));
        assertEquals(Ending.REQUEST_FAILED, result.ending());
        assertEquals(Duration.ZERO, result.elapsed(), "no retry, no wait");
        assertFalse(result.answered());
    }
}
