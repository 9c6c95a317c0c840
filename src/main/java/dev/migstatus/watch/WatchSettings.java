package dev.migstatus.watch;

import java.time.Duration;

/**
 * @param interval  time between polls
 * @param timeout   the longest the whole watch may take, or null for no limit
 * @param until     which completion ends the watch
 * @param once      poll once and report
 * @param retryFor  how long a streak of transient failures is ridden out; zero gives up at the first
 * @param emptyRechecks how many more times "no migration" is asked again before it is believed
 * @param stallAfter how long a running operation may show no change before it counts as stalled; zero: never
 * @param failOnStall a stall ends the watch ({@link Ending#STALLED}) instead of only being said
 */
public record WatchSettings(Duration interval, Duration timeout, Until until, boolean once, Duration retryFor, int emptyRechecks,
                            Duration stallAfter, boolean failOnStall) {

    /** The server answers "nothing" for a moment after init or migrate; DocSpace's own web client tolerates two. */
    public static final int DEFAULT_EMPTY_RECHECKS = 2;
}
