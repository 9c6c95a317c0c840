package dev.migstatus.watch;

import dev.migstatus.api.ApiException;
import dev.migstatus.model.MigrationStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * @param lastStatus the last status the portal sent, or null when it sent none
 * @param error      the failure of the last request, when the last request failed (it ended a
 *                   {@link Ending#REQUEST_FAILED} watch); else null
 * @param answers    how many answers the portal gave: 1 for a watch that found the operation already over
 */
public record WatchResult(Ending ending, MigrationStatus lastStatus, ApiException error, Instant startedAt, Instant endedAt,
                          int answers) {

    public Duration elapsed() {
        return Duration.between(startedAt, endedAt);
    }
}
