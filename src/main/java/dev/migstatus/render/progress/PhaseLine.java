package dev.migstatus.render.progress;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Phase;
import dev.migstatus.outcome.Summary;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;
import dev.migstatus.watch.Poll;

/** The words both progress views use for a poll: phase, migrator, percent, time left, counts. */
final class PhaseLine {

    private PhaseLine() {
    }

    static String phase(Poll poll, boolean waitingForMigration) {
        if (poll.status().isEmpty()) {
            return waitingForMigration ? "waiting: no migration on the portal yet" : "no migration on the portal";
        }
        return poll.phase().label();
    }

    static String migrator(MigrationStatus status) {
        String name = status.parseResult().migratorName();
        return name == null || name.isBlank() ? "" : SafeText.line(name);
    }

    /** {@code ~12m left}, or "" while the time left cannot be told honestly. */
    static String timeLeft(Poll poll) {
        return poll.timeLeft().map(left -> "~" + Durations.roughly(left) + " left").orElse("");
    }

    /** -1 while progress says nothing (the server sits at 0 or 1). */
    static int percent(Poll poll) {
        return poll.status().filter(s -> !s.progressIndeterminate() && poll.phase().running())
                .map(s -> Formats.percent(s.progress())).orElse(-1);
    }

    /** Counts, or what the user has to do next when the watch waits for them. */
    static String counts(Poll poll, MigrationStatus status, boolean waitingForMigration, UserCounter counter) {
        return awaitsUser(poll, waitingForMigration)
                ? Summary.afterParse(counter.count(status.parseResult()))
                : counter.describe(status.parseResult());
    }

    static boolean awaitsUser(Poll poll, boolean waitingForMigration) {
        return waitingForMigration && poll.phase() == Phase.PARSED;
    }
}
