package dev.migstatus.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Drives many {@link FleetMember watches} from one thread: keeps each member's next turn, hands
 * due requests to a pool with at most {@code maxInFlight} running at once, and feeds the answers
 * back. Threads and memory grow with {@code maxInFlight}, not with the number of portals; time is
 * read from the injected clock and passes only in the injected {@link Waiter}.
 *
 * <p>A member whose turn comes while all slots are busy queues behind those due before it.
 */
public final class FleetDriver<A, R> {

    /** How many requests run at once unless the user says otherwise: enough for 1,000 portals every 2 s at 60 ms each. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;

    private final Clock clock;
    private final Waiter waiter;
    private final Executor pool;
    private final int maxInFlight;
    private final Duration spread;
    private final BooleanSupplier cancelled;
    private volatile boolean stopRequested;

    /**
     * @param pool        runs requests; it needs no more than {@code maxInFlight} threads
     * @param spread      the members' first turns are spread evenly over this time, so that a
     *                    thousand portals are not asked in the same instant and then in step for ever
     * @param cancelled   the user asked to stop (Ctrl-C): checked at every step, as {@link #stop()}
     */
    public FleetDriver(Clock clock, Waiter waiter, Executor pool, int maxInFlight, Duration spread, BooleanSupplier cancelled) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.clock = clock;
        this.waiter = waiter;
        this.pool = pool;
        this.maxInFlight = maxInFlight;
        this.spread = spread;
        this.cancelled = cancelled;
    }

    /**
     * A pool for {@code maxInFlight} requests: daemon threads named {@code name}, made when first
     * needed and ended after ten idle seconds. The caller shuts it down.
     */
    public static ExecutorService pool(int maxInFlight, String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxInFlight, maxInFlight, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Ends {@link #run} soon, from any thread: each member still running is asked for its result as it stands. */
    public void stop() {
        stopRequested = true;
        waiter.wake();
    }

    /**
     * Runs every member to its end, or until stopped (also by an interrupt of the calling thread).
     *
     * @return each member's result, in the members' order
     * @throws IllegalStateException when a request threw instead of returning its failure: a bug
     */
    public List<R> run(List<? extends FleetMember<A, R>> members) {
        return new Run(members).loop();
    }

    private record Turn(Instant at, long order, int member) implements Comparable<Turn> {
        @Override
        public int compareTo(Turn other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** One run's state, touched by the driver's thread only. */
    private final class Run {
        private final List<? extends FleetMember<A, R>> members;
        private final List<R> results;
        private final boolean[] finished;
        private final PriorityQueue<Turn> turns = new PriorityQueue<>();
        private final Queue<Request> ready = new ArrayDeque<>();
        private final List<Request> inFlight = new ArrayList<>();
        /** Requests that ended, queued by the pool threads. */
        private final Queue<Request> answers = new ConcurrentLinkedQueue<>();
        private long order;
        private int running;

        Run(List<? extends FleetMember<A, R>> members) {
            this.members = members;
            this.results = new ArrayList<>(Collections.nCopies(members.size(), null));
            this.finished = new boolean[members.size()];
            this.running = members.size();
            Instant start = clock.instant();
            long spreadNanos = spread.toNanos();
            for (int i = 0; i < members.size(); i++) {
                long offset = members.size() < 2 ? 0 : spreadNanos / members.size() * i;
                turns.add(new Turn(start.plusNanos(offset), order++, i));
            }
        }

        List<R> loop() {
            while (running > 0) {
                if (stopRequested || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    stopAll();
                    break;
                }
                takeAnswers();
                takeTurns();
                dispatch();
                if (running > 0 && answers.isEmpty()) {
                    Turn next = turns.peek();
                    try {
                        waiter.waitUntil(next == null ? null : next.at(), !inFlight.isEmpty());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return results;
        }

        private void takeAnswers() {
            Request done;
            while ((done = answers.poll()) != null) {
                inFlight.remove(done);
                A answer;
                try {
                    answer = done.get();
                } catch (CancellationException | InterruptedException e) {
                    continue;
                } catch (ExecutionException e) {
                    cancelInFlight();
                    if (e.getCause() instanceof Error error) {
                        // Memory that ran out on a pool thread is said as such, on this thread, like anywhere else.
                        throw error;
                    }
                    throw new IllegalStateException("a request threw instead of returning its failure", e.getCause());
                }
                Instant now = clock.instant();
                follow(done.member, members.get(done.member).answered(answer, now), now);
            }
        }

        private void takeTurns() {
            Instant now = clock.instant();
            while (!turns.isEmpty() && !turns.peek().at().isAfter(now)) {
                int member = turns.poll().member();
                follow(member, members.get(member).next(now), now);
            }
        }

        private void follow(int member, FleetMember.Step<A, R> step, Instant now) {
            if (step instanceof FleetMember.Ask<A, R> ask) {
                ready.add(new Request(member, ask.request()));
            } else if (step instanceof FleetMember.Wait<A, R> wait) {
                turns.add(new Turn(now.plus(wait.delay()), order++, member));
            } else {
                finish(member, ((FleetMember.Done<A, R>) step).result());
            }
        }

        private void dispatch() {
            while (inFlight.size() < maxInFlight && !ready.isEmpty()) {
                Request request = ready.poll();
                inFlight.add(request);
                pool.execute(request);
            }
        }

        private void finish(int member, R result) {
            results.set(member, result);
            finished[member] = true;
            running--;
        }

        private void stopAll() {
            cancelInFlight();
            Instant now = clock.instant();
            for (int i = 0; i < members.size(); i++) {
                if (!finished[i]) {
                    finish(i, members.get(i).stopped(now));
                }
            }
        }

        private void cancelInFlight() {
            // Interrupting a pool thread cuts its HTTP request short; its answer is no longer wanted.
            inFlight.forEach(request -> request.cancel(true));
            inFlight.clear();
        }

        /** A request on its way; when it ends it queues itself for the driver and wakes it. */
        private final class Request extends FutureTask<A> {
            final int member;

            Request(int member, Callable<A> call) {
                super(call);
                this.member = member;
            }

            @Override
            protected void done() {
                answers.add(this);
                waiter.wake();
            }
        }
    }
}
