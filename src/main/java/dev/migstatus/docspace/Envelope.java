package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;

import java.util.Set;

/**
 * DocSpace's answer wrapper: {@code {"response":…,"count":…,"links":[…],"status":0,"statusCode":200}}.
 * {@code status} is 0 or 1 (not an HTTP code); an error envelope carries {@code error.message}.
 *
 * @param status          the unwrapped status object, or null when the envelope has no {@code response}
 * @param recognized      false when the JSON has none of the envelope's members: then it is not DocSpace
 * @param errorMessage    {@code error.message} of an error envelope, else null
 * @param shape           what the status's {@code parseResult} held
 * @param docSpace20      the status has the shape of DocSpace 2.0, whose migration API the releases since
 *                        replaced: {@code progressStatus} and {@code migrationEnded} instead of {@code error} and
 *                        {@code isCompleted}, or, after a cancel, the migrator's name as a bare string
 */
record Envelope(MigrationStatus status, boolean recognized, int statusFlag, int statusCode, String errorMessage,
                StatusAnswer.Shape shape, boolean docSpace20) {

    /** The status members only DocSpace 2.0 wrote. */
    static final Set<String> DOCSPACE_20_MEMBERS = Set.of("progressStatus", "migrationEnded");
    /** DocSpace 2.0's migrator names, which it answered alone after a cancel; since 2.5 they are GoogleWorkspace, Nextcloud, Workspace. */
    static final Set<String> DOCSPACE_20_MIGRATORS = Set.of("GoogleWorkspace", "NextcloudMigrate", "OwncloudMigrate");

    boolean isError() {
        return statusFlag == 1 || errorMessage != null;
    }
}
