package dev.migstatus.docspace;

/** HTTP 401: the portal did not accept the credential. */
public final class UnauthorizedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(message, null);
    }
}
