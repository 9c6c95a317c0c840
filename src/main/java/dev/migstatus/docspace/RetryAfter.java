package dev.migstatus.docspace;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code Retry-After} header: either a number of seconds or an HTTP date. A date can only be
 * turned into a wait by whoever owns the clock, so both forms are kept as they came.
 */
public record RetryAfter(Duration delay, Instant notBefore) {

    /** Empty for an absent or unreadable header: a bad header must not stop the retry. */
    public static Optional<RetryAfter> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(new RetryAfter(Duration.ofSeconds(seconds), null));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(new RetryAfter(null, at));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** How long to wait when it is {@code now}; never negative. */
    public Duration waitFrom(Instant now) {
        Duration wait = delay != null ? delay : Duration.between(now, notBefore);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
