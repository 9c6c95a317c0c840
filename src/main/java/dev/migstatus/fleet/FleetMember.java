package dev.migstatus.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * One portal's watch as the {@link FleetDriver} sees it: pure decisions, no blocking. Only
 * {@link Ask#request() the request} it hands out runs on a pool thread; every other call comes from
 * the driver's thread, so a member and the views it feeds need no locks.
 *
 * @param <A> what one request brings back (an answer or a failure, never a thrown exception)
 * @param <R> how the watch ended
 */
public interface FleetMember<A, R> {

    /** Its turn has come: usually {@link Ask}; {@link Done} when it ends without asking (its deadline passed). */
    Step<A, R> next(Instant now);

    /** What its request brought: usually {@link Wait} for the next turn, or {@link Done}. */
    Step<A, R> answered(A answer, Instant now);

    /** The fleet was stopped (Ctrl-C) while this watch still ran: its result as it stands. */
    R stopped(Instant now);

    /** What a member wants next. */
    sealed interface Step<A, R> permits Ask, Wait, Done {
    }

    /** Send this request; it blocks a pool thread for at most its own time limit. */
    record Ask<A, R>(Callable<A> request) implements Step<A, R> {
    }

    /** Take the next turn after this long. */
    record Wait<A, R>(Duration delay) implements Step<A, R> {
    }

    /** The watch is over. */
    record Done<A, R>(R result) implements Step<A, R> {
    }
}
