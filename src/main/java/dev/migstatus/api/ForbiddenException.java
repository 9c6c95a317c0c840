package dev.migstatus.api;

/** HTTP 403 (or 402): signed in, but not allowed to see migrations. */
public final class ForbiddenException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message, null);
    }
}
