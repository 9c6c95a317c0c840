package dev.migstatus.fleet;

import dev.migstatus.testing.FakeClock;
import dev.migstatus.watch.Cancellation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet's scheduler on a fake clock: hours of many portals in milliseconds, and always the same
 * way. Long because its scripted portals and waiter are set up here, once, for every test.
 */
class FleetDriverTest {

    private final FakeClock clock = new FakeClock();
    private final Instant start = clock.instant();
    private final HeldPool pool = new HeldPool();
    private final FakeWaiter waiter = new FakeWaiter();

    /** Holds requests until the waiter lets the oldest one run, as a slow network would. */
    private static final class HeldPool implements java.util.concurrent.Executor {
        final List<Runnable> held = new ArrayList<>();
        int mostAtOnce;
        boolean direct = true;

        @Override
        public void execute(Runnable request) {
            if (direct) {
                request.run();
                return;
            }
            held.add(request);
            mostAtOnce = Math.max(mostAtOnce, held.size());
        }
    }

    /** Where the driver would wait: lets a held request finish, else moves the clock to the deadline. */
    private final class FakeWaiter implements Waiter {
        boolean woken;
        Runnable atEachWait = () -> { };

        @Override
        public void waitUntil(Instant deadline, boolean answersPending) {
            atEachWait.run();
            if (woken) {
                woken = false;
                return;
            }
            if (!pool.held.isEmpty()) {
                pool.held.remove(0).run();
                woken = false;
                return;
            }
            if (deadline == null) {
                throw new AssertionError("the driver would wait for ever with nothing in flight");
            }
            if (deadline.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), deadline));
            }
        }

        @Override
        public void wake() {
            woken = true;
        }
    }

    /** A portal that is polled every {@code interval} and completes at {@code endsAt}; it records when it was asked. */
    private class Portal implements FleetMember<Instant, String> {
        final String name;
        final Duration interval;
        final Instant endsAt;
        final List<Instant> asked = new ArrayList<>();

        Portal(String name, Duration interval, Duration endsAfter) {
            this.name = name;
            this.interval = interval;
            this.endsAt = start.plus(endsAfter);
        }

        @Override
        public Step<Instant, String> next(Instant now) {
            return new Ask<>(() -> {
                asked.add(clock.instant());
                return clock.instant();
            });
        }

        @Override
        public Step<Instant, String> answered(Instant answer, Instant now) {
            return answer.isBefore(endsAt) ? new Wait<>(interval) : new Done<>(name + " completed at " + answer);
        }

        @Override
        public String stopped(Instant now) {
            return name + " stopped at " + now;
        }
    }

    private FleetDriver<Instant, String> driver(int maxInFlight, Duration spread) {
        return new FleetDriver<>(clock, waiter, pool, maxInFlight, spread, () -> false);
    }

    @Test
    void hundredPortalsForAnHourOfVirtualTimeArePolledExactlyOnTheirIntervals() {
        List<Portal> portals = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            portals.add(new Portal("p" + (i + 1), Duration.ofSeconds(2 + i % 5), Duration.ofMinutes(6 + i % 55)));
        }

        List<String> results = driver(FleetDriver.DEFAULT_MAX_IN_FLIGHT, Duration.ofSeconds(2)).run(portals);

        for (int i = 0; i < portals.size(); i++) {
            Portal p = portals.get(i);
            Instant first = start.plus(Duration.ofMillis(20L * i));
            assertEquals(first, p.asked.get(0), p.name + "'s first poll: the first turns are spread over 2 s");
            for (int k = 1; k < p.asked.size(); k++) {
                assertEquals(p.interval, Duration.between(p.asked.get(k - 1), p.asked.get(k)), p.name + " poll " + k);
            }
            Instant last = p.asked.get(p.asked.size() - 1);
            assertTrue(!last.isBefore(p.endsAt) && last.isBefore(p.endsAt.plus(p.interval)), p.name + " ended at " + last);
            assertEquals(p.name + " completed at " + last, results.get(i), "results keep the members' order");
        }
        assertEquals(start.plus(Duration.ofMinutes(60)), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                "the longest watch took an hour of the fake clock");
    }

    @Test
    void neverMoreRequestsInFlightThanAllowedAndTheWaitingOnesGoInTheOrderTheyBecameDue() {
        pool.direct = false;
        List<Portal> portals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            portals.add(new Portal("p" + (i + 1), Duration.ofSeconds(5), Duration.ZERO));
        }
        List<String> order = new ArrayList<>();
        List<FleetMember<Instant, String>> recording = new ArrayList<>();
        for (Portal p : portals) {
            recording.add(new FleetMember<>() {
                @Override
                public Step<Instant, String> next(Instant now) {
                    return p.next(now);
                }

                @Override
                public Step<Instant, String> answered(Instant answer, Instant now) {
                    order.add(p.name);
                    return p.answered(answer, now);
                }

                @Override
                public String stopped(Instant now) {
                    return p.stopped(now);
                }
            });
        }

        driver(3, Duration.ZERO).run(recording);

        assertEquals(3, pool.mostAtOnce, "at most three requests at once, and three when ten are due");
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10"), order);
    }

    @Test
    void stoppingEndsEveryRunningWatchWithItsResultAsItStandsAndCancelsTheRequestsOnTheirWay() {
        pool.direct = false;
        Portal quick = new Portal("quick", Duration.ofSeconds(2), Duration.ZERO);
        Portal slow = new Portal("slow", Duration.ofSeconds(2), Duration.ofHours(1));
        Portal later = new Portal("later", Duration.ofSeconds(2), Duration.ofHours(1));
        FleetDriver<Instant, String> driver = driver(2, Duration.ofSeconds(10));
        AtomicInteger waits = new AtomicInteger();
        List<Runnable> cancelled = new ArrayList<>();
        waiter.atEachWait = () -> {
            if (clock.instant().isAfter(start.plusSeconds(30)) && waits.incrementAndGet() == 1) {
                cancelled.addAll(pool.held);
                driver.stop();
            }
        };

        List<String> results = driver.run(List.of(quick, slow, later));

        Instant stoppedAt = clock.instant();
        assertTrue(results.get(0).startsWith("quick completed at "), results.get(0));
        assertEquals("slow stopped at " + stoppedAt, results.get(1));
        assertEquals("later stopped at " + stoppedAt, results.get(2));
        assertTrue(cancelled.stream().allMatch(r -> ((java.util.concurrent.Future<?>) r).isCancelled()),
                "requests still on their way are cancelled");
    }

    @Test
    void aWatchMayEndOnItsTurnWithoutAsking() {
        FleetMember<Instant, String> expired = new FleetMember<>() {
            @Override
            public Step<Instant, String> next(Instant now) {
                return new Done<>("timed out at " + now);
            }

            @Override
            public Step<Instant, String> answered(Instant answer, Instant now) {
                throw new AssertionError("never asked");
            }

            @Override
            public String stopped(Instant now) {
                throw new AssertionError("not stopped");
            }
        };

        assertEquals(List.of("timed out at " + start), driver(1, Duration.ZERO).run(List.of(expired)));
    }

    @Test
    void aRequestThatThrowsIsABugAndSaysSo() {
        FleetMember<Instant, String> broken = new Portal("broken", Duration.ofSeconds(1), Duration.ZERO) {
            @Override
            public Step<Instant, String> next(Instant now) {
                return new Ask<>(() -> {
                    throw new IllegalArgumentException("boom");
                });
            }
        };

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> driver(1, Duration.ZERO).run(List.of(broken)));
        assertEquals("boom", e.getCause().getMessage());
    }

    @Test
    void onRealThreadsAndTheRealWaiterEveryWatchEndsAndTheCallingThreadIsTheOnlyOneThatDecides() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            AtomicReference<Thread> decider = new AtomicReference<>();
            AtomicInteger otherDeciders = new AtomicInteger();
            List<FleetMember<Integer, Integer>> members = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int id = i;
                members.add(new FleetMember<>() {
                    int polls;

                    private void check() {
                        if (decider.get() != Thread.currentThread()) {
                            otherDeciders.incrementAndGet();
                        }
                    }

                    @Override
                    public Step<Integer, Integer> next(Instant now) {
                        check();
                        return new Ask<>(() -> ++polls);
                    }

                    @Override
                    public Step<Integer, Integer> answered(Integer answer, Instant now) {
                        check();
                        return answer < 5 ? new Wait<>(Duration.ZERO) : new Done<>(id * 100 + answer);
                    }

                    @Override
                    public Integer stopped(Instant now) {
                        return -1;
                    }
                });
            }
            decider.set(Thread.currentThread());
            java.time.Clock real = java.time.Clock.systemUTC();

            List<Integer> results = new FleetDriver<Integer, Integer>(real, Waiter.of(real, new Cancellation().sleeper()), threads, 4,
                    Duration.ZERO, () -> false).run(members);

            for (int i = 0; i < 50; i++) {
                assertEquals(i * 100 + 5, results.get(i));
            }
            assertEquals(0, otherDeciders.get(), "members are only called on the driver's thread");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theWaiterReturnsAtOnceWhenWokenBeforeItWaitsOrWhenTheDeadlineHasPassed() throws Exception {
        java.time.Clock real = java.time.Clock.systemUTC();
        Waiter waiter = Waiter.of(real, d -> {
            throw new AssertionError("no sleep: the deadline has passed");
        });
        waiter.wake();
        waiter.waitUntil(null, true);
        waiter.waitUntil(real.instant().minusSeconds(1), true);
        waiter.waitUntil(real.instant().minusSeconds(1), false);
    }

    @Test
    void withNothingOnItsWayTimePassesInTheSleeperAndAFakeOneMovesAFakeClock() throws Exception {
        List<Duration> slept = new ArrayList<>();
        Waiter waiter = Waiter.of(clock, d -> {
            slept.add(d);
            clock.advance(d);
        });

        waiter.waitUntil(start.plusSeconds(90), false);

        assertEquals(List.of(Duration.ofSeconds(90)), slept);
        assertEquals(start.plusSeconds(90), clock.instant());
    }

    @Test
    void theUsersCtrlCStopsTheFleet() {
        Portal forever = new Portal("forever", Duration.ofSeconds(2), Duration.ofDays(1));
        FleetDriver<Instant, String> driver = new FleetDriver<>(clock, waiter, pool, 1, Duration.ZERO,
                () -> !clock.instant().isBefore(start.plusSeconds(7)));

        assertEquals(List.of("forever stopped at " + start.plusSeconds(8)), driver.run(List.of(forever)));
        assertEquals(4, forever.asked.size(), "asked at 0, 2, 4 and 6 s; stopped before the turn at 8 s");
    }
}
