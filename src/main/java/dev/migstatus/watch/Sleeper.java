package dev.migstatus.watch;

import java.time.Duration;

/** Waits between polls; tests substitute one that only advances a fake clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
