package dev.migstatus.docspace;

import java.util.Optional;

/**
 * A request to the portal did not give a usable answer. The message says what happened in one
 * line, without the credential; what the user should do about it is for the caller to add.
 */
public abstract sealed class ApiException extends Exception
        permits UnauthorizedException, ForbiddenException, NotFoundException, UnavailableException, ProtocolException {

    private static final long serialVersionUID = 1L;

    protected ApiException(String message, Throwable cause) {
        super(message, cause);
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
