package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;

import java.time.Duration;
import java.time.Instant;

/**
 * @param lastStatus the last status the portal sent, or null when it sent none
 * @param lastPhase  where the last answer stood: {@link Phase#NONE} when it was empty, even after a status
 * @param error      the failure of the last request, when the last request failed (it ended a
 *                   {@link Ending#REQUEST_FAILED} watch); else null
 * @param sawItRun   whether any answer showed an unfinished operation; false when it was already over
 * @param stalledFor how long the operation had shown no change, when that ended the watch ({@link Ending#STALLED}); else null
 * @param answered   whether the portal answered at all, "no migration" included
 */
public record WatchResult(Ending ending, MigrationStatus lastStatus, Phase lastPhase, ApiException error, Instant startedAt,
                          Instant endedAt, boolean sawItRun, Duration stalledFor, boolean answered) {

    public Duration elapsed() {
        return Duration.between(startedAt, endedAt);
    }
}
