package dev.migstatus.watch;

/** Why the poll loop stopped. */
public enum Ending {
    /** The awaited operation completed; the status says how well. */
    COMPLETED,
    /** The portal runs no migration. */
    NO_MIGRATION,
    /** Asked once, and the operation still runs. */
    RUNNING,
    /** {@code --fail-on-stall}: the operation showed no change for {@code --stall-after}. */
    STALLED,
    /** {@code --timeout} elapsed first. */
    TIMED_OUT,
    /** The user pressed Ctrl-C or the process was told to stop. */
    INTERRUPTED,
    /** A request failed and was not, or no longer, worth retrying. */
    REQUEST_FAILED
}
