package dev.migstatus.render.report;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.outcome.ExitCode;

import java.time.Duration;

/**
 * What a watch ended with, as the JSON document carries it.
 *
 * @param host    the portal, as given; null when the command line did not get that far
 * @param code    how it ended: the exit code and, in JSON, its name as {@code outcome}
 * @param status  the last status seen, or null
 */
public record FinalReport(String host, ExitCode code, Duration elapsed, String message, MigrationStatus status) {

    /** Ended well: exit code 0. */
    public boolean ok() {
        return code == ExitCode.OK;
    }
}
