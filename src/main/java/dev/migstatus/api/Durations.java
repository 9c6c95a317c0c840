package dev.migstatus.api;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them in messages: {@code 250ms}, {@code 1.5s}, {@code 14s}, {@code 1m 05s}, {@code 2h 03m}. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 10_000 && ms % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
