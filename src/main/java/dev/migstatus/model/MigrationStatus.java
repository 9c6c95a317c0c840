package dev.migstatus.model;

/**
 * The {@code response} of {@code GET /api/2.0/migration/status}.
 *
 * <p>{@code isCompleted} ends the current <em>operation</em>, not the migration: a finished parse
 * is completed too. {@code error} is "" unless the operation failed, and a non-empty one is final
 * even without {@code isCompleted} (see {@link #ended()}). {@code parseResult} is
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

    /**
     * Whether the operation is over: completed, or failed. The server skips {@code isCompleted} when
     * a job is cancelled or throws after its work (saving the log, publishing), yet publishes the
     * error; its own web client treats any error as final, and so does migstatus.
     */
    public boolean ended() {
        return isCompleted || failed();
    }

    /** Null while the server has not named the operation yet. */
    public Operation operation() {
        return parseResult.operation();
    }
}
