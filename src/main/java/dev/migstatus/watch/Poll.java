package dev.migstatus.watch;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One successful look at the portal, with where the migration stood before it.
 *
 * @param timeLeft how long the running operation has left at the rate it went lately, when that can
 *                 be told honestly (see {@link dev.migstatus.health.EtaEstimator})
 */
public record Poll(Instant at, Duration elapsed, Optional<MigrationStatus> status, Phase phase, Phase previousPhase,
                   Optional<Duration> timeLeft) {

    public boolean phaseChanged() {
        return phase != previousPhase;
    }
}
