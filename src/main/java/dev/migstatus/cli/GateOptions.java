package dev.migstatus.cli;

import dev.migstatus.outcome.FailurePolicy;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What counts as success, and the files a CI job keeps. */
public final class GateOptions implements HelpSection {

    @Override
    public String heading() {
        return "Gate and reports";
    }

    @Option(names = "--max-failed-users", paramLabel = "N", defaultValue = Defaults.MAX_FAILED_USERS, converter = CountConverter.class,
            description = "Tolerate up to N failed users in a migration. Default: ${DEFAULT-VALUE}.")
    private long maxFailedUsers;

    @Option(names = "--allow-errors", description = "Tolerate non-fatal errors[] entries (items that could not be imported).")
    private boolean allowErrors;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write a JUnit XML report: a case per user, per error and for the operation.")
    private Path junit;

    @Option(names = "--save-log", paramLabel = "FILE",
            description = "When the watch ends, whatever the outcome, save the migration log there;"
                    + " in a fleet, FILE is a directory that gets one log per portal.")
    private Path saveLog;

    FailurePolicy policy() {
        return new FailurePolicy(maxFailedUsers, allowErrors);
    }

    /** The files, each checked before the watch starts: finding out after a three-hour watch helps nobody. */
    Reports reports() {
        return new Reports(ReportFile.writable("--junit", junit), ReportFile.writable("--save-log", saveLog));
    }

    /** The same for a fleet, whose --save-log is a directory: made if need be, as {@code mkdir} would. */
    Reports fleetReports() {
        Path dir = saveLog;
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UsageException("--save-log " + dir + ": a fleet saves one log per portal in a directory,"
                        + " and this one cannot be made (" + IoErrors.describe(e) + ")");
            }
            if (!Files.isWritable(dir)) {
                throw new UsageException("--save-log " + dir + ": the directory is not writable");
            }
        }
        return new Reports(ReportFile.writable("--junit", junit), dir);
    }
}
