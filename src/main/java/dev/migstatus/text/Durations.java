package dev.migstatus.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: read from {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 5m},
 * {@code 1h}, {@code 1h30m} or bare seconds ({@code 10}); written in messages as {@code 250ms},
 * {@code 1.5s}, {@code 14s}, {@code 5m}, {@code 1m 05s}, {@code 2h 03m}.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern BARE = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** About 300 years: enough for any timeout, far from overflowing {@link java.time.Instant} arithmetic. */
    private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(10_000_000_000_000L);

    private Durations() {
    }

    /** @throws IllegalArgumentException with a message fit to show, quoting {@code value} */
    public static Duration parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (BARE.matcher(text).matches()) {
            return ofSeconds(new BigDecimal(text), value);
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            BigDecimal amount = new BigDecimal(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> millis(amount, value);
                case "s" -> ofSeconds(amount, value);
                case "m" -> ofSeconds(amount.multiply(BigDecimal.valueOf(60)), value);
                case "h" -> ofSeconds(amount.multiply(BigDecimal.valueOf(3600)), value);
                default -> ofSeconds(amount.multiply(BigDecimal.valueOf(86400)), value);
            });
            at = m.end();
        }
        if (text.isEmpty() || at != text.length()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration; use e.g. 250ms, 2s, 1.5s, 5m, 1h or a number of seconds");
        }
        return total;
    }

    private static Duration ofSeconds(BigDecimal seconds, String value) {
        return millis(seconds.multiply(BigDecimal.valueOf(1000)), value);
    }

    private static Duration millis(BigDecimal millis, String value) {
        if (millis.compareTo(MAX_MILLIS) > 0) {
            throw new IllegalArgumentException("'" + value + "' is too long a duration");
        }
        return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValue());
    }

    /**
     * One way of writing a duration everywhere: whole units bare ({@code 2s}, {@code 5m}, {@code 1h}),
     * a tenth of a second only below 10 s and only when it is not whole ({@code 1.5s}, never {@code 2.0s}),
     * no seconds above an hour.
     */
    public static String format(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 9_950) {
            long tenths = Math.round(ms / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + "m" : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        long minutes = (s % 3600) / 60;
        return minutes == 0 ? s / 3600 + "h" : String.format(Locale.ROOT, "%dh %02dm", s / 3600, minutes);
    }

    /**
     * To the nearest unit worth saying of a long time, for estimates and plateaus: {@code 45s},
     * {@code 12m}, {@code 1h 05m}, {@code 2d 03h}.
     */
    public static String roughly(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        long m = Math.round(s / 60.0);
        if (m < 60) {
            return m + "m";
        }
        if (m < 24 * 60) {
            return String.format(Locale.ROOT, "%dh %02dm", m / 60, m % 60);
        }
        long h = Math.round(s / 3600.0);
        return String.format(Locale.ROOT, "%dd %02dh", h / 24, h % 24);
    }
}
