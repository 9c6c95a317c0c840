package dev.migstatus.render.progress;

import dev.migstatus.watch.WatchListener;

import java.time.Duration;

/** Shows a watch as it runs; another message may only be printed after {@link #clear()}. */
public interface ProgressView extends WatchListener {

    ProgressView NONE = new ProgressView() {
    };

    /** A CI log or an event stream never goes silent for longer than this while a watch runs. */
    Duration HEARTBEAT = Duration.ofSeconds(30);

    /** Takes a line drawn in place off the screen, so that a message can be printed cleanly. */
    default void clear() {
    }

    /** Draws the last known state again after a message; the display keeps it through an outage. */
    default void restore() {
    }

    /** Ends the display for good: the line is cleared and the cursor shown again. */
    default void close() {
    }
}
