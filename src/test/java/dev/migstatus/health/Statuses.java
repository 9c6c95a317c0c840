package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.ParseResult;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Answers as the status reader would give them, for feeding the detectors directly. */
final class Statuses {

    private Statuses() {
    }

    static Optional<MigrationStatus> running(String operation, double progress) {
        return running(operation, progress, 0, 0);
    }

    static Optional<MigrationStatus> running(String operation, double progress, int users, long imported) {
        return Optional.of(new MigrationStatus(progress, "", false, result(operation, users, imported)));
    }

    static Optional<MigrationStatus> completed(String operation, int users, long imported) {
        return Optional.of(new MigrationStatus(100, "", true, result(operation, users, imported)));
    }

    private static ParseResult result(String operation, int users, long imported) {
        List<MigrationUser> list = Collections.nCopies(users, new MigrationUser("k", "a@example.com", "A", null, null, "User", null));
        return new ParseResult("Nextcloud", operation, List.of(), list, List.of(), List.of(), List.of(), imported, 0,
                List.of(), List.of());
    }
}
