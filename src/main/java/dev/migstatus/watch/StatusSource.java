package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.model.MigrationStatus;

import java.time.Duration;
import java.util.Optional;

/** One look at the portal's migration status; empty when nothing runs. */
@FunctionalInterface
public interface StatusSource {

    /** @param timeLimit the most this look may take: the watch's own deadline may be near */
    Optional<MigrationStatus> fetch(Duration timeLimit) throws ApiException;
}
