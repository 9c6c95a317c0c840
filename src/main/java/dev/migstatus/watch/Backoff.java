package dev.migstatus.watch;

import dev.migstatus.docspace.RetryAfter;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a uniform random time up to
 * {@code base × 2ⁿ}, capped. The first wait averages {@code base}, the poll interval, and many
 * watchers behind one proxy do not retry in step. A server's {@code Retry-After} is a floor.
 */
public final class Backoff {

    public static final Duration CAP = Duration.ofSeconds(30);
    private static final Duration FLOOR = Duration.ofMillis(100);

    private final Duration base;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); tests pass a fixed value */
    public Backoff(Duration base, DoubleSupplier random) {
        this.base = base;
        this.random = random;
    }

    /** @param attempt 1 for the first failure of a streak */
    public Duration delay(int attempt, Optional<RetryAfter> retryAfter, Instant now) {
        double ceilingMillis = Math.min(CAP.toMillis(), base.toMillis() * Math.pow(2, Math.min(attempt, 20)));
        long millis = Math.max(FLOOR.toMillis(), (long) (random.getAsDouble() * ceilingMillis));
        Duration jittered = Duration.ofMillis(millis);
        Duration asked = retryAfter.map(r -> r.waitFrom(now)).orElse(Duration.ZERO);
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }
}
