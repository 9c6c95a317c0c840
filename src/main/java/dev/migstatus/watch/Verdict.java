package dev.migstatus.watch;

/** How well a completed operation went. */
public enum Verdict {
    /** Nothing failed. */
    CLEAN,
    /** It completed, but some users, items or archives failed. */
    WITH_FAILURES,
    /** It stopped with a fatal error. */
    FAILED
}
