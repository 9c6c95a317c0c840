package dev.migstatus.watch;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;

import java.util.Locale;

/** Which completion ends the watch. */
public enum Until {
    /** The first operation that completes, parse or migration. */
    COMPLETED,
    /** A migration that completes; waits through "nothing yet" and a finished parse. A failure of any step ends it too. */
    MIGRATED;

    /** As users type it, in help and in shell completion. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isEnd(MigrationStatus status) {
        if (!status.ended()) {
            return false;
        }
        return this == COMPLETED || status.failed() || status.operation() == Operation.MIGRATION;
    }
}
