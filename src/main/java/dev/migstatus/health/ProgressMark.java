package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;
import dev.migstatus.model.ParseResult;

/**
 * What of a running operation can move: its percent and every count the portal reports. Two
 * answers with equal marks show no progress between them, however far apart they came.
 * Only sizes are kept: comparing 100,000 users by content every poll would cost more than it tells.
 */
record ProgressMark(Operation operation, double progress, int users, int withoutEmailUsers, int existUsers, int groups,
                    int errors, long imported, long failed, int failedArchives, int files) {

    static ProgressMark of(MigrationStatus status) {
        ParseResult r = status.parseResult();
        return new ProgressMark(status.operation(), status.progress(), r.users().size(), r.withoutEmailUsers().size(),
                r.existUsers().size(), r.groups().size(), r.errors().size(), r.successedUsers(), r.failedUsers(),
                r.failedArchives().size(), r.files().size());
    }
}
