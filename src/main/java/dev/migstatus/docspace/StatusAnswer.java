package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;

import java.util.Optional;

/**
 * One status answer, with what it holds: a lean request may come back lean (the server honours
 * {@code fields}) or in full (it does not); the {@code parseResult} members tell which.
 *
 * @param status empty when the portal runs no migration
 * @param asked  what the request asked for
 * @param shape  what {@code parseResult} held
 */
public record StatusAnswer(Optional<MigrationStatus> status, StatusFields asked, Shape shape) {

    /** What an answer's {@code parseResult} held. */
    public enum Shape {
        /** No parseResult (nothing runs, or a parse is queued): lean and full answers are alike. */
        NO_PARSE_RESULT,
        /** Only the members a lean request names. */
        LEAN,
        /** At least one member a lean request does not name (a full parseResult always has {@code importGroups}). */
        WHOLE
    }

    /** An answer from a source that always answers in full, whatever was asked. */
    public static StatusAnswer whole(StatusFields asked, Optional<MigrationStatus> status) {
        return new StatusAnswer(status, asked, status.isPresent() ? Shape.WHOLE : Shape.NO_PARSE_RESULT);
    }

    /** Whether it holds every member the server has: false only for a lean answer to a lean request. */
    public boolean complete() {
        return asked == StatusFields.ALL || shape != Shape.LEAN;
    }

    /** Whether the server honours {@code fields}, when this answer can tell: only a lean request with a parseResult can. */
    public Optional<Boolean> honoursFields() {
        if (asked != StatusFields.LEAN || shape == Shape.NO_PARSE_RESULT) {
            return Optional.empty();
        }
        return Optional.of(shape == Shape.LEAN);
    }
}
