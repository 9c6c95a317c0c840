package dev.migstatus.outcome;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;
import dev.migstatus.model.ParseResult;
import dev.migstatus.text.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a completed operation's exit code is: clean, completed with failures, or failed.
 * A migration that imported no user and failed none is clean: DocSpace counts imported users as
 * selected minus failed, so it is one that imported only groups or files, as the admin chose.
 *
 * @param maxFailedUsers failed users tolerated by a migration
 * @param allowErrors    whether non-fatal {@code errors[]} entries are tolerated
 */
public record FailurePolicy(long maxFailedUsers, boolean allowErrors) {

    public static final FailurePolicy STRICT = new FailurePolicy(0, false);

    public ExitCode judge(MigrationStatus status) {
        if (status.failed()) {
            return ExitCode.FAILED;
        }
        ParseResult result = status.parseResult();
        boolean failures = !result.failedArchives().isEmpty()
                || (!allowErrors && !result.errors().isEmpty())
                || result.failedUsers() > maxFailedUsers;
        if (status.operation() != Operation.MIGRATION && foundNoUsers(result)) {
            // A parse that found nobody leaves nothing to migrate: not a clean result.
            failures = true;
        }
        return failures ? ExitCode.COMPLETED_WITH_FAILURES : ExitCode.OK;
    }

    /**
     * What failed but is let through, each with the option that lets it: {@code 1 failed user
     * (--max-failed-users 2)}, {@code 2 errors (--allow-errors)}; empty when nothing was tolerated.
     */
    public List<String> tolerated(MigrationStatus status) {
        ParseResult result = status.parseResult();
        List<String> tolerated = new ArrayList<>();
        if (status.operation() == Operation.MIGRATION && result.failedUsers() > 0 && result.failedUsers() <= maxFailedUsers) {
            tolerated.add(Formats.count(result.failedUsers(), "failed user", "failed users") + " (--max-failed-users " + maxFailedUsers + ")");
        }
        if (allowErrors && !result.errors().isEmpty()) {
            tolerated.add(Formats.count(result.errors().size(), "error", "errors") + " (--allow-errors)");
        }
        return tolerated;
    }

    private static boolean foundNoUsers(ParseResult result) {
        return result.users().isEmpty() && result.withoutEmailUsers().isEmpty() && result.existUsers().isEmpty();
    }
}
