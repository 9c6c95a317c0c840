package dev.migstatus.watch;

import dev.migstatus.docspace.RetryAfter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void firstWaitAveragesTheIntervalAndDoubles() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), () -> 0.5);
        assertEquals(Duration.ofSeconds(2), backoff.delay(1, Optional.empty(), NOW));
        assertEquals(Duration.ofSeconds(4), backoff.delay(2, Optional.empty(), NOW));
        assertEquals(Duration.ofSeconds(8), backoff.delay(3, Optional.empty(), NOW));
    }

    @Test
    void fullJitterSpansZeroToTheCeilingButNeverBelowAFloor() {
        assertEquals(Duration.ofMillis(100), new Backoff(Duration.ofSeconds(2), () -> 0.0).delay(1, Optional.empty(), NOW));
        assertEquals(Duration.ofMillis(3996), new Backoff(Duration.ofSeconds(2), () -> 0.999).delay(1, Optional.empty(), NOW));
    }

    @Test
    void isCappedAtThirtySeconds() {
        assertEquals(Duration.ofSeconds(15), new Backoff(Duration.ofSeconds(2), () -> 0.5).delay(12, Optional.empty(), NOW),
                "half of the 30 s cap, not half of 2 s × 2¹²");
    }

    @Test
    void retryAfterIsAFloorInSecondsOrAsADate() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), () -> 0.5);
        assertEquals(Duration.ofSeconds(45), backoff.delay(1, RetryAfter.parse("45"), NOW));
        assertEquals(Duration.ofSeconds(90), backoff.delay(1, RetryAfter.parse("Fri, 27 Nov 2026 08:01:30 GMT"), NOW));
        assertEquals(Duration.ofSeconds(2), backoff.delay(1, RetryAfter.parse("soon"), NOW), "a bad header is ignored");
    }
}
