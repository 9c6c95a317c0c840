package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EtaEstimatorTest {

    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    private final EtaEstimator eta = new EtaEstimator();
    private Instant now = START;

    private void poll(Optional<MigrationStatus> answer) {
        eta.observe(now, answer);
    }

    private Optional<Duration> pollAndAsk(Optional<MigrationStatus> answer) {
        poll(answer);
        return eta.remaining(now);
    }

    /**
     * A steady run: progress rises linearly from 0 to 100 over {@code length}, as the server shows it
     * (cut down to whole steps of {@code step} points), and the server says it is done a poll later.
     * Every estimate shown must be within a factor of two of the time that was really left.
     */
    @ParameterizedTest(name = "{0} min run, {1}-point steps, a poll every {2} s")
    @CsvSource({
            "120, 1, 2",        // the usual: integer percent, default interval
            "120, 0, 2",        // fine-grained progress, every poll a little further
            "20, 1, 2",         // a short run
            "600, 1, 30",       // ten hours, a slow poll
            "240, 5, 60",       // coarse steps and a poll a minute
            "3000, 1, 2",       // fifty hours: a step every half hour
    })
    void onASteadyRunEveryEstimateShownIsWithinAFactorOfTwo(int minutes, double step, int interval) {
        Duration length = Duration.ofMinutes(minutes);
        Duration poll = Duration.ofSeconds(interval);
        DoubleUnaryOperator shown = p -> step == 0 ? p : Math.floor(p / step) * step;
        Instant reaches100 = START.plus(length);
        Instant completedAt = null;
        int shownCount = 0;
        int polls = 0;
        while (completedAt == null) {
            double truePercent = Math.min(100, 100.0 * Duration.between(START, now).toMillis() / length.toMillis());
            if (!now.isBefore(reaches100.plus(poll))) {
                completedAt = now;
                poll(Statuses.completed("migration", 5, 5));
                assertEquals(Optional.empty(), eta.remaining(now), "no estimate once it is done");
                break;
            }
            Optional<Duration> estimate = pollAndAsk(Statuses.running("migration", shown.applyAsDouble(truePercent)));
            if (estimate.isPresent()) {
                shownCount++;
                // The truth: the server ends one poll after 100 % at the latest.
                double truth = Duration.between(now, reaches100).toSeconds() + interval;
                double ratio = estimate.get().toSeconds() / truth;
                assertTrue(ratio >= 0.5 && ratio <= 2, "at " + Duration.between(START, now) + " (" + truePercent + " %): "
                        + estimate.get() + " shown, " + truth + " s left");
            }
            polls++;
            now = now.plus(poll);
        }
        assertTrue(shownCount > polls * 0.8, "an estimate most of the time: " + shownCount + " of " + polls + " polls");
    }

    @Test
    void noEstimateBeforeTheRateIsKnownFromMinutesOfProgress() {
        // Ten points in the first minute, which a single poll would read as a ten-minute run.
        for (int second = 0; second <= 60; second += 2) {
            assertEquals(Optional.empty(), pollAndAsk(Statuses.running("migration", 2 + second / 6.0)),
                    "after " + second + " s");
            now = now.plusSeconds(2);
        }
    }

    @Test
    void noEstimateWhileProgressSitsAtZeroOrOneAndTheRateStartsAfterThat() {
        for (int i = 0; i < 1800; i++) {
            // An hour at 0 and 1 %: a parse of many users looks like this.
            assertEquals(Optional.empty(), pollAndAsk(Statuses.running("migration", i < 900 ? 0 : 1)));
            now = now.plusSeconds(2);
        }
        Optional<Duration> estimate = Optional.empty();
        for (int i = 0; i < 300; i++) {
            // Then a point a minute: 98 minutes left at 2 %, whatever the hour before.
            estimate = pollAndAsk(Statuses.running("migration", 2 + i / 30));
            now = now.plusSeconds(2);
        }
        assertTrue(estimate.isPresent());
        long minutes = estimate.get().toMinutes();
        assertTrue(minutes >= 85 && minutes <= 95, "about 88 minutes left at 12 %: " + estimate.get());
    }

    @Test
    void goingBackwardsWithdrawsTheEstimateUntilANewRateIsKnown() {
        runAtAPointAMinute(30, 20);
        assertTrue(eta.remaining(now).isPresent());
        // The server started over: from 50 back to 10.
        assertEquals(Optional.empty(), pollAndAsk(Statuses.running("migration", 10)));
        now = now.plusSeconds(60);
        assertEquals(Optional.empty(), pollAndAsk(Statuses.running("migration", 11)), "one step is no rate");
        runAtAPointAMinute(12, 5);
        assertTrue(eta.remaining(now).isPresent());
    }

    @Test
    void aStallSlowsTheEstimateThenWithdrawsIt() {
        runAtAPointAMinute(20, 20);
        Duration atFullSpeed = eta.remaining(now).orElseThrow();
        Duration previous = atFullSpeed;
        // 39 % came at 19 minutes; 40 % is due at 20, and does not come.
        for (int minutesSinceAStep = 1; minutesSinceAStep <= 30; minutesSinceAStep++) {
            Optional<Duration> estimate = pollAndAsk(Statuses.running("migration", 39));
            if (minutesSinceAStep >= 10) {
                assertEquals(Optional.empty(), estimate, "ten minutes without a step where one came every minute");
            } else if (minutesSinceAStep > 1) {
                assertTrue(estimate.orElseThrow().compareTo(previous) > 0,
                        "a late step makes the end later, not sooner: " + estimate + " after " + previous);
                previous = estimate.get();
            }
            now = now.plusSeconds(60);
        }
        assertTrue(previous.compareTo(atFullSpeed) > 0);
    }

    @Test
    void afterAStopTheRateIsMeasuredAnewNotDraggedDownByTheStop() {
        runAtAPointAMinute(20, 20);
        for (int second = 0; second < 40 * 60; second += 2) {
            poll(Statuses.running("migration", 39));
            now = now.plusSeconds(2);
        }
        runAtAPointAMinute(40, 3);
        long minutes = eta.remaining(now).orElseThrow().toMinutes();
        assertTrue(minutes >= 55 && minutes <= 60, "58 points at a point a minute, not at a pace with the stop in it: " + minutes);
    }

    @Test
    void noEstimateAtOneHundredPercentNorInTheLastMinute() {
        runAtAPointAMinute(90, 9);
        assertTrue(eta.remaining(now).isPresent(), "ten minutes left");
        runAtAPointAMinute(99, 1);
        assertEquals(Optional.empty(), eta.remaining(now.plusSeconds(30)), "half a minute left: the server's closing work is unknown");
        assertEquals(Optional.empty(), pollAndAsk(Statuses.running("migration", 100)));
        now = now.plusSeconds(600);
        assertEquals(Optional.empty(), pollAndAsk(Statuses.running("migration", 100)), "100 % for ten minutes: still finishing");
    }

    @Test
    void aNewOperationStartsTheEstimateOver() {
        runAtAPointAMinute(40, 20);
        assertTrue(eta.remaining(now).isPresent());
        assertEquals(Optional.empty(), pollAndAsk(Statuses.running("parse", 70)));
        poll(Statuses.completed("parse", 5, 0));
        assertEquals(Optional.empty(), eta.remaining(now));
        assertFalse(eta.remaining(now.plusSeconds(600)).isPresent());
    }

    /** From {@code from} %, one point a minute for {@code minutes} minutes, polled every 2 s. */
    private void runAtAPointAMinute(int from, int minutes) {
        for (int second = 0; second < minutes * 60; second += 2) {
            poll(Statuses.running("migration", from + second / 60));
            now = now.plusSeconds(2);
        }
    }
}
