package dev.migstatus.docspace;

import java.util.Optional;

/** The portal could not be reached or could not answer: network faults, 5xx, 429, TLS. */
public final class UnavailableException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** What kind of trouble, so the caller can say what to do about it. */
    public enum Reason {
        /** Refused, reset, closed, DNS: the connection itself. */
        NETWORK,
        /** No answer, or no whole answer, in time. */
        TIMEOUT,
        /** The certificate could not be verified. */
        TLS,
        /** An https request reached a port that speaks plain http. */
        PLAIN_HTTP,
        /** A 5xx from the portal or a proxy in front of it. */
        SERVER,
        /** A 429. */
        RATE_LIMITED,
        /** The request was interrupted. */
        INTERRUPTED
    }

    private final Reason reason;
    private final boolean isTransient;
    private final transient RetryAfter retryAfter;

    public UnavailableException(Reason reason, String message, Throwable cause, boolean isTransient, RetryAfter retryAfter) {
        super(message, cause);
        this.reason = reason;
        this.isTransient = isTransient;
        this.retryAfter = retryAfter;
    }

    public static UnavailableException transientFault(Reason reason, String message, Throwable cause) {
        return new UnavailableException(reason, message, cause, true, null);
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isTransient() {
        return isTransient;
    }

    @Override
    public Optional<RetryAfter> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
