package dev.migstatus.health;

import dev.migstatus.model.MigrationStatus;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StallDetectorTest {

    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(2);

    private final List<StallEvent> events = new ArrayList<>();
    private Instant now = START;

    /** Polls every 2 s for {@code span}, each answer {@code answer}; collects what the detector says. */
    private void answer(StallDetector detector, Optional<MigrationStatus> answer, Duration span) {
        Instant until = now.plus(span);
        while (now.isBefore(until)) {
            detector.observe(now, answer).ifPresent(events::add);
            now = now.plus(POLL);
        }
    }

    @Test
    void aPlateauStallsOnceAtTheLimitAndResumesOnceWhenProgressMoves() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        answer(detector, Statuses.running("migration", 40), Duration.ofMinutes(5));
        answer(detector, Statuses.running("migration", 45), Duration.ofMinutes(50));
        assertEquals(1, events.size(), "said once per plateau, not every poll: " + events);
        StallEvent stalled = events.get(0);
        assertEquals(StallEvent.Kind.STALLED, stalled.kind());
        assertEquals(START.plus(Duration.ofMinutes(35)), stalled.at(), "30 minutes after 45 % was first seen");
        assertEquals(Duration.ofMinutes(30), stalled.unchangedFor());
        assertEquals(45, stalled.status().progress());
        assertTrue(detector.stalled());

        answer(detector, Statuses.running("migration", 46), Duration.ofMinutes(1));
        assertEquals(2, events.size());
        StallEvent resumed = events.get(1);
        assertEquals(StallEvent.Kind.RESUMED, resumed.kind());
        assertEquals(START.plus(Duration.ofMinutes(55)), resumed.at());
        assertEquals(Duration.ofMinutes(50), resumed.unchangedFor(), "the whole plateau, not just the stalled part");
        assertFalse(detector.stalled());
    }

    @Test
    void anyCountThatMovesIsProgressEvenWhenThePercentSitsStill() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        for (int users = 0; users < 10; users++) {
            // A long parse at 1 %: the percent is stuck, but users keep arriving.
            answer(detector, Statuses.running("parse", 1, users, 0), Duration.ofMinutes(20));
        }
        for (long imported = 0; imported < 10; imported++) {
            answer(detector, Statuses.running("migration", 60, 10, imported), Duration.ofMinutes(20));
        }
        assertEquals(List.of(), events);
    }

    @Test
    void anOperationThatIsNotRunningCannotStall() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        // A finished parse waits for the admin to select users: that may take a day, and is no stall.
        answer(detector, Statuses.completed("parse", 5, 0), Duration.ofHours(3));
        assertEquals(List.of(), events);
        answer(detector, Statuses.running("migration", 10), Duration.ofMinutes(29));
        assertEquals(List.of(), events, "the clock starts when the operation runs");
    }

    @Test
    void aStalledOperationThatEndsHasMovedAgain() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        answer(detector, Statuses.running("migration", 100), Duration.ofMinutes(31));
        answer(detector, Statuses.completed("migration", 5, 5), Duration.ofSeconds(2));
        assertEquals(List.of(StallEvent.Kind.STALLED, StallEvent.Kind.RESUMED), events.stream().map(StallEvent::kind).toList());
    }

    @Test
    void anEmptyAnswerInAPlateauNeitherEndsNorRestartsIt() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        answer(detector, Statuses.running("migration", 45), Duration.ofMinutes(20));
        answer(detector, Optional.empty(), Duration.ofSeconds(2));
        answer(detector, Statuses.running("migration", 45), Duration.ofMinutes(11));
        assertEquals(1, events.size(), "a cache miss between two equal answers is no change");
        assertEquals(START.plus(Duration.ofMinutes(30)), events.get(0).at());
    }

    @Test
    void aLongOutageEndsInAStallWhenNothingChangedAcrossIt() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        detector.observe(START, Statuses.running("migration", 45)).ifPresent(events::add);
        detector.observe(START.plus(Duration.ofMinutes(40)), Statuses.running("migration", 45)).ifPresent(events::add);
        assertEquals(List.of(Duration.ofMinutes(40)), events.stream().map(StallEvent::unchangedFor).toList());
    }

    @Test
    void aNewOperationAtTheSamePercentIsAChange() {
        StallDetector detector = new StallDetector(Duration.ofMinutes(30));
        answer(detector, Statuses.running("parse", 1), Duration.ofMinutes(20));
        answer(detector, Statuses.running("migration", 1), Duration.ofMinutes(20));
        assertEquals(List.of(), events);
    }

    @Test
    void zeroTurnsItOff() {
        StallDetector detector = new StallDetector(Duration.ZERO);
        answer(detector, Statuses.running("migration", 45), Duration.ofHours(30));
        assertFalse(detector.enabled());
        assertEquals(List.of(), events);
    }
}
