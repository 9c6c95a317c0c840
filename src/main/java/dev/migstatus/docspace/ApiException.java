package dev.migstatus.docspace;

import java.util.Optional;

/**
 * A request to the portal did not give a usable answer. The message says what happened in one
 * line, without the credential; what the user should do about it is for the caller to add.
 */
public abstract sealed class ApiException extends Exception
        permits UnauthorizedException, ForbiddenException, NotFoundException, UnavailableException, ProtocolException {

    private static final long serialVersionUID = 1L;

    private final String brief;

    protected ApiException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param brief what went wrong in a few words, without the host ({@code connection refused}); null: the message */
    protected ApiException(String message, String brief, Throwable cause) {
        super(message, cause);
        this.brief = brief;
    }

    /** What went wrong in a few words, for a sentence that names the portal already: {@code connection refused}. */
    public String brief() {
        return brief != null ? brief : getMessage();
    }

    /** True when the same request may well succeed a little later. */
    public boolean isTransient() {
        return false;
    }

    /** What the server asked for in {@code Retry-After}, if anything. */
    public Optional<RetryAfter> retryAfter() {
        return Optional.empty();
    }
}
