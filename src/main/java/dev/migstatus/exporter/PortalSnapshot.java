package dev.migstatus.exporter;

import dev.migstatus.model.MigrationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one poll of one portal showed, as the exporter publishes it.
 *
 * @param portal   the portal's base URL: the {@code portal} label (never a key: URLs with user info are refused)
 * @param answered whether the portal answered; when false, {@code status} is empty and the last
 *                 figures stay published, marked stale by {@code docspace_migration_up 0}
 * @param status   the migration status; empty when the portal runs no migration (or did not answer)
 * @param took     how long the request took, answer or not
 */
public record PortalSnapshot(String portal, boolean answered, Optional<MigrationStatus> status, Instant polledAt,
                             Duration took) {

    public static PortalSnapshot answer(String portal, Optional<MigrationStatus> status, Instant polledAt, Duration took) {
        return new PortalSnapshot(portal, true, status, polledAt, took);
    }

    public static PortalSnapshot noAnswer(String portal, Instant polledAt, Duration took) {
        return new PortalSnapshot(portal, false, Optional.empty(), polledAt, took);
    }
}
