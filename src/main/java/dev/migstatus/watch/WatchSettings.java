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
 * @param fullEvery the longest a watch polls lean (without the user lists) before it asks for the whole status again
 */
public record WatchSettings(Duration interval, Duration timeout, Until until, boolean once, Duration retryFor, int emptyRechecks,
                            Duration stallAfter, boolean failOnStall, Duration fullEvery) {

    /** The server answers "nothing" for a moment after init or migrate; DocSpace's own web client tolerates two. */
    public static final int DEFAULT_EMPTY_RECHECKS = 2;

    /**
     * The user and group counts on the live line change seldom while an operation runs (they move
     * when it ends, and a migration drops failed users as it goes): a minute old is fresh enough,
     * and 100,000 users cost 35 MB a minute instead of 35 MB a poll.
     */
    public static final Duration DEFAULT_FULL_EVERY = Duration.ofMinutes(1);

    /** With the full status asked for at least every {@link #DEFAULT_FULL_EVERY}. */
    public WatchSettings(Duration interval, Duration timeout, Until until, boolean once, Duration retryFor, int emptyRechecks,
                         Duration stallAfter, boolean failOnStall) {
        this(interval, timeout, until, once, retryFor, emptyRechecks, stallAfter, failOnStall, DEFAULT_FULL_EVERY);
    }
}
