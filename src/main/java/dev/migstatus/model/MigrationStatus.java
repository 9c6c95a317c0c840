package dev.migstatus.model;

/**
 * The {@code response} of {@code GET /api/2.0/migration/status}.
 *
 * <p>{@code isCompleted} ends the current <em>operation</em>, not the migration: a finished parse
 * is completed too. {@code error} is "" unless the operation failed. {@code parseResult} is
 * {@link ParseResult#EMPTY} while the server has not created one yet.
 */
public record MigrationStatus(
        double progress,
        String error,
        boolean isCompleted,
        ParseResult parseResult) {

    public MigrationStatus {
        error = error == null ? "" : error;
        parseResult = parseResult == null ? ParseResult.EMPTY : parseResult;
    }

    /** Progress says nothing while the server sits at 0 or 1: it moves in integer steps over many users. */
    public boolean progressIndeterminate() {
        return progress <= 1;
    }

    public boolean failed() {
        return !error.isBlank();
    }

    /** Null while the server has not named the operation yet. */
    public Operation operation() {
        return parseResult.operation();
    }
}
