package dev.migstatus.cli;

import java.nio.file.Path;

/**
 * Files a watch leaves for a CI job to archive.
 *
 * @param junit   the JUnit XML report, or null
 * @param saveLog where the migration log goes when the watch ends, or null
 */
record Reports(Path junit, Path saveLog) {
}
