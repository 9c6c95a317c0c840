package dev.migstatus.api;

import java.time.Duration;

/** Short durations as people write them: {@code 250ms}, {@code 4s}, {@code 1.5s}, {@code 5m}, {@code 1h30m}. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
