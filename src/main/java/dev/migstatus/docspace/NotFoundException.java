package dev.migstatus.docspace;

/** HTTP 404: for {@code status} a wrong address, for {@code logs} "nothing runs" when DocSpace says so. */
public final class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final boolean saidByDocSpace;

    public NotFoundException(String message, boolean saidByDocSpace) {
        super(message, null);
        this.saidByDocSpace = saidByDocSpace;
    }

    /** True when the 404 came in DocSpace's error envelope, not from a web server or proxy in front of it. */
    public boolean saidByDocSpace() {
        return saidByDocSpace;
    }
}
