package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * A running operation stopped moving, or moved again after that was said.
 *
 * @param at            when the answer that showed it came
 * @param unchangedFor  how long the operation had shown the same progress and counts: at least
 *                      {@code --stall-after} for {@link Kind#STALLED}, the whole plateau for {@link Kind#RESUMED}
 * @param status        the answer that showed it: for a stall, the state it sits in
 */
public record StallEvent(Kind kind, Instant at, Duration unchangedFor, MigrationStatus status) {

    public enum Kind {
        /** Nothing moved for {@code --stall-after}; said once per plateau. */
        STALLED,
        /** The first change after a stall was said: progress, a count, or the operation ended. */
        RESUMED
    }
}
