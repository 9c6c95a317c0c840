package dev.migstatus.docspace;

/** HTTP 403, or 402: signed in, but not allowed to see migrations, or the portal itself is not in service. */
public final class ForbiddenException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final boolean portalSuspended;

    public ForbiddenException(String message, boolean portalSuspended) {
        super(message, null);
        this.portalSuspended = portalSuspended;
    }

    /** True for a 402, or an RFC 7807 problem: what a suspended or unpaid portal answers, whoever asks. */
    public boolean portalSuspended() {
        return portalSuspended;
    }
}
