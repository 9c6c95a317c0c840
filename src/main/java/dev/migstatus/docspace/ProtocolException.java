package dev.migstatus.docspace;

/**
 * The answer is not what a DocSpace portal sends: HTML, another JSON shape, a 404 for the API,
 * a redirect to another origin. A body cut off in the middle is transient: the next answer may be whole.
 */
public final class ProtocolException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** What kind of wrong answer, so the caller can say what to do about it. */
    public enum Reason {
        /** HTML, non-JSON, JSON without the envelope, an unexpected status: probably the wrong address. */
        NOT_DOCSPACE,
        /** Cut off or garbled on the way. */
        GARBLED,
        /** A redirect the key must not follow. */
        REDIRECT,
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** A DocSpace too old to follow: its migration API has another shape. */
        OLD_SERVER,
        /** Well-formed, but a member holds a value of another type than DocSpace writes there. */
        WRONG_TYPE
    }

    private final Reason reason;

    public ProtocolException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ProtocolException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isTransient() {
        return reason == Reason.GARBLED;
    }
}
