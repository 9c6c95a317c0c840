package dev.migstatus.render;

import dev.migstatus.api.Durations;
import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.Operation;
import dev.migstatus.model.ParseResult;
import dev.migstatus.model.Phase;

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
            return "Migration completed: " + Formats.count(result.successedUsers(), "user", "users") + " imported, "
                    + result.failedUsers() + " failed" + errors(result) + archives(result);
        }
        long found = StatusFacts.distinctUsers(result);
        String prefix = op == Operation.PARSE ? "Parse finished" : "Operation completed";
        if (found == 0) {
            return prefix + " but found no users" + errors(result) + archives(result) + "; check the archive and start again in DocSpace";
        }
        return prefix + ": " + Formats.count(found, "user", "users") + " ready" + errors(result) + archives(result)
                + "; select users in DocSpace to start the migration";
    }

    public static String running(MigrationStatus status) {
        Phase phase = Phase.of(status);
        String state = switch (phase) {
            case PARSING -> "Still parsing";
            case MIGRATING -> "Migration running";
            default -> "Starting";
        };
        return StatusFacts.indeterminate(status) ? state : state + ": " + Formats.percent(status.progress()) + "%";
    }

    public static String noMigration(String host) {
        return "No migration is running on " + host;
    }

    /** For a watch that stopped early: where it stood, and that the server goes on regardless. */
    public static String stoppedEarly(String why, MigrationStatus last) {
        String seen = last == null ? "" : "; last seen: " + lastSeen(last);
        return why + seen + "; the migration keeps running on the server";
    }

    public static String timedOut(Duration after, MigrationStatus last) {
        return stoppedEarly("Timed out after " + Durations.format(after), last);
    }

    private static String lastSeen(MigrationStatus status) {
        Phase phase = Phase.of(status);
        return StatusFacts.indeterminate(status) || !phase.running()
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
