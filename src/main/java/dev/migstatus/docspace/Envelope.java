package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;

/**
 * DocSpace's answer wrapper: {@code {"response":…,"count":…,"links":[…],"status":0,"statusCode":200}}.
 * {@code status} is 0 or 1 (not an HTTP code); an error envelope carries {@code error.message}.
 *
 * @param status          the unwrapped status object, or null when the envelope has no {@code response}
 * @param recognized      false when the JSON has none of the envelope's members: then it is not DocSpace
 * @param errorMessage    {@code error.message} of an error envelope, else null
 * @param shape           what the status's {@code parseResult} held
 */
record Envelope(MigrationStatus status, boolean recognized, int statusFlag, int statusCode, String errorMessage,
                StatusAnswer.Shape shape) {

    boolean isError() {
        return statusFlag == 1 || errorMessage != null;
    }
}
