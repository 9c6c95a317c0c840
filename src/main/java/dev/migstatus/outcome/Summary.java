package dev.migstatus.outcome;

import dev.migstatus.docspace.ApiException;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;
import dev.migstatus.model.ParseResult;
import dev.migstatus.model.Phase;
import dev.migstatus.text.Durations;
import dev.migstatus.text.Formats;
import dev.migstatus.text.SafeText;
import dev.migstatus.watch.WatchResult;

import java.time.Duration;

/** The one sentence that ends every watch. Server text in it is made safe for a terminal. */
public final class Summary {

    private Summary() {
    }

    public static String completed(MigrationStatus status) {
        ParseResult result = status.parseResult();
        Operation op = status.operation();
        if (status.failed()) {
            String what = op == Operation.PARSE ? "Parse failed: " : "Migration failed: ";
            return what + SafeText.line(status.error().strip()) + archives(result);
        }
        if (op == Operation.MIGRATION) {
            if (result.successedUsers() == 0 && result.failedUsers() == 0) {
                // DocSpace counts imported users as selected minus failed: none of either means none selected.
                return "Migration completed: no users were selected, so none were imported" + errors(result) + archives(result);
            }
            return "Migration completed: " + Formats.count(result.successedUsers(), "user", "users") + " imported, "
                    + Formats.count(result.failedUsers()) + " failed" + errors(result) + archives(result);
        }
        long found = result.distinctUsers();
        String prefix = op == Operation.PARSE ? "Parse finished" : "Operation completed";
        if (found == 0) {
            return prefix + " but found no users" + errors(result) + archives(result) + "; check the archive and start again in DocSpace";
        }
        return prefix + ": " + Formats.count(found, "user", "users") + " ready" + errors(result) + archives(result)
                + "; select users in DocSpace to start the migration";
    }

    /** What to tell a user whose watch goes on after a parse: the next step is theirs. */
    public static String afterParse(long users) {
        return Formats.count(users, "user", "users") + " ready; waiting for the migration to start (select users in DocSpace)";
    }

    /** For {@code --once} while the awaited operation has not ended. */
    public static String running(MigrationStatus status) {
        Phase phase = Phase.of(status);
        if (phase == Phase.PARSED) {
            return "Parse finished: " + afterParse(status.parseResult().distinctUsers());
        }
        String state = switch (phase) {
            case PARSING -> "Still parsing";
            case MIGRATING -> "Migration running";
            default -> "Starting";
        };
        return status.progressIndeterminate() ? state : state + ": " + Formats.percent(status.progress()) + "%";
    }

    /** Why {@code GET logs} has nothing yet: DocSpace writes an operation's log when the operation ends. */
    public static String logNotWrittenYet(String host, MigrationStatus running) {
        Operation op = running.operation();
        String what = op == Operation.MIGRATION ? "migration" : op == Operation.PARSE ? "parse" : "operation";
        return "No log yet: the " + what + " on " + host + " is still running (" + lastSeen(running)
                + "), and DocSpace writes its log when it ends";
    }

    /**
     * @param last the last status seen before the portal answered "nothing", or null: then an
     *             operation vanished (cancelled or cleared), which is not the same as none ever running
     * @param mayWaitForOne the watch stopped at the first "nothing": {@code --until migrated} would have waited
     */
    public static String noMigration(String host, MigrationStatus last, boolean mayWaitForOne) {
        if (last == null) {
            // The admin may not have started it yet: a fresh watch that ends at once should say how to wait.
            return "No migration is running on " + host + (mayWaitForOne ? "; to wait for one to start and finish, use --until migrated" : "");
        }
        return "The migration is no longer on " + host + " (cancelled or cleared in DocSpace?); last seen: " + lastSeen(last);
    }

    /**
     * For a watch that stopped early: where it stood, and, when something was running, that the server
     * goes on regardless. A portal that never answered is said to be just that: nothing is known
     * about its migrations.
     */
    public static String stoppedEarly(String why, WatchResult result) {
        MigrationStatus last = result.lastStatus();
        Phase lastPhase = result.lastPhase();
        if (!result.answered()) {
            ApiException error = result.error();
            return why + "; the portal never answered" + (error == null ? "" : " (last: " + error.brief() + ")");
        }
        if (lastPhase == Phase.NONE || last == null) {
            return why + "; no migration was running on the portal";
        }
        String seen = why + "; last seen: " + lastSeen(last);
        if (lastPhase.running()) {
            return seen + "; the migration keeps running on the server";
        }
        return lastPhase == Phase.PARSED ? seen + "; the migration waits for users to be selected in DocSpace" : seen;
    }

    public static String timedOut(WatchResult result) {
        return stoppedEarly("Timed out after " + Durations.format(result.elapsed()), result);
    }

    /** For {@code --fail-on-stall}: the watch gave up on an operation that no longer moves. */
    public static String stalled(Duration unchangedFor, MigrationStatus last) {
        return "Stalled: " + noProgress(unchangedFor, last) + "; the migration keeps running on the server;"
                + " check the portal or the server's logs (the migration log comes only when the operation ends)";
    }

    /**
     * {@code no progress for 30m (migrating at 45%)}: the percent is given even at 0–1 %, where
     * it says little, because there it is the reason a plateau may be normal.
     */
    public static String noProgress(Duration unchangedFor, MigrationStatus status) {
        return "no progress for " + Durations.roughly(unchangedFor) + " (" + Phase.of(status).label() + " at "
                + Formats.percent(status.progress()) + "%)";
    }

    private static String lastSeen(MigrationStatus status) {
        Phase phase = Phase.of(status);
        return status.progressIndeterminate() || !phase.running()
                ? phase.label()
                : phase.label() + " at " + Formats.percent(status.progress()) + "%";
    }

    private static String errors(ParseResult result) {
        return result.errors().isEmpty() ? "" : ", " + Formats.count(result.errors().size(), "error", "errors");
    }

    private static String archives(ParseResult result) {
        int failed = result.failedArchives().size();
        return failed == 0 ? "" : ", " + failed + (failed == 1 ? " archive" : " archives") + " failed";
    }
}
