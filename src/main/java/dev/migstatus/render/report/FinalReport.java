package dev.migstatus.render.report;

import dev.migstatus.model.MigrationStatus;

import java.time.Duration;

/**
 * What a watch ended with, as the JSON document carries it.
 *
 * @param host     the portal, as given; null when the command line did not get that far
 * @param outcome  the exit code's name ({@code ok}, {@code unauthorized}, …)
 * @param status   the last status seen, or null
 */
public record FinalReport(String host, String outcome, int exitCode, Duration elapsed, String message, MigrationStatus status) {
}
