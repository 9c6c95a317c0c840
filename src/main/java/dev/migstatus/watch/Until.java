package dev.migstatus.watch;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;

/** Which completion ends the watch. */
public enum Until {
    /** The first operation that completes, parse or migration. */
    COMPLETED,
    /** A migration that completes; waits through "nothing yet" and a finished parse. A failure of any step ends it too. */
    MIGRATED;

    public boolean isEnd(MigrationStatus status) {
        if (!status.isCompleted()) {
            return false;
        }
        return this == COMPLETED || status.failed() || status.operation() == Operation.MIGRATION;
    }
}
