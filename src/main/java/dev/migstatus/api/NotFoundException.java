package dev.migstatus.api;

/** HTTP 404: for {@code status} a wrong address, for {@code logs} "nothing runs". */
public final class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message, null);
    }
}
