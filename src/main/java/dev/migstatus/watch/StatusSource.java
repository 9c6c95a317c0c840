package dev.migstatus.watch;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.docspace.DocSpaceClient;
import dev.migstatus.docspace.StatusAnswer;
import dev.migstatus.docspace.StatusFields;
import dev.migstatus.model.MigrationStatus;

import java.time.Duration;
import java.util.Optional;

/** One look at the portal's migration status; empty when nothing runs. */
@FunctionalInterface
public interface StatusSource {

    /** @param timeLimit the most this look may take: the watch's own deadline may be near */
    Optional<MigrationStatus> fetch(Duration timeLimit) throws ApiException;

    /**
     * A look at what {@code fields} names. A source that cannot ask for less answers in full, and
     * says so: a watch then stops asking.
     */
    default StatusAnswer fetch(StatusFields fields, Duration timeLimit) throws ApiException {
        return StatusAnswer.whole(fields, fetch(timeLimit));
    }

    /** A portal's status endpoint, lean polls included. */
    static StatusSource of(DocSpaceClient client) {
        return new StatusSource() {
            @Override
            public Optional<MigrationStatus> fetch(Duration timeLimit) throws ApiException {
                return client.status(timeLimit);
            }

            @Override
            public StatusAnswer fetch(StatusFields fields, Duration timeLimit) throws ApiException {
                return client.status(fields, timeLimit);
            }
        };
    }
}
