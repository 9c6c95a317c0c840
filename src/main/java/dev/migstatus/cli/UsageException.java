package dev.migstatus.cli;

/** Options that parse but do not make sense together, or name a file that is not there: exit 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
