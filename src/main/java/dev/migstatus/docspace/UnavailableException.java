package dev.migstatus.docspace;

import java.util.Optional;

/** The portal could not be reached or could not answer: network faults, 5xx, 429, TLS. */
public final class UnavailableException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** What kind of trouble, so the caller can say what to do about it. */
    public enum Reason {
        /** Refused, reset, closed: the connection itself. */
        NETWORK,
        /** The host name does not resolve: a typo in the address, or DNS is down. */
        UNKNOWN_HOST,
        /** No answer, or no whole answer, in time. */
        TIMEOUT,
        /** The certificate could not be verified: no authority this machine trusts signed it. */
        TLS,
        /** The certificate is for another name than the portal's. */
        TLS_NAME,
        /** The certificate has expired. */
        TLS_EXPIRED,
        /** The certificate is not valid yet (or this machine's clock is behind). */
        TLS_NOT_YET_VALID,
        /** An https request reached a port that speaks plain http. */
        PLAIN_HTTP,
        /** A 5xx from a proxy in front of the portal, or without a body. */
        SERVER,
        /**
         * A 5xx in DocSpace's own error envelope: the portal failed to answer, as a rule because its
         * database or cache did not answer it (the status endpoint itself never fails this way).
         */
        PORTAL_ERROR,
        /** A 429. */
        RATE_LIMITED,
        /** The request was interrupted. */
        INTERRUPTED
    }

    private final Reason reason;
    private final boolean isTransient;
    private final transient RetryAfter retryAfter;

    public UnavailableException(Reason reason, String message, Throwable cause, boolean isTransient, RetryAfter retryAfter) {
        this(reason, message, null, cause, isTransient, retryAfter);
    }

    /** @param brief what went wrong in a few words, without the host (see {@link #brief()}) */
    public UnavailableException(Reason reason, String message, String brief, Throwable cause, boolean isTransient,
                                RetryAfter retryAfter) {
        super(message, brief, cause);
        this.reason = reason;
        this.isTransient = isTransient;
        this.retryAfter = retryAfter;
    }

    public static UnavailableException transientFault(Reason reason, String message, Throwable cause) {
        return new UnavailableException(reason, message, cause, true, null);
    }

    /** A fault worth another try, said as "{@code host} {@code what} ({@code why})" or, briefly, {@code why}. */
    static UnavailableException transientFault(Reason reason, String host, String what, String why, Throwable cause) {
        return new UnavailableException(reason, host + " " + what + " (" + why + ")", why, cause, true, null);
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
