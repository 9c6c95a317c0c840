package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;

import java.util.Optional;

/**
 * A status answer read by copying it ({@link DocSpaceClient#statusCopy}).
 *
 * @param status what the watch decides on and the summary counts: every scalar of the answer, its
 *               string lists, and its user lists with the users' keys only (names, e-mails and
 *               files are in {@code json}); empty when nothing runs. Not for showing users.
 * @param json   the status as {@code -o json} prints it; null when nothing runs
 */
public record CopiedStatus(Optional<MigrationStatus> status, StatusJsonText json) {
}
