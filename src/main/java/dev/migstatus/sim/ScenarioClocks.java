package dev.migstatus.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each simulated portal's scenario time. A portal's scenario starts with its first admitted
 * request, so there is no hurry to start the watch, and portals of a fleet started one after the
 * other each play from the beginning.
 */
final class ScenarioClocks {

    private final AtomicReferenceArray<Instant> startedAt;
    private final Clock clock;
    private final double speed;

    /** @param speed scenario seconds per real second */
    ScenarioClocks(int portals, Clock clock, double speed) {
        this.startedAt = new AtomicReferenceArray<>(portals);
        this.clock = clock;
        this.speed = speed;
    }

    /** From {@code /p7}'s "7": the portal's index from 0, or -1 when there is no such portal. */
    int index(String digits) {
        if (digits.isEmpty() || digits.length() > 6 || digits.startsWith("0")) {
            return -1;
        }
        int n = Integer.parseInt(digits);
        return n <= startedAt.length() ? n - 1 : -1;
    }

    /** The portal's first admitted request starts its scenario; later ones change nothing. */
    void start(int portal) {
        startedAt.compareAndSet(portal, null, clock.instant());
    }

    /** When scenario time {@code at} of the portal happens, or happened, on the clock. */
    Instant wallTime(int portal, Duration at) {
        Instant start = startedAt.get(portal);
        return (start == null ? clock.instant() : start).plusNanos((long) (at.toNanos() / speed));
    }

    /** The clock's time zone: the server's local time, which its log lines are written in. */
    java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** Real time since the portal's first request, times the speed; zero before it. */
    Duration now(int portal) {
        Instant start = startedAt.get(portal);
        if (start == null) {
            return Duration.ZERO;
        }
        double nanos = Duration.between(start, clock.instant()).toNanos() * speed;
        return Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE));
    }
}
