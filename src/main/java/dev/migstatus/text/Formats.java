package dev.migstatus.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers as people read them: sizes, elapsed times, percentages. */
public final class Formats {

    private Formats() {
    }

    /** {@code 5.0 MiB}, {@code 812 B}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * {@code 2026-11-27T08:00:03.250Z}: UTC to the millisecond, always three digits, as JavaScript
     * writes it (jq's {@code fromdateiso8601} takes it after {@code sub("\\.[0-9]+Z$"; "Z")}).
     */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** {@code 03:12} under an hour, {@code 1:02:03} above. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Whole percent, never more than 100 whatever the server says. */
    public static int percent(double progress) {
        if (Double.isNaN(progress) || progress <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.floor(progress));
    }

    /** {@code 5,000}: thousands separated, as everywhere a count is shown. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 user}, {@code 2 users}, {@code 5,000 users}. */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }
}
