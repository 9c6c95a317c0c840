package dev.migstatus.sim;

/** A scenario file that cannot be used; the message says where and why, in one line. */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
